import type { Transport } from '../transport';
import { zendeskCall } from './http';

/** Adds a private comment (internal note) to a ticket, as the signed-in agent. */
export async function addInternalNote(
  transport: Transport,
  ticketId: number,
  body: string,
): Promise<void> {
  await zendeskCall(transport, 'PUT', `/api/v2/tickets/${ticketId}`, 'Adding an internal note', {
    ticket: { comment: { body, public: false } },
  });
}

/** What the setup page reads of a ticket it looks for (the inbound path's guided test). */
export interface TicketBrief {
  id: number;
  status: string;
  subject: string | null;
  updated_at: string;
}

/** The tickets holding `externalId` (Zendesk does not keep external ids unique), first page. */
export async function findTicketsByExternalId(
  transport: Transport,
  externalId: string,
): Promise<TicketBrief[]> {
  const answer = await zendeskCall<{ tickets?: TicketBrief[] }>(
    transport,
    'GET',
    `/api/v2/tickets.json?external_id=${encodeURIComponent(externalId)}`,
    'Looking up the customer’s SMS ticket',
  );
  return answer.tickets ?? [];
}
