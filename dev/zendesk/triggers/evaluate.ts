/**
 * Whether one trigger condition holds for one ticket update, with the meaning Zendesk gives each
 * field and operator (see vocabulary.ts, which refuses everything this file does not evaluate):
 * `is` / `is_not` compare the current value, `less_than` / `greater_than` follow the status and
 * priority order, `changed` / `value` ("changed to") / `value_previous` ("changed from") compare
 * with the ticket before the update (a new ticket had no value), tags and words match any of the
 * listed ones, and "current user" is whoever made the update.
 */
import type { ZendeskState } from '../state';
import type { TicketUpdate } from '../ticket-update';
import type { ZdCondition, ZdUser } from '../types';
import { PRIORITY_ORDER, STATUS_ORDER, VIA_IDS } from './vocabulary';

type Scalar = string;

const role = (r: ZdUser['role'] | undefined) => (r === 'end-user' ? 'end_user' : (r ?? ''));
const text = (v: unknown): Scalar => (v === null || v === undefined ? '' : String(v));
const viaId = (channel: string) => text(VIA_IDS[channel] ?? channel);

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}_'-]+/u)
    .filter(Boolean);
}

/** The current and previous value of a field that trigger operators compare. */
function valuesOf(
  state: ZendeskState,
  u: TicketUpdate,
  field: string,
): { now: Scalar; before: Scalar | null } {
  const t = u.ticket;
  const b = u.before;
  const pick = <K extends keyof NonNullable<TicketUpdate['before']>>(k: K) => ({
    now: text(t[k]),
    before: b ? text(b[k]) : null,
  });
  switch (field) {
    case 'status':
    case 'priority':
    case 'type':
    case 'group_id':
    case 'assignee_id':
    case 'requester_id':
    case 'organization_id':
    case 'brand_id':
      return pick(field);
    case 'ticket_form_id':
      return { now: text(t.ticket_form_id), before: null };
    case 'via_id':
      return { now: viaId(t.via.channel), before: null };
    case 'current_via_id':
      return { now: viaId(u.via), before: null };
    case 'locale_id':
      return { now: text(state.users.get(t.requester_id)?.locale_id), before: null };
    case 'recipient':
      return { now: text(t.recipient), before: null };
    case 'ticket_is_public':
      return { now: t.is_public ? 'public' : 'private', before: null };
    default: {
      const custom = /^custom_fields_(\d+)$/.exec(field);
      if (custom) {
        return {
          now: text(t.custom_fields.find((f) => String(f.id) === custom[1])?.value),
          before: null,
        };
      }
      const userField = /^(requester|user|organization)\.custom_fields\.(.+)$/.exec(field);
      if (userField && userField[1] !== 'organization') {
        return {
          now: text(state.users.get(t.requester_id)?.user_fields[userField[2]!]),
          before: null,
        };
      }
      return { now: '', before: null };
    }
  }
}

/** `current_user`, `requester_id` and `assignee_id` as values name users of this update. */
function resolveUser(value: string, u: TicketUpdate): string {
  if (value === 'current_user') return String(u.updater.id);
  if (value === 'requester_id') return String(u.ticket.requester_id);
  if (value === 'assignee_id') return text(u.ticket.assignee_id);
  return value;
}

function ordered(field: string, a: string, b: string): number {
  const order = field === 'status' ? STATUS_ORDER : PRIORITY_ORDER;
  return order.indexOf(a) - order.indexOf(b);
}

