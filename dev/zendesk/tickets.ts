/**
 * The ticket rules of Zendesk's REST API, over the one state: creating a ticket (its first
 * comment, follow-ups of closed tickets, brand, tags, external id), updating one (a comment with
 * its author and visibility, status, tags, requester, ...), each answered with the audit Zendesk
 * returns. Every change is announced through `state.onTicketChange`, which is where triggers run.
 */
import { recordInvalid } from './errors';
import { htmlToText, makeComment, makeTicket, normaliseTags, via } from './records';
import type { ZendeskState } from './state';
import { before, type TicketUpdate } from './ticket-update';
import { TICKET_STATUSES, type ZdComment, type ZdTicket, type ZdTicketStatus } from './types';

/** Who makes a change and through which channel (`web` for the agent UI, `api`, `mobile`...). */
export interface Actor {
  userId: number;
  via: string;
}

export interface NewComment {
  body?: string;
  htmlBody?: string;
  public?: boolean;
  authorId?: number;
}

export interface TicketChanges {
  comment?: NewComment;
  status?: string;
  subject?: string;
  priority?: string | null;
  tags?: string[];
  additionalTags?: string[];
  removeTags?: string[];
  requesterId?: number;
  assigneeId?: number | null;
  externalId?: string | null;
}

export interface NewTicket {
  subject: string;
  comment: NewComment;
  requesterId: number;
  status?: string;
  tags?: string[];
  brandId?: number;
  priority?: string | null;
  type?: string | null;
  externalId?: string | null;
  /** A closed ticket this one follows up (Zendesk's `via_followup_source_id`). */
  followupSourceId?: number;
}

export interface TicketAudit {
  id: number;
  ticket_id: number;
  created_at: string;
  author_id: number;
  metadata: { system: Record<string, unknown>; custom: Record<string, unknown> };
  events: Array<Record<string, unknown>>;
}

type Invalid = Record<string, string>;

function checkChanges(state: ZendeskState, ticket: ZdTicket, changes: TicketChanges): Invalid {
  const invalid: Invalid = {};
  if (ticket.status === 'closed') invalid.status = 'Status: closed prevents ticket update';
  else if (
    changes.status !== undefined &&
    !TICKET_STATUSES.includes(changes.status as ZdTicketStatus)
  ) {
    invalid.status = `Status: ${changes.status} is not a valid status`;
  }
  if (changes.requesterId !== undefined && !state.users.has(changes.requesterId)) {
    invalid.requester = 'Requester: is invalid';
  }
  const c = changes.comment;
  if (c) {
    const body = c.body ?? '';
    if (body.trim() === '' && (c.htmlBody === undefined || htmlToText(c.htmlBody) === '')) {
      invalid.comment = 'Comment: value cannot be blank';
    }
    if (c.authorId !== undefined && !state.users.has(c.authorId)) {
      invalid.author = 'Author: is invalid';
    }
  }
  return invalid;
}

function newTags(ticket: ZdTicket, changes: TicketChanges): string[] {
  let tags = [...(changes.tags ?? ticket.tags)];
  for (const tag of changes.additionalTags ?? []) if (!tags.includes(tag)) tags.push(tag);
  tags = tags.filter((tag) => !(changes.removeTags ?? []).includes(tag));
  return normaliseTags(tags);
}

/** Applies the field changes, recording each as an audit `Change` event. */
function applyFields(ticket: ZdTicket, changes: TicketChanges, events: TicketAudit['events']) {
  const change = <K extends keyof ZdTicket>(field: K, value: ZdTicket[K] | undefined) => {
    if (value === undefined || JSON.stringify(value) === JSON.stringify(ticket[field])) return;
    events.push({
      id: events.length + 1,
      type: 'Change',
      field_name: field,
      value,
      previous_value: ticket[field],
    });
    ticket[field] = value;
  };
  change('status', changes.status as ZdTicketStatus | undefined);
  if (changes.subject !== undefined) {
    change('subject', changes.subject);
    ticket.raw_subject = ticket.subject;
  }
  change('priority', changes.priority);
  change('tags', newTags(ticket, changes));
  change('requester_id', changes.requesterId);
  change('assignee_id', changes.assigneeId);
  change('external_id', changes.externalId);
}

function commentEvent(comment: ZdComment): Record<string, unknown> {
  return {
    id: comment.id,
    type: 'Comment',
    author_id: comment.author_id,
    body: comment.body,
    html_body: comment.html_body,
    plain_body: comment.plain_body,
    public: comment.public,
    attachments: [],
    audit_id: comment.audit_id,
  };
}

function updaterOf(state: ZendeskState, actor: Actor): TicketUpdate['updater'] {
  const user = state.getUser(actor.userId);
  return { id: user.id, role: user.role };
}

