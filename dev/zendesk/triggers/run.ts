/**
 * What Zendesk does after a ticket update: runs the active triggers in position order, each at
 * most once, every one whose conditions hold for the update (and for the ticket as earlier
 * triggers' actions left it). Ticket actions (status, priority, type, group, assignee, tags) change
 * the ticket; a `notification_webhook` action renders its body with Liquid (liquidjs: Zendesk's
 * template language) over the placeholders, sends it with the webhook's stored authentication and
 * custom headers, and records the invocation with each attempt.
 *
 * Retries, as Zendesk's webhooks retry: a 409 up to 3 more times; a 429 or 503 whose `Retry-After`
 * is 60 seconds or less up to 3 more times; no answer (a timeout or a lost connection) up to 5 more
 * times; any other answer is final. The stand-in does not wait the Retry-After seconds: it records
 * them on the attempt. The `webhookDelivery` fault makes the next attempts lose their answer: the
 * request reaches the endpoint but Zendesk sees a timeout and retries, as in production.
 *
 * Placeholders are inserted as they are (no automatic JSON escaping): the app's default body
 * escapes values itself, so this is the stricter of the two assumptions (see src/metrics/escaping.ts).
 */
import { Liquid } from 'liquidjs';
import type { ZendeskState } from '../state';
import type { TicketUpdate } from '../ticket-update';
import { normaliseTags } from '../records';
import type {
  ZdAction,
  ZdComment,
  ZdInvocation,
  ZdInvocationAttempt,
  ZdTicket,
  ZdTicketStatus,
} from '../types';
import { ruleHolds } from './evaluate';
import { placeholderData } from './placeholders';

export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** One delivery attempt's outcome: the HTTP status (0: no answer) and its `Retry-After`. */
export interface DeliveryAnswer {
  status: number;
  retryAfter?: string | null;
}

/** Sends the webhook request. */
export type Deliver = (request: OutgoingRequest) => Promise<DeliveryAnswer | number>;

const liquid = new Liquid();

function retriesFor(answer: DeliveryAnswer): number {
  if (answer.status === 0) return 5;
  if (answer.status === 409) return 3;
  if (answer.status === 429 || answer.status === 503) {
    const seconds = Number(answer.retryAfter);
    return answer.retryAfter != null && Number.isFinite(seconds) && seconds <= 60 ? 3 : 0;
  }
  return 0;
}

async function attemptOnce(
  state: ZendeskState,
  deliver: Deliver,
  request: OutgoingRequest,
): Promise<DeliveryAnswer> {
  let answer: DeliveryAnswer;
  try {
    const result = await deliver(request);
    answer = typeof result === 'number' ? { status: result } : result;
  } catch {
    answer = { status: 0 };
  }
  const fault = state.faults.webhookDelivery;
  if (fault && fault.times > 0) {
    fault.times -= 1;
    return { status: 0 };
  }
  return answer;
}

/** Delivers with Zendesk's retries; returns every attempt, oldest first. */
export async function deliverWithRetries(
  state: ZendeskState,
  deliver: Deliver,
  request: OutgoingRequest,
): Promise<ZdInvocationAttempt[]> {
  const attempts: ZdInvocationAttempt[] = [];
  let allowed: number | null = null;
  for (;;) {
    const answer = await attemptOnce(state, deliver, request);
    const ok = answer.status >= 200 && answer.status < 300;
    attempts.push({
      id: `${attempts.length + 1}`,
      status: ok ? 'success' : 'failed',
      status_code: answer.status,
      completed_at: state.now().toISOString(),
    });
    if (ok) return attempts;
    allowed ??= retriesFor(answer);
    if (attempts.length > allowed) return attempts;
  }
}

