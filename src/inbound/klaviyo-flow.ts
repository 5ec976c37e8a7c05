/**
 * The Klaviyo flow that feeds the inbound path (`POST /api/flows`, `FlowCreateQuery` of Klaviyo's
 * OpenAPI spec): triggered by the `Sent SMS` metric (the customer's text, named from the
 * profile's side), for profiles with SMS consent, with one `send-webhook` action that posts the
 * text to the ZIS inbound webhook with its Basic credentials.
 */
import { KLAVIYO_FLOW_NAME } from './names';

/** Event properties the body reads (the `Sent SMS` event's text, texted number and MMS media). */
export const SMS_EVENT_PROPERTIES = {
  text: 'Message Body',
  to: 'To Number',
  media: 'Media URL',
} as const;

export interface IngestCredentials {
  /** Absolute ingest URL (`https://{sub}.zendesk.com/api/services/zis/inbound_webhooks/generic/ingest/{token}`). */
  url: string;
  username: string;
  password: string;
}

export interface FlowCreateQuery {
  data: {
    type: 'flow';
    attributes: {
      name: string;
      definition: {
        triggers: [{ type: 'metric'; id: string }];
        profile_filter: {
          condition_groups: Array<{
            conditions: Array<{
              type: 'profile-marketing-consent';
              consent: {
                channel: 'sms';
                can_receive_marketing: true;
                consent_status: { subscription: 'subscribed' };
              };
            }>;
          }>;
        };
        actions: Array<{
          temporary_id: string;
          type: 'send-webhook';
          links: { next: null };
          data: {
            status: 'live' | 'draft';
            message: {
              name: string;
              url: string;
              headers: Record<string, string>;
              body: string;
            };
          };
        }>;
        entry_action_id: string;
      };
    };
  };
}

const ACTION_ID = 'zendesk-inbound-webhook';

/** A Klaviyo template value: the event property, or '' when the event has none. */
const eventValue = (property: string) => `{{ event|lookup:'${property}'|default:'' }}`;

/**
 * The webhook body: a JSON object whose values are Klaviyo template tags. Which values Klaviyo
 * JSON-escapes is not documented: a text that breaks the JSON makes ZIS refuse the body, which the
 * health check and the run log show (never a wrong ticket).
 */
export function webhookBodyTemplate(): string {
  const fields: Array<[string, string]> = [
    ['v', '1'],
    ['profile_id', '{{ person.KlaviyoID }}'],
    ['phone', "{{ person.phone_number|default:'' }}"],
    ['email', "{{ person.email|default:'' }}"],
    ['first_name', "{{ person.first_name|default:'' }}"],
    ['last_name', "{{ person.last_name|default:'' }}"],
    ['to', eventValue(SMS_EVENT_PROPERTIES.to)],
    ['media_url', eventValue(SMS_EVENT_PROPERTIES.media)],
    ['text', eventValue(SMS_EVENT_PROPERTIES.text)],
  ];
  return `{${fields.map(([k, v]) => `"${k}":"${v}"`).join(',')}}`;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${base64(`${username}:${password}`)}`;
}

/** The create body; `status` is the action's, the flow itself is set live after creation. */
export function klaviyoFlowBody(
  sentSmsMetricId: string,
  ingest: IngestCredentials,
  status: 'live' | 'draft' = 'live',
): FlowCreateQuery {
  if (!/^https:\/\//.test(ingest.url)) {
    throw new Error('Klaviyo flow webhooks need an https:// URL.');
  }
  return {
    data: {
      type: 'flow',
      attributes: {
        name: KLAVIYO_FLOW_NAME,
        definition: {
          triggers: [{ type: 'metric', id: sentSmsMetricId }],
          profile_filter: {
            condition_groups: [
              {
                conditions: [
                  {
                    type: 'profile-marketing-consent',
                    consent: {
                      channel: 'sms',
                      can_receive_marketing: true,
                      consent_status: { subscription: 'subscribed' },
                    },
                  },
                ],
              },
            ],
          },
          actions: [
            {
              temporary_id: ACTION_ID,
              type: 'send-webhook',
              links: { next: null },
              data: {
                status,
                message: {
                  name: 'Zendesk inbound SMS',
                  url: ingest.url,
                  headers: {
                    Authorization: basicAuthorization(ingest.username, ingest.password),
                    'Content-Type': 'application/json',
                  },
                  body: webhookBodyTemplate(),
                },
              },
            },
          ],
          entry_action_id: ACTION_ID,
        },
      },
    },
  };
}

/**
 * The ingest URL from the webhook's `path`, which ZIS may answer relative (`/api/services/...`)
 * or absolute: both are handled.
 */
export function ingestUrl(subdomainOrigin: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${subdomainOrigin.replace(/\/$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}