export function updateTicket(
  state: ZendeskState,
  id: number,
  changes: TicketChanges,
  actor: Actor,
  kind: TicketUpdate['kind'] = 'Change',
): { ticket: ZdTicket; audit: TicketAudit } {
  const ticket = state.getTicket(id);
  const invalid = checkChanges(state, ticket, changes);
  if (Object.keys(invalid).length > 0) throw recordInvalid(invalid);

  const at = state.now().toISOString();
  const auditId = state.nextId();
  const events: TicketAudit['events'] = [];
  const previous = kind === 'Create' ? null : before(ticket);
  let comment: ZdComment | null = null;
  if (changes.comment) {
    const c = changes.comment;
    comment = makeComment(
      state.records,
      {
        body: c.body ?? '',
        ...(c.htmlBody !== undefined ? { htmlBody: c.htmlBody } : {}),
        public: c.public !== false,
        authorId: c.authorId ?? actor.userId,
        channel: actor.via,
      },
      at,
    );
    comment.audit_id = auditId;
    state.comments.set(id, [...(state.comments.get(id) ?? []), comment]);
    if (kind === 'Create') ticket.description = comment.body;
    events.push(commentEvent(comment));
  }
  applyFields(ticket, changes, events);
  ticket.updated_at = at;
  state.onTicketChange?.({
    kind,
    ticket: structuredClone(ticket),
    before: previous,
    comment,
    comments: [...(state.comments.get(id) ?? [])],
    via: actor.via,
    updater: updaterOf(state, actor),
  });
  return {
    ticket,
    audit: {
      id: auditId,
      ticket_id: id,
      created_at: at,
      author_id: comment?.author_id ?? actor.userId,
      metadata: { system: {}, custom: {} },
      events,
    },
  };
}

function checkNew(state: ZendeskState, input: NewTicket, brandId: number): Invalid {
  const invalid: Invalid = {};
  if (!input.subject?.trim()) invalid.subject = 'Subject: cannot be blank';
  if (!state.users.has(input.requesterId)) invalid.requester = 'Requester: is invalid';
  const status = input.status ?? 'new';
  if (!TICKET_STATUSES.includes(status as ZdTicketStatus) || status === 'closed') {
    invalid.status = `Status: ${status} is not a valid status`;
  }
  if (!state.brands.some((b) => b.id === brandId)) invalid.brand = 'Brand: is invalid';
  const body = input.comment.body ?? htmlToText(input.comment.htmlBody ?? '');
  if (body.trim() === '') invalid.comment = 'Description: cannot be blank';
  if (input.comment.authorId !== undefined && !state.users.has(input.comment.authorId)) {
    invalid.author = 'Author: is invalid';
  }
  if (input.followupSourceId !== undefined) {
    const source = state.tickets.get(input.followupSourceId);
    if (!source) invalid.via_followup_source_id = 'Via followup source: is invalid';
    else if (source.status !== 'closed') {
      invalid.via_followup_source_id = 'Via followup source: the ticket is not closed';
    }
  }
  return invalid;
}

export function createTicket(
  state: ZendeskState,
  input: NewTicket,
  actor: Actor,
): { ticket: ZdTicket; audit: TicketAudit } {
  const brandId = input.brandId ?? state.brands.find((b) => b.default)?.id ?? 1;
  const invalid = checkNew(state, input, brandId);
  if (Object.keys(invalid).length > 0) throw recordInvalid(invalid);
  const id = Math.max(100, ...state.tickets.keys()) + 1;
  const source = input.followupSourceId ? state.getTicket(input.followupSourceId) : null;
  const ticket = makeTicket(state.records, {
    id,
    subject: input.subject,
    status: (input.status ?? 'new') as ZdTicketStatus,
    requesterId: input.requesterId,
    submitterId: input.comment.authorId ?? input.requesterId,
    brandId,
    groupId: state.groups.find((g) => g.default)?.id ?? null,
    assigneeId: null,
    priority: input.priority ?? null,
    type: input.type ?? null,
    via: source
      ? via(actor.via, {
          from: { ticket_id: source.id, subject: source.subject },
          rel: 'follow_up',
        })
      : via(actor.via),
    externalId: input.externalId ?? null,
    isPublic: input.comment.public !== false,
    createdAt: state.now().toISOString(),
  });
  state.tickets.set(id, ticket);
  state.comments.set(id, []);
  source?.followup_ids.push(id);
  return updateTicket(
    state,
    id,
    {
      comment: { ...input.comment, authorId: input.comment.authorId ?? input.requesterId },
      tags: input.tags ?? [],
    },
    actor,
    'Create',
  );
}

/** Zendesk's `GET /api/v2/tickets?external_id=`: every ticket with that external id. */
export function ticketsByExternalId(state: ZendeskState, externalId: string): ZdTicket[] {
  return [...state.tickets.values()]
    .filter((t) => t.external_id === externalId)
    .sort((a, b) => a.id - b.id);
}
