/**
 * One ticket change as Zendesk's triggers see it: what kind of update (Create or Change), the
 * ticket after it (a copy: later updates do not change it), the ticket's fields before it, the comment it added, the channel the update
 * came through (`current_via_id`) and the user who made it ("current user").
 */
import type { ZdComment, ZdTicket, ZdUser } from './types';

/** The fields whose change a trigger can test ("changed", "changed to", "changed from"). */
export interface TicketBefore {
  status: string;
  priority: string | null;
  type: string | null;
  group_id: number | null;
  assignee_id: number | null;
  requester_id: number;
  organization_id: number | null;
  brand_id: number;
  tags: string[];
}

export interface TicketUpdate {
  kind: 'Create' | 'Change';
  ticket: ZdTicket;
  /** Null for a new ticket. */
  before: TicketBefore | null;
  /** The comment this update added, if any. */
  comment: ZdComment | null;
  /** The ticket's comments once this update was made (placeholders read them). */
  comments: readonly ZdComment[];
  /** The update's channel, as a via type (`web`, `api`, `mobile`, `email`, ...). */
  via: string;
  /** The user who made the update: the agent in the UI, the token's user for an API call. */
  updater: Pick<ZdUser, 'id' | 'role'>;
}

export function before(ticket: ZdTicket): TicketBefore {
  return {
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    group_id: ticket.group_id,
    assignee_id: ticket.assignee_id,
    requester_id: ticket.requester_id,
    organization_id: ticket.organization_id,
    brand_id: ticket.brand_id,
    tags: [...ticket.tags],
  };
}
