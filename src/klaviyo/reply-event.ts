/** The reply event: an agent's reply recorded on the customer's profile, for the reply flow to text. */
import type { KlaviyoHttp } from './context';
import { KlaviyoError } from './errors';
import type { RawEventCreate } from './jsonapi';
import { phoneForLookup } from './phone';
import { cleanEmail } from './profiles';

export interface ReplyEventInput {
  metricName: string;
  profile: { id?: string | null; email?: string | null; phone?: string | null };
  text: string;
  ticketId: number | string;
  ticketUrl?: string | null;
  agentName?: string | null;
  /** Klaviyo keeps only the first event per profile + metric + unique_id: a retry is a no-op. */
  uniqueId: string;
}

/** Property names of the reply event, for the flow's SMS template (`{{ event.Text }}`). */
export const REPLY_EVENT_PROPERTIES = {
  text: 'Text',
  ticketId: 'TicketId',
  ticketUrl: 'TicketUrl',
  agentName: 'AgentName',
  source: 'Source',
} as const;

export function replyEventResource(http: KlaviyoHttp) {
  async function createReplyEvent(input: ReplyEventInput): Promise<void> {
    const id = input.profile.id?.trim() || undefined;
    const email = cleanEmail(input.profile.email) ?? undefined;
    const phone = (await phoneForLookup(input.profile.phone, http.defaultCountry)) ?? undefined;
    if (!id && !email && !phone)
      throw new KlaviyoError(
        'invalid-request',
        'The reply event needs a profile id, email or phone',
      );
    if (!input.uniqueId?.trim())
      throw new KlaviyoError('invalid-request', 'A unique id is required');
    if (!input.metricName?.trim())
      throw new KlaviyoError('invalid-request', 'A metric name is required');
    const P = REPLY_EVENT_PROPERTIES;
    const properties: Record<string, unknown> = {
      [P.text]: input.text,
      [P.ticketId]: String(input.ticketId),
      [P.source]: 'Zendesk',
    };
    if (input.ticketUrl) properties[P.ticketUrl] = input.ticketUrl;
    if (input.agentName) properties[P.agentName] = input.agentName;
    const body: RawEventCreate = {
      data: {
        type: 'event',
        attributes: {
          properties,
          time: new Date(http.now()).toISOString(),
          unique_id: input.uniqueId,
          metric: { data: { type: 'metric', attributes: { name: input.metricName.trim() } } },
          profile: {
            data: {
              type: 'profile',
              ...(id ? { id } : {}),
              attributes: {
                ...(email ? { email } : {}),
                ...(phone ? { phone_number: phone } : {}),
              },
            },
          },
        },
      },
    };
    // Klaviyo records one event per profile, metric and unique_id: repeating it is harmless.
    await http.send('create_event', 'POST', http.url('/api/events'), body, 'safe');
  }
  return { createReplyEvent };
}
