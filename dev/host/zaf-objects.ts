/**
 * Zendesk REST records → the objects the ZAF Support API returns to apps (camelCase: `ticket`,
 * `ticket.requester`, `currentUser`, `user`, …), and path lookup over them, including
 * `customField:<key>` segments for user fields.
 */
import type { ZdBrand, ZdComment, ZdIdentity, ZdTicket, ZdUser } from '../zendesk/types';
import type { Lookup } from './zaf-host';

/** Hidden (non-enumerable) so it never shows in a returned object, only through `customField:`. */
const FIELDS = Symbol('customFields');

type WithFields = Record<string, unknown> & { [FIELDS]?: Record<string, unknown> };

function offsetOf(iana: string): { offset: number; formattedOffset: string } {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      timeZoneName: 'longOffset',
    }).formatToParts(new Date());
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    return { offset: minutes, formattedOffset: m ? `GMT${m[1]}${m[2]}:${m[3]}` : 'GMT+00:00' };
  } catch {
    return { offset: 0, formattedOffset: 'GMT+00:00' };
  }
}

export function zafUser(
  user: ZdUser | null | undefined,
  identities: ZdIdentity[] = [],
): WithFields | null {
  if (!user) return null;
  const result: WithFields = {
    id: user.id,
    name: user.name,
    email: user.email,
    // Zendesk's user object has no `phone` in every version; kept here as the workspace brief asks,
    // the phone is always in `identities` too.
    phone: user.phone,
    alias: user.alias,
    avatarUrl: null,
    details: user.details,
    externalId: user.external_id,
    groups: [],
    identities: identities.map((i) => ({
      id: i.id,
      userId: i.user_id,
      type: i.type,
      value: i.value,
      verified: i.verified,
      primary: i.primary,
      createdAt: i.created_at,
      updatedAt: i.updated_at,
    })),
    locale: user.locale,
    notes: user.notes,
    organizations: [],
    role: user.role,
    signature: user.signature,
    tags: [...user.tags],
    timeZone: {
      name: user.time_zone,
      ianaName: user.iana_time_zone,
      ...offsetOf(user.iana_time_zone),
    },
  };
  Object.defineProperty(result, FIELDS, { value: { ...user.user_fields }, enumerable: false });
  return result;
}

export function zafBrand(brand: ZdBrand | undefined) {
  if (!brand) return null;
  return {
    id: brand.id,
    name: brand.name,
    url: brand.brand_url,
    subdomain: brand.subdomain,
    hasHelpCenter: brand.has_help_center,
    isActive: brand.active,
    isDefault: brand.default,
    logo: null,
  };
}

export interface TicketSnapshot {
  ticket: ZdTicket;
  /** The form's current (unsaved) values. */
  draft: { status: string; tags: string[] };
  editor: { text: string; type: 'publicReply' | 'internalNote' };
  requester: ZdUser;
  requesterIdentities: ZdIdentity[];
  assignee: ZdUser | null;
  group: { id: number; name: string } | null;
  brand: ZdBrand | undefined;
  comments: ZdComment[];
  users: Map<number, ZdUser>;
}

export function zafTicket(s: TicketSnapshot): WithFields {
  const t = s.ticket;
  const result: WithFields = {
    id: t.id,
    subject: t.subject,
    description: t.description,
    status: s.draft.status,
    priority: t.priority,
    type: t.type,
    tags: [...s.draft.tags],
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    externalId: t.external_id,
    isNew: false,
    recipient: t.recipient,
    brand: zafBrand(s.brand),
    requester: zafUser(s.requester, s.requesterIdentities),
    assignee: {
      user: zafUser(s.assignee),
      group: s.group,
    },
    collaborators: [],
    followers: [],
    organization: null,
    form: { id: t.ticket_form_id },
    via: { channel: t.via.channel, source: t.via.source },
    comment: { text: s.editor.text, type: s.editor.type, attachments: [], useRichText: true },
    comments: s.comments.map((c) => ({
      id: c.id,
      value: c.html_body,
      author: zafUser(s.users.get(c.author_id)),
      via: c.via,
      imageAttachments: [],
      nonImageAttachments: [],
      isPublic: c.public,
      createdAt: c.created_at,
    })),
    sharedWith: [],
    postSaveAction: 'stay_on_ticket',
  };
  Object.defineProperty(result, FIELDS, {
    value: Object.fromEntries(t.custom_fields.map((f) => [String(f.id), f.value])),
    enumerable: false,
  });
  return result;
}

/**
 * Looks a ZAF path up in `root`: `ticket.requester.email`, `ticket.tags`,
 * `ticket.requester.customField:klaviyo_profile_id`, `currentUser`. A `customField:` key must be
 * a defined field (`definedFields`) or present on the record; unknown paths are errors, as in Zendesk.
 */
export function lookup(
  root: Record<string, unknown>,
  path: string,
  definedFields: string[] = [],
): Lookup {
  if (path in root) return { found: true, value: root[path] };
  const parts = path.split('.');
  // `customField:a.b` keys may contain dots only in the last segment.
  const cf = parts.findIndex((p) => p.startsWith('customField:'));
  const segments = cf >= 0 ? [...parts.slice(0, cf), parts.slice(cf).join('.')] : parts;
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') {
      return { found: false, message: `Could not find handler for: "${path}"` };
    }
    if (segment.startsWith('customField:')) {
      const key = segment.slice('customField:'.length);
      const fields = (node as WithFields)[FIELDS];
      if (!fields || (!(key in fields) && !definedFields.includes(key))) {
        return { found: false, message: `Could not find handler for: "${path}"` };
      }
      node = fields[key] ?? null;
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(node, segment)) {
      return { found: false, message: `Could not find handler for: "${path}"` };
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return { found: true, value: node === undefined ? null : node };
}
