/**
 * Builders of the stand-in's records in Zendesk's JSON shapes (snake_case, every field the REST
 * API returns that an agent workspace or this app reads), and Zendesk's rendering of comment text.
 */
import type { SeedUser } from './seed';
import type {
  ZdBrand,
  ZdComment,
  ZdGroup,
  ZdIdentity,
  ZdTicket,
  ZdTicketField,
  ZdUser,
  ZdUserField,
  ZdVia,
} from './types';

/** Where records point (`url` fields) and the clock they are stamped with. */
export interface RecordContext {
  api(path: string): string;
  nextId(): number;
  /** An ISO time stamp, now or `minutesAgo` before now. */
  at(minutesAgo?: number): string;
  /** When the demo account's records were made. */
  readonly createdAt: string;
}

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

export function via(channel: string, source: Partial<ZdVia['source']> = {}): ZdVia {
  return { channel, source: { from: {}, to: {}, rel: null, ...source } };
}

/** Zendesk's tag rule: lower case, spaces become underscores, no duplicates or blanks. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '_')))].filter(
    Boolean,
  );
}

export function makeIdentity(
  ctx: RecordContext,
  userId: number,
  type: ZdIdentity['type'],
  value: string,
  primary: boolean,
): ZdIdentity {
  const id = ctx.nextId();
  return {
    url: ctx.api(`users/${userId}/identities/${id}`),
    id,
    user_id: userId,
    type,
    value,
    verified: true,
    primary,
    created_at: ctx.createdAt,
    updated_at: ctx.createdAt,
    undeliverable_count: 0,
    deliverable_state: 'deliverable',
  };
}

export function makeUser(
  ctx: RecordContext,
  u: SeedUser,
  fieldKeys: readonly ZdUserField[],
): ZdUser {
  const role = u.role ?? 'end-user';
  const locale = u.locale ?? 'en-US';
  const zone = u.timeZone ?? { name: 'UTC', iana: 'Etc/UTC' };
  const staff = role !== 'end-user';
  return {
    id: u.id,
    url: ctx.api(`users/${u.id}`),
    name: u.name,
    email: u.email ?? null,
    created_at: ctx.createdAt,
    updated_at: ctx.createdAt,
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
    last_login_at: staff ? ctx.createdAt : null,
    signature: staff ? '' : null,
    details: '',
    notes: '',
    role_type: null,
    custom_role_id: null,
    moderator: staff,
    ticket_restriction: staff ? null : 'requested',
    only_private_comments: false,
    restricted_agent: false,
    suspended: false,
    default_group_id: u.defaultGroupId ?? null,
    user_fields: Object.fromEntries([
      ...fieldKeys.map((f) => [f.key, f.type === 'checkbox' ? false : null]),
      ...Object.entries(u.userFields ?? {}),
    ]),
  };
}

/** The identities Zendesk keeps for a user: the email first (primary), then the phone. */
export function seedIdentities(ctx: RecordContext, u: SeedUser): ZdIdentity[] {
  const list: ZdIdentity[] = [];
  if (u.email) list.push(makeIdentity(ctx, u.id, 'email', u.email, true));
  if (u.phone) list.push(makeIdentity(ctx, u.id, 'phone_number', u.phone, !u.email));
  for (const extra of u.identities ?? [])
    list.push(makeIdentity(ctx, u.id, extra.type, extra.value, false));
  return list;
}

export function makeBrand(
  ctx: RecordContext,
  b: { id: number; name: string; subdomain: string; default?: boolean },
): ZdBrand {
  return {
    url: ctx.api(`brands/${b.id}`),
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
    created_at: ctx.createdAt,
    updated_at: ctx.createdAt,
  };
}

export function makeGroup(
  ctx: RecordContext,
  g: { id: number; name: string; default?: boolean },
): ZdGroup {
  return {
    url: ctx.api(`groups/${g.id}`),
    id: g.id,
    name: g.name,
    description: '',
    default: g.default === true,
    deleted: false,
    created_at: ctx.createdAt,
    updated_at: ctx.createdAt,
  };
}

export function makeUserField(
  ctx: RecordContext,
  f: { key: string; title: string; type?: string; description?: string },
  position: number,
): ZdUserField {
  const id = ctx.nextId();
  const now = ctx.at();
  return {
    url: ctx.api(`user_fields/${id}`),
    id,
    type: (f.type ?? 'text') as ZdUserField['type'],
    key: f.key,
    title: f.title,
    description: f.description ?? '',
    raw_title: f.title,
    raw_description: f.description ?? '',
    position,
    active: true,
    system: false,
    regexp_for_validation: null,
    created_at: now,
    updated_at: now,
  };
}

export function makeTicketField(
  ctx: RecordContext,
  f: Omit<ZdTicketField, 'url' | 'raw_title' | 'created_at' | 'updated_at' | 'description'>,
): ZdTicketField {
  return {
    ...f,
    url: ctx.api(`ticket_fields/${f.id}`),
    raw_title: f.title,
    description: '',
    created_at: ctx.createdAt,
    updated_at: ctx.createdAt,
  };
}

export interface CommentInput {
  body: string;
  htmlBody?: string;
  public: boolean;
  authorId: number;
  channel: string;
}

export function makeComment(ctx: RecordContext, c: CommentInput, at: string): ZdComment {
  const body = c.htmlBody !== undefined && !c.body ? htmlToText(c.htmlBody) : c.body;
  return {
    id: ctx.nextId(),
    type: 'Comment',
    author_id: c.authorId,
    body,
    html_body: c.htmlBody ?? commentHtml(body),
    plain_body: body,
    public: c.public,
    attachments: [],
    audit_id: ctx.nextId(),
    via: via(c.channel),
    created_at: at,
    metadata: { system: { client: 'Klaviyo for Zendesk local workspace' }, custom: {} },
  };
}

export interface TicketInput {
  id: number;
  subject: string;
  status: ZdTicket['status'];
  requesterId: number;
  submitterId: number;
  brandId: number;
  groupId: number | null;
  assigneeId: number | null;
  priority: string | null;
  type: string | null;
  via: ZdVia;
  externalId: string | null;
  isPublic: boolean;
  createdAt: string;
}

/** A ticket with no comments yet: the first comment sets `description`. */
export function makeTicket(ctx: RecordContext, t: TicketInput): ZdTicket {
  return {
    id: t.id,
    url: ctx.api(`tickets/${t.id}`),
    external_id: t.externalId,
    via: t.via,
    created_at: t.createdAt,
    updated_at: t.createdAt,
    type: t.type,
    subject: t.subject,
    raw_subject: t.subject,
    description: '',
    priority: t.priority,
    status: t.status,
    recipient: null,
    requester_id: t.requesterId,
    submitter_id: t.submitterId,
    assignee_id: t.assigneeId,
    organization_id: null,
    group_id: t.groupId,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    problem_id: null,
    has_incidents: false,
    is_public: t.isPublic,
    due_at: null,
    tags: [],
    custom_fields: [],
    ticket_form_id: null,
    brand_id: t.brandId,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
    followup_ids: [],
  };
}
