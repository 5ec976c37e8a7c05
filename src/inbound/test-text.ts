/**
 * The setup page's guided test: the admin texts TEST from their own phone, and the page waits for
 * the ticket. Found the way the flow files it: the Klaviyo profile of that number, then the
 * ticket holding the profile's external id, touched since the test started.
 */
import type { KlaviyoClient } from '../klaviyo';
import type { Transport } from '../transport';
import { findTicketsByExternalId, type TicketBrief } from '../zendesk/tickets';
import { ticketExternalId } from './names';

/** The word the page asks the admin to text (not a subscription keyword, so it makes a ticket). */
export const TEST_WORD = 'TEST';

export async function findTestTicket(
  klaviyo: Pick<KlaviyoClient, 'lookupProfile'>,
  zendesk: Transport,
  phone: string,
  since: Date,
): Promise<TicketBrief | null> {
  const found = await klaviyo.lookupProfile({ phone });
  // Klaviyo keeps phone numbers unique; anything but one profile means the text has not come yet.
  if (found.status !== 'found') return null;
  const tickets = await findTicketsByExternalId(zendesk, ticketExternalId(found.profile.id));
  return (
    tickets
      .filter((ticket) => Date.parse(ticket.updated_at) >= since.getTime() - 1000)
      .sort((a, b) => b.id - a.id)[0] ?? null
  );
}
