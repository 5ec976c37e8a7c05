/**
 * The Liquid template Zendesk renders into each webhook request: one Klaviyo event
 * (EventCreateQueryV2) per ticket and metric. Zendesk's Liquid and liquidjs differ on backslashes
 * inside quoted filter arguments, so the template never writes one there: the characters it
 * needs are captured from plain template text first (`{% capture %}`), which both read alike.
 */
import {
  JSON_ESCAPE_CAPTURES,
  jsonLiteral as literal,
  jsonString as str,
  requesterIdentifiers as identifiers,
} from '../zendesk/liquid-json';
import { PLACEHOLDER_ESCAPING, type PlaceholderEscaping } from './escaping';

export type TicketMetric = 'Opened Ticket' | 'Resolved Ticket';

/** A custom ticket field to carry in the `Fields` property. */
export interface CustomFieldRef {
  id: number;
  title: string;
  /** Zendesk field type: `tagger` (drop-down) sends the option's title, not its tag. */
  type: string;
}

export interface EventBodyOptions {
  escaping?: PlaceholderEscaping;
  customFields?: CustomFieldRef[];
}

/** How many characters of the description to send (Klaviyo allows 100 KB per string). */
export const DESCRIPTION_LIMIT = 4000;
/** At most this many custom fields go into `Fields`. */
export const CUSTOM_FIELD_LIMIT = 50;

const UNIQUE_SUFFIX: Record<TicketMetric, string> = {
  'Opened Ticket': 'opened',
  'Resolved Ticket': 'resolved',
};

function fieldExpression(field: CustomFieldRef): string {
  return field.type === 'tagger'
    ? `ticket.ticket_field_option_title_${field.id}`
    : `ticket.ticket_field_${field.id}`;
}

function tags(escaping: PlaceholderEscaping): string {
  return [
    "{% assign k4z_tags = ticket.tags | split: ' ' %}",
    "{% assign k4z_sep = '' %}",
    '[',
    "{% for k4z_tag in k4z_tags %}{% if k4z_tag != '' %}",
    `{{k4z_sep}}${str('k4z_tag', escaping)}{% assign k4z_sep = ', ' %}`,
    '{% endif %}{% endfor %}',
    ']',
  ].join('');
}

/**
 * The trigger's webhook body for one metric. Deterministic: the same options give the same text,
 * so provisioning can compare it with what Zendesk holds.
 */
export function buildEventBody(metric: TicketMetric, options: EventBodyOptions = {}): string {
  const escaping = options.escaping ?? PLACEHOLDER_ESCAPING;
  const s = (e: string) => str(e, escaping);
  const seen = new Set<string>();
  const fields = (options.customFields ?? []).slice(0, CUSTOM_FIELD_LIMIT).map((f) => {
    // Two fields with one title would make a duplicate JSON key: the second gets its id.
    const key = seen.has(f.title) ? `${f.title} (${f.id})` : f.title;
    seen.add(key);
    return `${literal(key)}: ${s(fieldExpression(f))}`;
  });
  const properties = [
    '"Ticket_id": {{ticket.id}}',
    `"Subject": ${s('ticket.title')}`,
    `"Description": ${s(`ticket.description | truncate: ${DESCRIPTION_LIMIT}`)}`,
    `"Status": ${s('ticket.status')}`,
    `"Priority": ${s('ticket.priority')}`,
    `"Type": ${s('ticket.ticket_type')}`,
    `"Channel": ${s('ticket.via')}`,
    '"Via": "Zendesk"',
    `"Brand": ${s('ticket.brand.name')}`,
    `"Group_name": ${s('ticket.group.name')}`,
    `"Assignee_name": ${s('ticket.assignee.name')}`,
    `"Assignee_email": ${s('ticket.assignee.email')}`,
    `"Tags": ${tags(escaping)}`,
    `"Fields": {${fields.join(', ')}}`,
    `"Zendesk_url": ${s('ticket.link')}`,
  ];
  return [
    escaping === 'liquid-filters' ? JSON_ESCAPE_CAPTURES : '',
    '{"data": {"type": "event", "attributes": {\n',
    '"properties": {\n',
    properties.join(',\n'),
    '\n},\n',
    `"metric": {"data": {"type": "metric", "attributes": {"name": ${JSON.stringify(metric)}}}},\n`,
    '"profile": {"data": {"type": "profile", ',
    identifiers(escaping),
    ' }},\n',
    `"unique_id": "zendesk-{{ticket.id}}-${UNIQUE_SUFFIX[metric]}"\n`,
    '}}}',
  ].join('');
}