function compare(
  field: string,
  operator: string,
  now: Scalar,
  before: Scalar | null,
  value: Scalar,
): boolean {
  const was = before ?? '';
  switch (operator) {
    case 'is':
      return now === value;
    case 'is_not':
      return now !== value;
    case 'less_than':
      return ordered(field, now, value) < 0;
    case 'greater_than':
      return ordered(field, now, value) > 0;
    case 'changed':
      return before === null ? now !== '' : now !== was;
    case 'not_changed':
      return !(before === null ? now !== '' : now !== was);
    case 'value':
      return now === value && was !== value;
    case 'not_value':
      return !(now === value && was !== value);
    case 'value_previous':
      return was === value && now !== value;
    case 'not_value_previous':
      return !(was === value && now !== value);
    case 'present':
      return now !== '';
    case 'not_present':
      return now === '';
    case 'includes':
    case 'includes_string':
      return now.toLowerCase().includes(value.toLowerCase());
    case 'not_includes':
    case 'not_includes_string':
      return !now.toLowerCase().includes(value.toLowerCase());
    default:
      throw new Error(`operator ${operator} passed validation but has no meaning here`);
  }
}

function commentIsPublic(u: TicketUpdate, value: string): boolean {
  switch (value) {
    case 'true':
    case 'requester_can_see_comment':
      return u.comment?.public === true;
    case 'false':
      return u.comment !== null && !u.comment.public;
    default:
      return true; // not_relevant
  }
}

function wordMatch(haystack: string, operator: string, value: string): boolean {
  const present = words(haystack);
  const wanted = words(value);
  switch (operator) {
    case 'includes':
      return wanted.some((w) => present.includes(w));
    case 'not_includes':
      return !wanted.some((w) => present.includes(w));
    case 'is':
      return haystack.trim().toLowerCase() === value.trim().toLowerCase();
    default:
      return haystack.trim().toLowerCase() !== value.trim().toLowerCase();
  }
}

export function conditionHolds(state: ZendeskState, c: ZdCondition, u: TicketUpdate): boolean {
  const value = text(c.value);
  switch (c.field) {
    case 'update_type':
      return u.kind === value;
    case 'role':
    case 'requester_role': {
      // "(agent)" is every agent, admins included (an admin is an agent with more rights).
      const user = c.field === 'role' ? u.updater : state.users.get(u.ticket.requester_id);
      const is =
        value === 'agent'
          ? user?.role !== undefined && user.role !== 'end-user'
          : role(user?.role) === value;
      return c.operator === 'is' ? is : !is;
    }
    case 'comment_is_public':
      return commentIsPublic(u, value) === (c.operator === 'is');
    case 'current_tags': {
      const tags = value.split(/\s+/).filter(Boolean);
      const any = tags.some((tag) => u.ticket.tags.includes(tag));
      return c.operator === 'includes' ? any : !any;
    }
    case 'subject_includes_word':
      return wordMatch(u.ticket.subject, c.operator, value);
    case 'comment_includes_word':
      return wordMatch(u.comment?.body ?? '', c.operator, value);
    case 'attachment':
      return (u.comment?.attachments.length ?? 0) > 0 === (value === 'true');
    case 'cc':
      return u.ticket.email_cc_ids.length > 0 === (value === 'true');
    case 'replies': {
      const staff = (id: number) => state.users.get(id)?.role !== 'end-user';
      const replies = (state.comments.get(u.ticket.id) ?? []).filter(
        (x) => x.public && staff(x.author_id),
      ).length;
      const n = Number(value);
      if (c.operator === 'less_than') return replies < n;
      return c.operator === 'greater_than' ? replies > n : replies === n;
    }
    default: {
      const { now, before } = valuesOf(state, u, c.field);
      const userValued = ['assignee_id', 'requester_id'].includes(c.field);
      return compare(c.field, c.operator, now, before, userValued ? resolveUser(value, u) : value);
    }
  }
}

/** Zendesk's rule: every `all` condition holds, and at least one `any` (when there are any). */
export function ruleHolds(
  state: ZendeskState,
  conditions: { all: ZdCondition[]; any: ZdCondition[] },
  u: TicketUpdate,
): boolean {
  return (
    conditions.all.every((c) => conditionHolds(state, c, u)) &&
    (conditions.any.length === 0 || conditions.any.some((c) => conditionHolds(state, c, u)))
  );
}
