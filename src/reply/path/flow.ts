/**
 * The Klaviyo half of the reply path: a flow, created through the Flows API, triggered by the
 * reply metric, with one `send-sms` action whose body is the event's text. The settings are chosen
 * for a conversational answer, not a campaign (docs/admin/replies.md says why, field by field):
 * - `smart_sending_enabled: false`: smart sending skips profiles texted recently, which in a
 *   conversation is every reply after the first.
 * - `sms_quiet_hours_enabled: false`: the agent answers a customer who wrote in; holding the reply
 *   until morning breaks the conversation. The sidebar and the save bridge warn the agent when it
 *   is night for the customer, before the reply is saved.
 * - `transactional: false`: Klaviyo's transactional SMS needs Klaviyo's approval per account; the
 *   reply goes out under the customer's SMS consent, which Klaviyo checks itself (no consent: no
 *   text, recorded as skipped on the profile).
 * - no org prefix, info link, opt-out language, link shortening or tracking parameters: the customer
 *   reads what the agent wrote, as in Klaviyo's own inbox.
 */
import { REPLY_EVENT_PROPERTIES } from '../../klaviyo';
import { REPLY_MARKERS, REPLY_TITLES } from './trigger';

export type FlowStatus = 'draft' | 'manual' | 'live';

/** The name the flow is created with and found again by (its marker makes it ours). */
export const REPLY_FLOW_NAME = `${REPLY_TITLES.flow} ${REPLY_MARKERS.flow}`;

/** The FlowCreateQuery body (validated against Klaviyo's spec in the tests). */
export function replyFlowBody(metricId: string, status: FlowStatus = 'live') {
  return {
    data: {
      type: 'flow' as const,
      attributes: {
        name: REPLY_FLOW_NAME,
        definition: {
          triggers: [{ type: 'metric' as const, id: metricId }] as [{ type: 'metric'; id: string }],
          profile_filter: null,
          actions: [
            {
              temporary_id: 'send-reply',
              type: 'send-sms' as const,
              links: { next: null },
              data: {
                status,
                message: {
                  body: `{{ event.${REPLY_EVENT_PROPERTIES.text}|default:'' }}`,
                  smart_sending_enabled: false,
                  sms_quiet_hours_enabled: false,
                  transactional: false,
                  shorten_links: false,
                  add_org_prefix: false,
                  add_info_link: false,
                  add_opt_out_language: false,
                  include_contact_card: false,
                  add_tracking_params: false,
                },
              },
            },
          ],
          entry_action_id: 'send-reply',
        },
      },
    },
  };
}

export type ReplyFlowBody = ReturnType<typeof replyFlowBody>;

/** A flow as the Flows API lists it (only what the plan reads). */
export interface FlowSeen {
  id: string;
  name: string;
  status: string;
  /** The trigger's metric id, when the definition was read. */
  triggerMetricId: string | null;
}

export function isReplyFlow(flow: { name: string }): boolean {
  return flow.name.includes(REPLY_MARKERS.flow);
}
