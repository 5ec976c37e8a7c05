/**
 * The Zendesk half of the reply path: a webhook to Klaviyo's events endpoint and the trigger that
 * calls it for every public agent reply on an SMS ticket, wherever the agent wrote it (agent
 * workspace, mobile app, email reply, macro).
 *
 * The conditions, and why (the echo rule first):
 * - `current_via_id is_not 5`: never a comment written through the API. The inbound ZIS flow adds
 *   the customer's texts through the API with an admin's OAuth token, so "current user is an
 *   agent" holds for them too; the channel is the only thing that tells them apart. Public
 *   comments other integrations write through the API are therefore not texted either: we cannot
 *   tell a bot's reply from a customer's echoed text, and a customer texted twice is worse than an
 *   integration that has to text through its own path.
 * - `role is agent`: the current user is an agent or admin, so a customer's own email reply on
 *   the ticket is never texted back to them.
 * - `requester_id is_not current_user`: an agent who is also the requester (a test ticket) is not
 *   texted their own words.
 * - `comment_is_public is true`: internal notes (the sidebar composer's record of what it sent)
 *   never fire it.
 * - `current_tags includes <sms_ticket_tag>`: SMS tickets only, tagged by the inbound flow or by
 *   hand.
 * - `update_type is Change`: a reply to an existing ticket, not the creation of one.
 */
import { KLAVIYO_BASE_URL, KLAVIYO_REVISION } from '../../klaviyo';
import type { Condition, TriggerInput, WebhookInput } from '../../zendesk/types';
import { buildReplyEventBody } from './body';

export const REPLY_MARKERS = {
  webhook: '[klaviyo-for-zendesk:reply-webhook]',
  trigger: '[klaviyo-for-zendesk:reply-trigger]',
  flow: '[klaviyo-for-zendesk:reply-flow]',
} as const;

export const REPLY_TITLES = {
  webhook: 'Klaviyo: SMS replies',
  trigger: 'Klaviyo: text public replies on SMS tickets',
  flow: 'Zendesk: text agent replies (managed by Klaviyo for Zendesk)',
} as const;

/** Zendesk's via id of "Web service (API)": comments added through the REST API. */
export const VIA_API = 5;

const MANAGED = "Managed by the Klaviyo for Zendesk app: change it from the app's setup page.";

export function replyTriggerConditions(smsTag: string): { all: Condition[]; any: Condition[] } {
  return {
    all: [
      { field: 'current_via_id', operator: 'is_not', value: String(VIA_API) },
      { field: 'role', operator: 'is', value: 'agent' },
      { field: 'requester_id', operator: 'is_not', value: 'current_user' },
      { field: 'comment_is_public', operator: 'is', value: 'true' },
      { field: 'current_tags', operator: 'includes', value: smsTag },
      { field: 'update_type', operator: 'is', value: 'Change' },
    ],
    any: [],
  };
}

export interface ReplyPathConfig {
  /** The app setting `sms_ticket_tag`. */
  smsTag: string;
  /** The app setting `flow_metric_name`: the metric the Klaviyo flow triggers on. */
  metricName: string;
}

export function replyTriggerInput(config: ReplyPathConfig, webhookId: string): TriggerInput {
  return {
    title: REPLY_TITLES.trigger,
    description: `Texts every public agent reply on tickets tagged "${config.smsTag}" through Klaviyo. ${MANAGED} ${REPLY_MARKERS.trigger}`,
    active: true,
    conditions: replyTriggerConditions(config.smsTag),
    actions: [
      { field: 'notification_webhook', value: [webhookId, buildReplyEventBody(config.metricName)] },
    ],
  };
}

export function replyWebhookInput(apiKey: string | null): WebhookInput {
  return {
    name: REPLY_TITLES.webhook,
    description: `Sends public agent replies on SMS tickets to Klaviyo as events. ${MANAGED} ${REPLY_MARKERS.webhook}`,
    status: 'active',
    endpoint: `${KLAVIYO_BASE_URL}/api/events`,
    http_method: 'POST',
    request_format: 'json',
    subscriptions: ['conditional_ticket_events'],
    custom_headers: { revision: KLAVIYO_REVISION },
    ...(apiKey
      ? {
          authentication: {
            type: 'api_key' as const,
            add_position: 'header' as const,
            data: { name: 'Authorization', value: `Klaviyo-API-Key ${apiKey.trim()}` },
          },
        }
      : {}),
  };
}

export function isReplyObject(
  kind: keyof typeof REPLY_MARKERS,
  object: { title?: string; name?: string; description?: string | null },
): boolean {
  if (object.description?.includes(REPLY_MARKERS[kind])) return true;
  return (object.title ?? object.name) === REPLY_TITLES[kind];
}
