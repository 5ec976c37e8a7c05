/**
 * The in-memory Zendesk account behind the local workspace and the tests: tickets, comments,
 * users, identities, brands, groups and user fields, with the update rules the REST API applies.
 * `zendeskHandlers` (handlers.ts) exposes it over HTTP; the workspace's control API reads it.
 */
import { forbidden, notFound, recordInvalid } from './errors';
import { demoZendeskSeed, type SeedUser, type ZendeskSeed } from './seed';
import {
  TICKET_STATUSES,
  type ZdBrand,
  type ZdComment,
  type ZdGroup,
  type ZdIdentity,
  type ZdTicket,
  type ZdTicketStatus,
  type ZdUser,
  type ZdUserField,
  type ZdVia,
} from './types';

export interface ZendeskStoreOptions {
  /** The account's URL; records' `url` fields point at it. Default `https://demo.zendesk.com`. */
  baseUrl?: string;
  /** The clock (tests pin it). */
  now?: () => Date;
}

export interface RecordedZendeskRequest {
  method: string;
  path: string;
  status: number;
  body?: unknown;
  at: string;
}

export interface NewComment {
  body?: string;
  htmlBody?: string;
  public?: boolean;
  authorId?: number;
  channel?: string;
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
}

export interface TicketAudit {
  id: number;
  ticket_id: number;
  created_at: string;
  author_id: number;
  metadata: { system: Record<string, unknown>; custom: Record<string, unknown> };
  events: Array<Record<string, unknown>>;
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
  channel?: string;
}

export interface UserChanges {
  name?: string;
  email?: string | null;
  phone?: string | null;
  notes?: string;
  details?: string;
  tags?: string[];
  externalId?: string | null;
  userFields?: Record<string, unknown>;
}

export interface ZendeskStore {
  readonly baseUrl: string;
  readonly subdomain: string;
  /** The signed-in agent: author of comments and owner of `users/me`. */
  currentUserId: number;
  /** `anonymous` makes every API call answer 401, as Zendesk does without a session. */
  session: 'agent' | 'anonymous';
  readonly tickets: Map<number, ZdTicket>;
  readonly comments: Map<number, ZdComment[]>;
  readonly users: Map<number, ZdUser>;
  readonly identities: Map<number, ZdIdentity[]>;
  readonly brands: ZdBrand[];
  readonly groups: ZdGroup[];
  readonly userFields: ZdUserField[];
  /** Every API call the handlers answered, oldest first. */
  readonly requests: RecordedZendeskRequest[];
  now(): Date;
  nextId(): number;
  currentUser(): ZdUser;
  /** Throws 403 unless the signed-in user is an admin. */
  requireAdmin(): void;
  getTicket(id: number): ZdTicket;
  getUser(id: number): ZdUser;
  updateTicket(id: number, changes: TicketChanges): { ticket: ZdTicket; audit: TicketAudit };
  createTicket(input: NewTicket): { ticket: ZdTicket; audit: TicketAudit };
  updateUser(id: number, changes: UserChanges): ZdUser;
  createUserField(input: {
    key: string;
    title: string;
    type?: string;
    description?: string;
  }): ZdUserField;
}

const DEFAULT_BASE = 'https://demo.zendesk.com';
const LOCALE_IDS: Record<string, number> = { 'en-US': 1, es: 2, sv: 1034, ko: 1033 };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Zendesk's rendering of a plain-text comment: paragraphs, with line breaks kept. */
export function commentHtml(body: string): string {
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p dir="auto">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return `<div class="zd-comment" dir="auto">${paragraphs.join('')}</div>`;
}

/** The plain text of an HTML comment (Zendesk keeps both). */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .trim();
}

function via(channel: string): ZdVia {
  return { channel, source: { from: {}, to: {}, rel: null } };
}

