/**
 * The data Zendesk's placeholders read when a trigger renders a webhook body (Zendesk's
 * placeholders reference): `ticket.*` (id, title, description, status, priority, type, via, link,
 * tags, external_id, brand, group, assignee, requester with its custom fields, custom ticket
 * fields), the comments (`ticket.latest_comment`, `ticket.latest_public_comment`,
 * `ticket.public_comments`, each with `value`, `value_rich`, `author`, `created_at`, `is_public`,
 * `id`), and `current_user` (whoever made the update). A comment rendered on its own prints its
 * text, as `{{ticket.latest_public_comment}}` does.
 */
import { Drop } from 'liquidjs';
import type { ZendeskState } from '../state';
import type { TicketUpdate } from '../ticket-update';
import type { ZdComment, ZdTicket, ZdUser } from '../types';

const title = (s: string | null) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : '');

function userData(user: ZdUser | undefined): Record<string, unknown> {
  if (!user) return {};
  const [first = '', ...rest] = user.name.split(' ');
  return {
    id: user.id,
    name: user.name,
    first_name: first,
    last_name: rest.join(' '),
    email: user.email ?? '',
    phone: user.phone ?? '',
    external_id: user.external_id ?? '',
    language: user.locale,
    role: user.role,
    custom_fields: Object.fromEntries(
      Object.entries(user.user_fields).map(([k, v]) => [k, v === null ? '' : v]),
    ),
  };
}

/** A comment as placeholders see it; printing it prints its text. */
class CommentDrop extends Drop {
  readonly id: number;
  readonly value: string;
  readonly value_rich: string;
  readonly is_public: boolean;
  readonly created_at: string;
  readonly author: Record<string, unknown>;
  constructor(comment: ZdComment, author: ZdUser | undefined) {
    super();
    this.id = comment.id;
    this.value = comment.body;
    this.value_rich = comment.html_body;
    this.is_public = comment.public;
    this.created_at = comment.created_at;
    this.author = userData(author);
  }
  override valueOf(): string {
    return this.value;
  }
}

export function liquidTicket(
  state: ZendeskState,
  ticket: ZdTicket,
  ticketComments: readonly ZdComment[] = state.comments.get(ticket.id) ?? [],
): Record<string, unknown> {
  const requester = state.users.get(ticket.requester_id);
  const assignee = ticket.assignee_id ? state.users.get(ticket.assignee_id) : undefined;
  const group = state.groups.find((g) => g.id === ticket.group_id);
  const brand = state.brands.find((b) => b.id === ticket.brand_id);
  const comments = ticketComments.map((c) => new CommentDrop(c, state.users.get(c.author_id)));
  const publicComments = comments.filter((c) => c.is_public);
  const fields = Object.fromEntries(
    ticket.custom_fields.map((f) => [
      `ticket_field_${f.id}`,
      f.value === null ? '' : String(f.value),
    ]),
  );
  return {
    id: ticket.id,
    external_id: ticket.external_id ?? '',
    title: ticket.subject,
    description: ticket.description,
    status: title(ticket.status),
    priority: title(ticket.priority),
    ticket_type: title(ticket.type),
    via: title(ticket.via.channel),
    link: `${state.baseUrl}/agent/tickets/${ticket.id}`,
    url: `${state.subdomain}.zendesk.com/agent/tickets/${ticket.id}`,
    tags: ticket.tags.join(' '),
    brand: { id: brand?.id ?? '', name: brand?.name ?? '' },
    group: { id: group?.id ?? '', name: group?.name ?? '' },
    assignee: userData(assignee),
    requester: userData(requester),
    comments: [...comments].reverse(),
    public_comments: [...publicComments].reverse(),
    latest_comment: comments[comments.length - 1] ?? '',
    latest_public_comment: publicComments[publicComments.length - 1] ?? '',
    ...fields,
  };
}

/** Everything a trigger's webhook body may read for this update. */
export function placeholderData(
  state: ZendeskState,
  update: TicketUpdate,
  comments: readonly ZdComment[],
): Record<string, unknown> {
  return {
    ticket: liquidTicket(state, update.ticket, comments),
    current_user: userData(state.users.get(update.updater.id)),
  };
}
