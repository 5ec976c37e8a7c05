/**
 * Tickets and their comments: list (by `external_id` too), show, `show_many`, create (first
 * comment with its author, follow-ups of closed tickets, brand, tags, external id), update (a
 * comment with author and visibility, status, tags, requester, assignee), delete (soft, as
 * Zendesk: the ticket leaves every list and read, 204) and the comment list.
 */
import { forbidden } from '../errors';
import { idParam, object, strings, wrapped, type Json, type Router } from '../http';
import { offsetPage } from '../paging';
import { createTicket, ticketsByExternalId, updateTicket, type NewComment } from '../tickets';
import type { ZendeskState } from '../state';
import type { ZdUser } from '../types';

function commentInput(value: unknown): NewComment {
  const c = object(value);
  return {
    ...(typeof c.body === 'string' ? { body: c.body } : {}),
    ...(typeof c.html_body === 'string' ? { htmlBody: c.html_body } : {}),
    public: c.public !== false,
    ...(typeof c.author_id === 'number' ? { authorId: c.author_id } : {}),
  };
}

function sideloadUsers(state: ZendeskState, ids: Array<number | null>): ZdUser[] {
  return [...new Set(ids.filter((id): id is number => typeof id === 'number'))]
    .map((id) => state.users.get(id))
    .filter((u): u is ZdUser => u !== undefined);
}

function includes(url: URL, what: string): boolean {
  return (url.searchParams.get('include') ?? '').split(',').includes(what);
}

function idsQuery(url: URL): number[] {
  return (url.searchParams.get('ids') ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

export function ticketRoutes(r: Router): void {
  const { state } = r;
  r.add('get', '/tickets/show_many', ({ url }) => ({
    body: offsetPage(
      url,
      idsQuery(url)
        .map((id) => state.tickets.get(id))
        .filter(Boolean),
      'tickets',
      state.pageSize,
    ),
  }));
  r.add('get', '/tickets', ({ url }) => {
    const externalId = url.searchParams.get('external_id');
    const tickets =
      externalId !== null
        ? ticketsByExternalId(state, externalId)
        : [...state.tickets.values()].sort((a, b) => a.id - b.id);
    const page = offsetPage(url, tickets, 'tickets', state.pageSize);
    const shown = page.tickets as typeof tickets;
    return {
      body: {
        ...page,
        ...(includes(url, 'users')
          ? {
              users: sideloadUsers(
                state,
                shown.flatMap((t) => [t.requester_id, t.assignee_id]),
              ),
            }
          : {}),
      },
    };
  });
  r.add('get', '/tickets/:id', ({ params, url }) => {
    const ticket = state.getTicket(idParam(params.id));
    const users = [ticket.requester_id, ticket.submitter_id, ticket.assignee_id];
    return {
      body: {
        ticket,
        ...(includes(url, 'users') ? { users: sideloadUsers(state, users) } : {}),
        ...(includes(url, 'brands')
          ? { brands: state.brands.filter((b) => b.id === ticket.brand_id) }
          : {}),
      },
    };
  });
  r.add('put', '/tickets/:id', async ({ params, json, actor }) => {
    const id = idParam(params.id);
    state.getTicket(id);
    const input = wrapped(await json(), 'ticket');
    const result = updateTicket(state, id, ticketChanges(input), actor);
    return { body: result };
  });
  r.add('delete', '/tickets/:id', ({ params, actor }) => {
    const id = idParam(params.id);
    const ticket = state.getTicket(id);
    // Agents and admins may delete (Zendesk lets an admin take it from agents' roles); end users never.
    if (state.getUser(actor.userId).role === 'end-user') throw forbidden();
    state.tickets.delete(id);
    state.deletedTickets.set(id, ticket);
    return { status: 204 };
  });
  r.add('post', '/tickets', async ({ json, actor }) => {
    const input = wrapped(await json(), 'ticket');
    const result = createTicket(
      state,
      {
        subject: typeof input.subject === 'string' ? input.subject : '',
        comment: commentInput(input.comment),
        requesterId: typeof input.requester_id === 'number' ? input.requester_id : actor.userId,
        ...(typeof input.status === 'string' ? { status: input.status } : {}),
        ...(strings(input.tags) ? { tags: strings(input.tags) } : {}),
        ...(typeof input.brand_id === 'number' ? { brandId: input.brand_id } : {}),
        ...(typeof input.priority === 'string' ? { priority: input.priority } : {}),
        ...(typeof input.type === 'string' ? { type: input.type } : {}),
        ...(typeof input.external_id === 'string' ? { externalId: input.external_id } : {}),
        ...(typeof input.via_followup_source_id === 'number'
          ? { followupSourceId: input.via_followup_source_id }
          : {}),
      },
      actor,
    );
    return { status: 201, body: result };
  });
  r.add('get', '/tickets/:id/comments', ({ params, url }) => {
    const id = idParam(params.id);
    state.getTicket(id);
    const comments = [...(state.comments.get(id) ?? [])];
    if (url.searchParams.get('sort_order') === 'desc') comments.reverse();
    const page = offsetPage(url, comments, 'comments', state.pageSize);
    const shown = page.comments as typeof comments;
    return {
      body: {
        ...page,
        ...(includes(url, 'users')
          ? {
              users: sideloadUsers(
                state,
                shown.map((c) => c.author_id),
              ),
            }
          : {}),
      },
    };
  });
}

function ticketChanges(input: Json) {
  const list = (key: string) => strings(input[key]);
  return {
    ...(input.comment !== undefined ? { comment: commentInput(input.comment) } : {}),
    ...(typeof input.status === 'string' ? { status: input.status } : {}),
    ...(typeof input.subject === 'string' ? { subject: input.subject } : {}),
    ...(input.priority !== undefined ? { priority: input.priority as string | null } : {}),
    ...(list('tags') ? { tags: list('tags') } : {}),
    ...(list('additional_tags') ? { additionalTags: list('additional_tags') } : {}),
    ...(list('remove_tags') ? { removeTags: list('remove_tags') } : {}),
    ...(typeof input.requester_id === 'number' ? { requesterId: input.requester_id } : {}),
    ...(input.assignee_id !== undefined ? { assigneeId: input.assignee_id as number | null } : {}),
    ...(input.external_id !== undefined ? { externalId: input.external_id as string | null } : {}),
  };
}
