/**
 * Emulates what Zendesk does after a ticket is created or updated: runs the admin stand-in's active
 * triggers whose conditions hold and, for each `notification_webhook` action, renders the JSON body
 * with Liquid (liquidjs: Zendesk's template language), sends it with the webhook's stored
 * authentication and custom headers, and records the invocation with its status code. The local
 * workspace hooks this into ticket creation and updates so the setup page's Health section shows
 * real invocations; tests call it directly.
 *
 * Placeholders are inserted as they are (no automatic JSON escaping): the app's default body
 * escapes values itself, so this is the stricter of the two assumptions (see src/metrics/escaping.ts).
 */
import { Liquid } from 'liquidjs';
import type { AdminCondition, AdminInvocation, ZendeskAdminState } from './admin';
import type { ZendeskStore } from './store';
import type { ZdTicket } from './types';

export interface TicketUpdate {
  kind: 'Create' | 'Change';
  ticket: ZdTicket;
  /** Status before this update (for "status changed to"). */
  previousStatus?: string | null;
}

export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends the webhook request; resolves its HTTP status (0 when there was no answer). */
export type Deliver = (request: OutgoingRequest) => Promise<number>;

const liquid = new Liquid();

function holds(c: AdminCondition, update: TicketUpdate): boolean {
  const t = update.ticket;
  const value = String(c.value ?? '');
  switch (`${c.field}:${c.operator}`) {
    case 'update_type:is':
      return update.kind === value;
    case 'status:is':
      return t.status === value;
    case 'status:is_not':
      return t.status !== value;
    case 'status:value':
      return t.status === value && update.previousStatus !== value;
    case 'status:value_previous':
      return update.previousStatus === value && t.status !== value;
    case 'brand_id:is':
      return String(t.brand_id) === value;
    case 'brand_id:is_not':
      return String(t.brand_id) !== value;
    case 'current_tags:includes':
      return value.split(/\s+/).some((tag) => t.tags.includes(tag));
    case 'current_tags:not_includes':
      return !value.split(/\s+/).some((tag) => t.tags.includes(tag));
    default:
      // A condition the emulation does not know never holds: better silent than a false event.
      return false;
  }
}

/** The `ticket` object Zendesk's placeholders read, built from the in-memory Zendesk. */
export function liquidTicket(store: ZendeskStore, ticket: ZdTicket): Record<string, unknown> {
  const requester = store.users.get(ticket.requester_id);
  const assignee = ticket.assignee_id ? store.users.get(ticket.assignee_id) : undefined;
  const group = store.groups.find((g) => g.id === ticket.group_id);
  const brand = store.brands.find((b) => b.id === ticket.brand_id);
  const title = (s: string | null) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : '');
  const fields = Object.fromEntries(
    ticket.custom_fields.map((f) => [
      `ticket_field_${f.id}`,
      f.value === null ? '' : String(f.value),
    ]),
  );
  return {
    id: ticket.id,
    title: ticket.subject,
    description: ticket.description,
    status: title(ticket.status),
    priority: title(ticket.priority),
    ticket_type: title(ticket.type),
    via: title(ticket.via.channel),
    link: `${store.baseUrl}/agent/tickets/${ticket.id}`,
    tags: ticket.tags.join(' '),
    brand: { name: brand?.name ?? '' },
    group: { name: group?.name ?? '' },
    assignee: assignee ? { name: assignee.name, email: assignee.email ?? '' } : {},
    requester: {
      name: requester?.name ?? '',
      email: requester?.email ?? '',
      phone: requester?.phone ?? '',
    },
    ...fields,
  };
}

/** Runs the active triggers for one ticket update; returns the invocations it recorded. */
export async function fireTicketTriggers(
  state: ZendeskAdminState,
  update: TicketUpdate,
  ticketData: Record<string, unknown>,
  deliver: Deliver,
): Promise<AdminInvocation[]> {
  const recorded: AdminInvocation[] = [];
  const rules = [...state.triggers.values()]
    .filter((r) => r.active)
    .sort((a, b) => a.position - b.position);
  for (const rule of rules) {
    const { all, any } = rule.conditions;
    const fires =
      all.every((c) => holds(c, update)) && (any.length === 0 || any.some((c) => holds(c, update)));
    if (!fires) continue;
    for (const action of rule.actions ?? []) {
      if (action.field !== 'notification_webhook' || !Array.isArray(action.value)) continue;
      const [webhookId, template] = action.value as [string, string];
      const hook = state.webhooks.get(webhookId);
      if (!hook || hook.status !== 'active') continue;
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        ...(hook.custom_headers ?? {}),
      };
      const auth = state.authenticationOf(webhookId);
      if (auth?.type === 'api_key' && auth.data?.name)
        headers[auth.data.name] = auth.data.value ?? '';
      if (auth?.type === 'bearer_token' && auth.data?.token)
        headers.Authorization = `Bearer ${auth.data.token}`;
      let status = 0;
      try {
        const body = await liquid.parseAndRender(template, { ticket: ticketData });
        status = await deliver({ url: hook.endpoint, method: hook.http_method, headers, body });
      } catch {
        status = 0;
      }
      recorded.push(
        state.addInvocation(webhookId, {
          statusCode: status,
          ...(status === 0 ? { status: 'failed' as const } : {}),
        }),
      );
    }
  }
  return recorded;
}
