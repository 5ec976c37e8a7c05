/**
 * The setup page's guided test of the reply path: a test ticket for the admin's own phone (an end
 * user of that number, the SMS tag, an internal note saying what to do), then a wait for what a
 * public reply there causes in Klaviyo: first the reply event on the number's profile (Zendesk's
 * trigger and webhook worked), then the text itself (`Received SMS`: the flow sent it) or its
 * failure (`Failed to Deliver SMS`).
 */
import type { KlaviyoClient } from '../../klaviyo';
import { smsText } from '../../sms/thread';
import type { Transport } from '../../transport';
import { createTicket, type TicketBrief } from '../../zendesk/tickets';
import { upsertEndUser } from '../../zendesk/users';

const DELIVERED = 'received sms';
const FAILED = 'failed to deliver sms';
const named = (name: string) => (event: { metricName: string | null }) =>
  (event.metricName ?? '').toLowerCase() === name.toLowerCase();

/** The words the test ticket is made of, in the admin's language. */
export interface TestTicketWords {
  customerName: string;
  subject: string;
  note: string;
}

export async function createTestTicket(
  transport: Transport,
  phone: string,
  smsTag: string,
  words: TestTicketWords,
): Promise<TicketBrief> {
  const customer = await upsertEndUser(transport, {
    name: words.customerName,
    externalId: `klaviyo-for-zendesk-reply-test:${phone}`,
    phone,
  });
  return createTicket(transport, {
    subject: words.subject,
    requesterId: customer.id,
    tags: [smsTag],
    comment: { body: words.note, public: false },
  });
}

export type ReplyTestProgress =
  /** Klaviyo has no profile for the number, or nothing new on it yet. */
  | { stage: 'waiting' }
  /** The reply reached Klaviyo as an event; no text yet. */
  | { stage: 'recorded' }
  | { stage: 'texted'; text: string | null }
  | { stage: 'failed' };

const newer = (since: Date) => (event: { datetime: string }) =>
  Date.parse(event.datetime) >= since.getTime() - 1000;

export async function checkTestReply(
  klaviyo: Pick<KlaviyoClient, 'lookupProfile' | 'getProfileEvents'>,
  phone: string,
  since: Date,
  metricName: string,
): Promise<ReplyTestProgress> {
  const found = await klaviyo.lookupProfile({ phone });
  if (found.status !== 'found') return { stage: 'waiting' };
  const { events } = await klaviyo.getProfileEvents(found.profile.id, { pageSize: 20 });
  const recent = events.filter(newer(since));
  const delivered = recent.find(named(DELIVERED));
  if (delivered) return { stage: 'texted', text: smsText(delivered.properties) };
  if (recent.some(named(FAILED))) return { stage: 'failed' };
  if (recent.some(named(metricName))) return { stage: 'recorded' };
  return { stage: 'waiting' };
}
