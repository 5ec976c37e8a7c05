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

export interface NewTicket {
  subject: string;
  requesterId: number;
  tags: string[];
  /** The first comment; `public: false` makes it an internal note. */
  comment: { body: string; public: boolean };
}

/** Creates a ticket as the signed-in agent (an API creation: `update_type` is Create). */
export async function createTicket(transport: Transport, ticket: NewTicket): Promise<TicketBrief> {
  const answer = await zendeskCall<{ ticket: TicketBrief }>(
    transport,
    'POST',
    '/api/v2/tickets.json',
    'Creating the test ticket',
    {
      ticket: {
        subject: ticket.subject,
        requester_id: ticket.requesterId,
        tags: ticket.tags,
        comment: ticket.comment,
      },
    },
  );
  return answer.ticket;
}