export function createZendeskStore(
  seed: ZendeskSeed = demoZendeskSeed(),
  options: ZendeskStoreOptions = {},
): ZendeskStore {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE).replace(/\/$/, '');
  const clock = options.now ?? (() => new Date());
  const createdAt = new Date(clock().getTime() - 90 * 24 * 3600_000).toISOString();
  let sequence = 9_000_000;
  const nextId = () => ++sequence;
  const ago = (minutes: number) => new Date(clock().getTime() - minutes * 60_000).toISOString();
  const api = (path: string) => `${baseUrl}/api/v2/${path}.json`;

  const users = new Map<number, ZdUser>();
  const identities = new Map<number, ZdIdentity[]>();
  const tickets = new Map<number, ZdTicket>();
  const comments = new Map<number, ZdComment[]>();

  const identity = (
    userId: number,
    type: ZdIdentity['type'],
    value: string,
    primary: boolean,
  ): ZdIdentity => {
    const id = nextId();
    return {
      url: api(`users/${userId}/identities/${id}`),
      id,
      user_id: userId,
      type,
      value,
      verified: true,
      primary,
      created_at: createdAt,
      updated_at: createdAt,
      undeliverable_count: 0,
      deliverable_state: 'deliverable',
    };
  };

  const addUser = (u: SeedUser) => {
    const role = u.role ?? 'end-user';
    const locale = u.locale ?? 'en-US';
    const zone = u.timeZone ?? { name: 'UTC', iana: 'Etc/UTC' };
    users.set(u.id, {
      id: u.id,
      url: api(`users/${u.id}`),
      name: u.name,
      email: u.email ?? null,
      created_at: createdAt,
      updated_at: createdAt,
      time_zone: zone.name,
      iana_time_zone: zone.iana,
      phone: u.phone ?? null,
      shared_phone_number: u.phone ? false : null,
      photo: null,
      locale_id: LOCALE_IDS[locale] ?? 1,
      locale,
      organization_id: null,
      role,
      verified: true,
      external_id: u.externalId ?? null,
      tags: [...(u.tags ?? [])],
      alias: '',
      active: true,
      shared: false,
      shared_agent: false,
      last_login_at: role === 'end-user' ? null : createdAt,
      signature: role === 'end-user' ? null : '',
      details: '',
      notes: '',
      role_type: null,
      custom_role_id: null,
      moderator: role !== 'end-user',
      ticket_restriction: role === 'end-user' ? 'requested' : null,
      only_private_comments: false,
      restricted_agent: false,
      suspended: false,
      default_group_id: u.defaultGroupId ?? null,
      user_fields: Object.fromEntries([
        ...seed.userFields.map((f) => [f.key, f.type === 'checkbox' ? false : null]),
        ...Object.entries(u.userFields ?? {}),
      ]),
    });
    const list: ZdIdentity[] = [];
    if (u.email) list.push(identity(u.id, 'email', u.email, true));
    if (u.phone) list.push(identity(u.id, 'phone_number', u.phone, !u.email));
    for (const extra of u.identities ?? [])
      list.push(identity(u.id, extra.type, extra.value, false));
    identities.set(u.id, list);
  };
  seed.users.forEach(addUser);

  const brands: ZdBrand[] = seed.brands.map((b) => ({
    url: api(`brands/${b.id}`),
    id: b.id,
    name: b.name,
    brand_url: `https://${b.subdomain}.zendesk.com`,
    subdomain: b.subdomain,
    host_mapping: null,
    has_help_center: false,
    help_center_state: 'disabled',
    active: true,
    default: b.default === true,
    is_deleted: false,
    logo: null,
    ticket_form_ids: [],
    signature_template: '{{agent.signature}}',
    created_at: createdAt,
    updated_at: createdAt,
  }));

  const groups: ZdGroup[] = seed.groups.map((g) => ({
    url: api(`groups/${g.id}`),
    id: g.id,
    name: g.name,
    description: '',
    default: g.default === true,
    deleted: false,
    created_at: createdAt,
    updated_at: createdAt,
  }));

  const userFields: ZdUserField[] = [];
  const makeUserField = (f: {
    key: string;
    title: string;
    type?: string;
    description?: string;
  }) => {
    const id = nextId();
    const field: ZdUserField = {
      url: api(`user_fields/${id}`),
      id,
      type: (f.type ?? 'text') as ZdUserField['type'],
      key: f.key,
      title: f.title,
      description: f.description ?? '',
      raw_title: f.title,
      raw_description: f.description ?? '',
      position: userFields.length,
      active: true,
      system: false,
      regexp_for_validation: null,
      created_at: clock().toISOString(),
      updated_at: clock().toISOString(),
    };
    userFields.push(field);
    return field;
  };
  seed.userFields.forEach(makeUserField);

  const makeComment = (
    ticketId: number,
    c: Required<Omit<NewComment, 'htmlBody'>> & { htmlBody?: string },
    at: string,
  ): ZdComment => {
    const body = c.htmlBody !== undefined && !c.body ? htmlToText(c.htmlBody) : c.body;
    return {
      id: nextId(),
      type: 'Comment',
      author_id: c.authorId,
      body,
      html_body: c.htmlBody ?? commentHtml(body),
      plain_body: body,
      public: c.public,
      attachments: [],
      audit_id: nextId(),
      via: via(c.channel),
      created_at: at,
      metadata: { system: { client: 'Klaviyo for Zendesk local workspace' }, custom: {} },
    };
  };

  for (const t of seed.tickets) {
    const list = t.comments.map((c) =>
      makeComment(
        t.id,
        {
          body: c.body,
          public: c.public ?? true,
          authorId: c.authorId,
          channel: c.channel ?? 'web',
        },
        ago(c.minutesAgo),
      ),
    );
    const first = list[0];
    tickets.set(t.id, {
      id: t.id,
      url: api(`tickets/${t.id}`),
      external_id: null,
      via: via(t.channel ?? 'web'),
      created_at: first?.created_at ?? createdAt,
      updated_at: list[list.length - 1]?.created_at ?? createdAt,
      type: t.type ?? null,
      subject: t.subject,
      raw_subject: t.subject,
      description: first?.body ?? '',
      priority: t.priority ?? null,
      status: t.status,
      recipient: null,
      requester_id: t.requesterId,
      submitter_id: t.requesterId,
      assignee_id: t.assigneeId ?? null,
      organization_id: null,
      group_id: t.groupId ?? null,
      collaborator_ids: [],
      follower_ids: [],
      email_cc_ids: [],
      problem_id: null,
      has_incidents: false,
      is_public: true,
      due_at: null,
      tags: [...(t.tags ?? [])],
      custom_fields: [],
      ticket_form_id: null,
      brand_id: t.brandId,
      allow_channelback: false,
      allow_attachments: true,
      from_messaging_channel: false,
    });
    comments.set(t.id, list);
  }

  const store: ZendeskStore = {
    baseUrl,
    subdomain: seed.subdomain,
    currentUserId: seed.currentUserId,
    session: 'agent',
    tickets,
    comments,
    users,
    identities,
    brands,
    groups,
    userFields,
    requests: [],
    now: clock,
    nextId,
    currentUser() {
      return store.getUser(store.currentUserId);
    },
    requireAdmin() {
      if (store.currentUser().role !== 'admin') throw forbidden();
    },
    getTicket(id) {
      const ticket = tickets.get(id);
      if (!ticket) throw notFound();
      return ticket;
    },
    getUser(id) {
      const user = users.get(id);
      if (!user) throw notFound();
      return user;
    },
    updateTicket(id, changes) {
      const ticket = store.getTicket(id);
      const at = clock().toISOString();
      const author = changes.comment?.authorId ?? store.currentUserId;
      const auditId = nextId();
      const events: Array<Record<string, unknown>> = [];
      const invalid: Record<string, string> = {};

      if (changes.status !== undefined) {
        if (!TICKET_STATUSES.includes(changes.status as ZdTicketStatus)) {
          invalid.status = `Status: ${changes.status} is not a valid status`;
        } else if (ticket.status === 'closed') {
          invalid.status = 'Status: closed prevents ticket update';
        }
      }
      if (changes.requesterId !== undefined && !users.has(changes.requesterId)) {
        invalid.requester = 'Requester: is invalid';
      }
      let comment: ZdComment | null = null;
      if (changes.comment) {
        const body = changes.comment.body ?? '';
        const html = changes.comment.htmlBody;
        if (body.trim() === '' && (html === undefined || htmlToText(html) === '')) {
          invalid.comment = 'Comment: value cannot be blank';
        } else {
          comment = makeComment(
            id,
            {
              body,
              htmlBody: html,
              public: changes.comment.public !== false,
              authorId: author,
              channel: changes.comment.channel ?? 'web',
            },
            at,
          );
          comment.audit_id = auditId;
        }
      }
      if (Object.keys(invalid).length > 0) throw recordInvalid(invalid);

      const change = (field: string, previous: unknown, value: unknown) => {
        events.push({
          id: nextId(),
          type: 'Change',
          field_name: field,
          value,
          previous_value: previous,
        });
      };
      if (comment) {
        const list = comments.get(id) ?? [];
        list.push(comment);
        comments.set(id, list);
        events.push({
          id: comment.id,
          type: 'Comment',
          author_id: comment.author_id,
          body: comment.body,
          html_body: comment.html_body,
          plain_body: comment.plain_body,
          public: comment.public,
          attachments: [],
          audit_id: auditId,
        });
      }
      if (changes.status !== undefined && changes.status !== ticket.status) {
        change('status', ticket.status, changes.status);
        ticket.status = changes.status as ZdTicketStatus;
      }
      if (changes.subject !== undefined && changes.subject !== ticket.subject) {
        change('subject', ticket.subject, changes.subject);
        ticket.subject = changes.subject;
        ticket.raw_subject = changes.subject;
      }
      if (changes.priority !== undefined && changes.priority !== ticket.priority) {
        change('priority', ticket.priority, changes.priority);
        ticket.priority = changes.priority;
      }
      let tags = [...ticket.tags];
      if (changes.tags) tags = [...changes.tags];
      for (const tag of changes.additionalTags ?? []) if (!tags.includes(tag)) tags.push(tag);
      tags = tags.filter((tag) => !(changes.removeTags ?? []).includes(tag));
      tags = [...new Set(tags.map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '_')))].filter(
        Boolean,
      );
      if (tags.join(' ') !== ticket.tags.join(' ')) {
        change('tags', ticket.tags, tags);
        ticket.tags = tags;
      }
      if (changes.requesterId !== undefined && changes.requesterId !== ticket.requester_id) {
        change('requester_id', ticket.requester_id, changes.requesterId);
        ticket.requester_id = changes.requesterId;
      }
      if (changes.assigneeId !== undefined && changes.assigneeId !== ticket.assignee_id) {
        change('assignee_id', ticket.assignee_id, changes.assigneeId);
        ticket.assignee_id = changes.assigneeId;
      }
      ticket.updated_at = at;
      return {
        ticket,
        audit: {
          id: auditId,
          ticket_id: id,
          created_at: at,
          author_id: author,
          metadata: { system: {}, custom: {} },
          events,
        },
      };
    },
    createTicket(input) {
      const invalid: Record<string, string> = {};
      if (!input.subject?.trim()) invalid.subject = 'Subject: cannot be blank';
      if (!users.has(input.requesterId)) invalid.requester = 'Requester: is invalid';
      const status = input.status ?? 'new';
      if (!TICKET_STATUSES.includes(status as ZdTicketStatus) || status === 'closed') {
        invalid.status = `Status: ${status} is not a valid status`;
      }
      const brandId = input.brandId ?? brands.find((b) => b.default)?.id ?? 1;
      if (!brands.some((b) => b.id === brandId)) invalid.brand = 'Brand: is invalid';
      const body = input.comment.body ?? htmlToText(input.comment.htmlBody ?? '');
      if (body.trim() === '') invalid.comment = 'Description: cannot be blank';
      if (Object.keys(invalid).length > 0) throw recordInvalid(invalid);
      const id = Math.max(100, ...tickets.keys()) + 1;
      const at = clock().toISOString();
      const channel = input.channel ?? 'api';
      tickets.set(id, {
        id,
        url: api(`tickets/${id}`),
        external_id: null,
        via: via(channel),
        created_at: at,
        updated_at: at,
        type: input.type ?? null,
        subject: input.subject,
        raw_subject: input.subject,
        description: body,
        priority: input.priority ?? null,
        status: status as ZdTicketStatus,
        recipient: null,
        requester_id: input.requesterId,
        submitter_id: input.comment.authorId ?? input.requesterId,
        assignee_id: null,
        organization_id: null,
        group_id: groups.find((g) => g.default)?.id ?? null,
        collaborator_ids: [],
        follower_ids: [],
        email_cc_ids: [],
        problem_id: null,
        has_incidents: false,
        is_public: input.comment.public !== false,
        due_at: null,
        tags: [],
        custom_fields: [],
        ticket_form_id: null,
        brand_id: brandId,
        allow_channelback: false,
        allow_attachments: true,
        from_messaging_channel: false,
      });
      comments.set(id, []);
      const first = store.updateTicket(id, {
        comment: {
          ...input.comment,
          authorId: input.comment.authorId ?? input.requesterId,
          channel,
        },
        tags: input.tags ?? [],
      });
      return first;
    },
    updateUser(id, changes) {
      const user = store.getUser(id);
      if (
        changes.email !== undefined &&
        changes.email !== null &&
        !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(changes.email)
      ) {
        throw recordInvalid({ email: `Email: ${changes.email} is not properly formatted` });
      }
      if (changes.name !== undefined) {
        if (changes.name.trim() === '') throw recordInvalid({ name: 'Name: cannot be blank' });
        user.name = changes.name;
      }
      const list = identities.get(id) ?? [];
      if (changes.email !== undefined && changes.email !== user.email) {
        user.email = changes.email;
        const existing = list.find((i) => i.type === 'email' && i.primary);
        if (existing && changes.email) existing.value = changes.email;
        else if (changes.email) list.unshift(identity(id, 'email', changes.email, true));
        identities.set(id, list);
      }
      if (changes.phone !== undefined && changes.phone !== user.phone) {
        user.phone = changes.phone;
        const existing = list.find((i) => i.type === 'phone_number');
        if (existing && changes.phone) existing.value = changes.phone;
        else if (changes.phone) list.push(identity(id, 'phone_number', changes.phone, !user.email));
        identities.set(id, list);
      }
      if (changes.notes !== undefined) user.notes = changes.notes;
      if (changes.details !== undefined) user.details = changes.details;
      if (changes.tags !== undefined) user.tags = [...changes.tags];
      if (changes.externalId !== undefined) user.external_id = changes.externalId;
      if (changes.userFields) user.user_fields = { ...user.user_fields, ...changes.userFields };
      user.updated_at = clock().toISOString();
      return user;
    },
    createUserField(input) {
      store.requireAdmin();
      const invalid: Record<string, string> = {};
      if (!/^[A-Za-z0-9_]+$/.test(input.key ?? '')) invalid.key = 'Key: is invalid';
      else if (userFields.some((f) => f.key === input.key))
        invalid.key = 'Key: has already been taken';
      if (!input.title?.trim()) invalid.title = 'Title: cannot be blank';
      if (Object.keys(invalid).length > 0) throw recordInvalid(invalid);
      const field = makeUserField(input);
      for (const user of users.values()) {
        if (!(input.key in user.user_fields)) user.user_fields[input.key] = null;
      }
      return field;
    },
  };
  return store;
}
