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