function headersFor(state: ZendeskState, webhookId: string): Record<string, string> {
  const hook = state.webhooks.get(webhookId)!;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...(hook.custom_headers ?? {}),
  };
  const auth = state.authenticationOf(webhookId);
  if (auth?.type === 'api_key' && auth.data?.name) headers[auth.data.name] = auth.data.value ?? '';
  if (auth?.type === 'bearer_token' && auth.data?.token) {
    headers.Authorization = `Bearer ${auth.data.token}`;
  }
  if (auth?.type === 'basic_auth' && auth.data?.username !== undefined) {
    const pair = `${auth.data.username}:${auth.data.password ?? ''}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  return headers;
}

function applyTicketAction(t: ZdTicket, action: ZdAction): void {
  const tags = String(action.value ?? '')
    .split(/\s+/)
    .filter(Boolean);
  switch (action.field) {
    case 'status':
      t.status = String(action.value) as ZdTicketStatus;
      break;
    case 'priority':
      t.priority = action.value ? String(action.value) : null;
      break;
    case 'type':
      t.type = action.value ? String(action.value) : null;
      break;
    case 'group_id':
      t.group_id = action.value ? Number(action.value) : null;
      break;
    case 'assignee_id':
      t.assignee_id = action.value ? Number(action.value) : null;
      break;
    case 'set_tags':
      t.tags = normaliseTags(tags);
      break;
    case 'current_tags':
      t.tags = normaliseTags([...t.tags, ...tags]);
      break;
    case 'remove_tags':
      t.tags = t.tags.filter((tag) => !tags.includes(tag));
      break;
  }
}

async function notifyWebhook(
  state: ZendeskState,
  update: TicketUpdate,
  comments: readonly ZdComment[],
  action: ZdAction,
  deliver: Deliver,
): Promise<ZdInvocation | null> {
  if (!Array.isArray(action.value)) return null;
  const [webhookId, template] = action.value as [string, string];
  const hook = state.webhooks.get(webhookId);
  if (!hook || hook.status !== 'active') return null;
  let attempts: ZdInvocationAttempt[];
  try {
    const body = await liquid.parseAndRender(
      String(template ?? ''),
      placeholderData(state, update, comments),
    );
    const request = {
      url: hook.endpoint,
      method: hook.http_method,
      headers: headersFor(state, webhookId),
      body,
    };
    attempts = await deliverWithRetries(state, deliver, request);
  } catch {
    // A template Liquid cannot render: Zendesk sends nothing and the invocation fails.
    attempts = [
      { id: '1', status: 'failed', status_code: 0, completed_at: state.now().toISOString() },
    ];
  }
  const last = attempts[attempts.length - 1]!;
  const invocation = state.addInvocation(webhookId, {
    statusCode: last.status_code,
    status: last.status,
  });
  invocation.attempts = attempts;
  return invocation;
}

/**
 * Runs the active triggers for one ticket update; returns the invocations it recorded. The update
 * carries the ticket and its comments as they were right after it, so a later update cannot change
 * what this run sees; ticket actions change both that view and the ticket.
 */
export async function fireTicketTriggers(
  state: ZendeskState,
  change: TicketUpdate,
  deliver: Deliver,
): Promise<ZdInvocation[]> {
  const update: TicketUpdate = { ...change, ticket: structuredClone(change.ticket) };
  const comments = change.comments;
  const live = state.tickets.get(change.ticket.id);
  const recorded: ZdInvocation[] = [];
  const rules = [...state.triggers.values()]
    .filter((r) => r.active)
    .sort((a, b) => a.position - b.position || a.id - b.id);
  for (const rule of rules) {
    if (!ruleHolds(state, rule.conditions, update)) continue;
    for (const action of rule.actions ?? []) {
      if (action.field === 'notification_webhook') {
        const invocation = await notifyWebhook(state, update, comments, action, deliver);
        if (invocation) recorded.push(invocation);
      } else {
        applyTicketAction(update.ticket, action);
        if (live) applyTicketAction(live, action);
      }
    }
  }
  return recorded;
}
