/**
 * The state one ticket page shares between its parts: the ticket as loaded with the agent's form
 * values (status, tags, editor), the app instance in its tray, and how a change is told to the app
 * (`<property>.changed` and `*.changed`, as Zendesk fires them).
 */
import { api } from '../api';
import type { WorkspaceContext } from '../view';
import type { AppInstance } from '../zaf-host';
import type { TicketSnapshot } from '../zaf-objects';

export interface TicketPage {
  readonly id: number;
  readonly ctx: WorkspaceContext;
  s: TicketSnapshot;
  instance: AppInstance | null;
  saving: boolean;
  emit(property: string, newValue: unknown, oldValue: unknown): void;
}

export function createPage(ctx: WorkspaceContext, id: number, s: TicketSnapshot): TicketPage {
  const page: TicketPage = {
    id,
    ctx,
    s,
    instance: null,
    saving: false,
    emit(property, newValue, oldValue) {
      page.instance?.trigger(`${property}.changed`, newValue);
      page.instance?.trigger('*.changed', { propertyName: property, newValue, oldValue });
    },
  };
  return page;
}

/** The ticket, its requester, comments and users, with fresh form values. */
export async function loadSnapshot(id: number, ctx: WorkspaceContext): Promise<TicketSnapshot> {
  const [{ ticket, users }, { comments, users: authors }] = await Promise.all([
    api.ticket(id),
    api.comments(id),
  ]);
  const all = new Map([...users, ...authors].map((u) => [u.id, u]));
  const requester = all.get(ticket.requester_id) ?? (await api.user(ticket.requester_id));
  all.set(requester.id, requester);
  const requesterIdentities = await api.identities(requester.id);
  const assignee = ticket.assignee_id ? (all.get(ticket.assignee_id) ?? null) : null;
  return {
    ticket,
    draft: { status: ticket.status, tags: [...ticket.tags] },
    editor: { text: '', type: 'publicReply' },
    requester,
    requesterIdentities,
    assignee,
    group: ticket.group_id ? { id: ticket.group_id, name: 'Support' } : null,
    brand: ctx.brands.find((b) => b.id === ticket.brand_id),
    comments,
    users: all,
  };
}

/** Zendesk's tag rule for what an agent or app types: lower case, underscores for spaces. */
export function tagList(value: unknown): string[] | null {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
  if (!list || !list.every((t) => typeof t === 'string')) return null;
  return list.map((t) => t.trim().toLowerCase().replace(/\s+/g, '_')).filter(Boolean);
}
