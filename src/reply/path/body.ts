/**
 * The reply webhook's body: one Klaviyo event (EventCreateQueryV2) per public agent reply, as a
 * Liquid template Zendesk renders. What the phone shows: Zendesk gives webhooks the comment as
 * unformatted text (no HTML, entities decoded); the template cuts an email signature at the
 * standard `-- ` line, drops Markdown's bold markers and keeps at most `REPLY_TEXT_LIMIT`
 * characters. Every value is escaped for JSON (zendesk/liquid-json), whatever the agent typed.
 */
import { REPLY_EVENT_PROPERTIES as P } from '../../klaviyo';
import { KLAVIYO_PROFILE_FIELD_KEY } from '../../zendesk/users';
import { jsonString, JSON_ESCAPE_CAPTURES, requesterIdentifiers } from '../../zendesk/liquid-json';

/** Klaviyo's SMS body limit (characters); a longer reply is cut there, and the bridge warns. */
export const REPLY_TEXT_LIMIT = 1600;

/** The text's Liquid: signature cut, Markdown bold removed, trimmed, limited. */
function replyText(): string {
  return [
    '{% capture k4z_sig %}\n-- \n{% endcapture %}',
    '{% assign k4z_text = ticket.latest_public_comment | split: k4z_sig | first %}',
    `{% assign k4z_text = k4z_text | remove: '**' | strip | truncate: ${REPLY_TEXT_LIMIT}, '…' %}`,
  ].join('');
}

/** Klaviyo profile id where the requester is linked, else phone (E.164), else email. */
function profile(): string {
  return [
    `{% assign k4z_pid = ticket.requester.custom_fields.${KLAVIYO_PROFILE_FIELD_KEY} | strip %}`,
    "{% if k4z_pid != '' %}",
    `"id": ${jsonString('k4z_pid', 'liquid-filters')}, "attributes": { }`,
    '{% else %}',
    requesterIdentifiers('liquid-filters', 'phone-else-email'),
    '{% endif %}',
  ].join('');
}

/**
 * Deterministic: the same metric name gives the same text, so provisioning can compare it with
 * what Zendesk holds. `unique_id` is the ticket and the public comment's ordinal: the same for
 * every retry of one reply, different for the next reply.
 */
export function buildReplyEventBody(metricName: string): string {
  const s = (e: string) => jsonString(e, 'liquid-filters');
  return [
    JSON_ESCAPE_CAPTURES,
    replyText(),
    '{"data": {"type": "event", "attributes": {\n',
    '"properties": {\n',
    [
      `"${P.text}": ${s('k4z_text')}`,
      `"${P.ticketId}": "{{ticket.id}}"`,
      `"${P.ticketUrl}": ${s('ticket.link')}`,
      `"${P.agentName}": ${s('current_user.name')}`,
      `"${P.source}": "Zendesk trigger"`,
    ].join(',\n'),
    '\n},\n',
    `"metric": {"data": {"type": "metric", "attributes": {"name": ${JSON.stringify(metricName)}}}},\n`,
    '"profile": {"data": {"type": "profile", ',
    profile(),
    ' }},\n',
    '"unique_id": "zendesk-reply-{{ticket.id}}-{{ticket.public_comments.size}}"\n',
    '}}}',
  ].join('');
}
