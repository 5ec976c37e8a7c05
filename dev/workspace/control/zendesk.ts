/**
 * Control endpoints for the Zendesk stand-in: tickets (list, one, a new incoming one, an agent's
 * status change, a comment as the agent UI, the mobile app, an email reply or the API would add
 * it: triggers run for each), users, the API log, admin objects and invocations, the session, and
 * faults (rate limit, webhook delivery).
 */
import { adminWrites, updateTicket, type ZendeskState } from '../../zendesk';
import type { ZdTicket } from '../../zendesk/types';
import { ControlError, idFrom, object, ok, type ControlRoute } from './route';

const COMMENT_VIAS = ['mobile', 'api', 'web', 'email'];
const SETTABLE_STATUSES = ['open', 'pending', 'solved', 'closed'];

/** A ticket as the control API lists it. */
function ticketSummary(z: ZendeskState, t: ZdTicket) {
  const source = t.via.source.rel === 'follow_up' ? t.via.source.from.ticket_id : null;
  return {
    id: t.id,
    subject: t.subject,
    status: t.status,
    tags: t.tags,
    external_id: t.external_id,
    brand_id: t.brand_id,
    requester_id: t.requester_id,
    via_followup_source_id: typeof source === 'number' ? source : null,
    via: t.via.channel,
    comments: (z.comments.get(t.id) ?? []).map((c) => ({
      id: c.id,
      author_id: c.author_id,
      public: c.public,
      body: c.body,
      via: c.via.channel,
    })),
  };
}

function pattern(value: unknown, fault: string): RegExp {
  try {
    return new RegExp(String(value));
  } catch {
    throw new ControlError(400, `${fault}.pathPattern is not a valid regular expression.`);
  }
}

function parseZendeskFaults(z: ZendeskState, input: Record<string, unknown>): void {
  const unknown = Object.keys(input).filter(
    (k) => !['rateLimit', 'webhookDelivery', 'serverError'].includes(k),
  );
  if (unknown.length > 0)
    throw new ControlError(400, `faults: unknown keys ${unknown.join(', ')}.`);
  const times = (value: unknown) => {
    const n = value === undefined ? 1 : Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new ControlError(400, 'times must be a whole number ≥ 1.');
    return n;
  };
  if (input.rateLimit !== undefined) {
    const r = object(input.rateLimit, 'rateLimit');
    const seconds = Number(r.retryAfterSeconds ?? 1);
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new ControlError(400, 'rateLimit.retryAfterSeconds must be a whole number ≥ 0.');
    }
    const pathPattern =
      r.pathPattern === undefined ? undefined : pattern(r.pathPattern, 'rateLimit');
    z.faults.rateLimit = {
      retryAfterSeconds: seconds,
      times: times(r.times),
      ...(pathPattern ? { pathPattern } : {}),
    };
  }
  if (input.serverError !== undefined) {
    const e = object(input.serverError, 'serverError');
    const method = e.method === undefined ? undefined : String(e.method).toUpperCase();
    if (method !== undefined && !['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
      throw new ControlError(400, 'serverError.method must be GET, POST, PUT, PATCH or DELETE.');
    }
    z.faults.serverError = {
      times: times(e.times),
      afterWrite: e.afterWrite === true,
      ...(e.pathPattern !== undefined
        ? { pathPattern: pattern(e.pathPattern, 'serverError') }
        : {}),
      ...(method ? { method } : {}),
    };
  }
  if (input.webhookDelivery !== undefined) {
    z.faults.webhookDelivery = {
      times: times(object(input.webhookDelivery, 'webhookDelivery').times),
    };
  }
}

function faultsView(z: ZendeskState) {
  const r = z.faults.rateLimit;
  return {
    rateLimit: r && r.times > 0 ? { ...r, pathPattern: r.pathPattern?.source } : null,
    webhookDelivery: z.faults.webhookDelivery?.times ? z.faults.webhookDelivery : null,
    serverError: z.faults.serverError?.times
      ? { ...z.faults.serverError, pathPattern: z.faults.serverError.pathPattern?.source }
      : null,
  };
}

export const zendeskRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/zendesk/tickets',
    handle: ({ state }) => {
      const z = state.zendesk;
      const tickets = [...z.tickets.values()].sort((a, b) => a.id - b.id);
      return ok({ tickets: tickets.map((t) => ticketSummary(z, t)) });
    },
  },
  {
    method: 'GET',
    path: '/zendesk/tickets/:id',
    handle: ({ state, params }) => {
      const id = idFrom(params.id);
      return ok({
        ticket: state.zendesk.getTicket(id),
        comments: state.zendesk.comments.get(id) ?? [],
      });
    },
  },
  {
    method: 'POST',
    path: '/zendesk/tickets',
    takes: '{subject, body, requesterId, tags?, brandId?, status?}',
    handle: async ({ state, body }) => {
      // An incoming ticket (as if the customer wrote in), through the API so triggers run.
      const b = object(await body(), 'ticket');
      const response = await state.zendeskFetch(
        new Request(`${state.zendesk.baseUrl}/api/v2/tickets.json`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            ticket: {
              subject: b.subject,
              comment: { body: b.body, public: true },
              requester_id: b.requesterId,
              ...(b.tags !== undefined ? { tags: b.tags } : {}),
              ...(b.brandId !== undefined ? { brand_id: b.brandId } : {}),
              ...(b.status !== undefined ? { status: b.status } : {}),
            },
          }),
        }),
      );
      return ok(await response.json(), response.status);
    },
  },
  {
    method: 'POST',
    path: '/zendesk/tickets/:id/status',
    takes: '{status: open|pending|solved|closed}',
    handle: async ({ state, params, body }) => {
      const status = object(await body(), 'status').status;
      if (typeof status !== 'string' || !SETTABLE_STATUSES.includes(status)) {
        throw new ControlError(400, `status must be one of ${SETTABLE_STATUSES.join(', ')}.`);
      }
      const z = state.zendesk;
      // As the signed-in agent's update in the agent UI.
      const result = updateTicket(
        z,
        idFrom(params.id),
        { status },
        { userId: z.currentUserId, via: 'web' },
      );
      return ok({ ticket: ticketSummary(z, result.ticket) });
    },
  },
  {
    method: 'POST',
    path: '/zendesk/tickets/:id/comments',
    takes: '{body, public, authorId, via: mobile|api|web|email}',
    handle: async ({ state, params, body }) => {
      const b = object(await body(), 'comment');
      const z = state.zendesk;
      const via = b.via ?? 'web';
      if (typeof via !== 'string' || !COMMENT_VIAS.includes(via)) {
        throw new ControlError(400, `via must be one of ${COMMENT_VIAS.join(', ')}.`);
      }
      if (typeof b.body !== 'string') throw new ControlError(400, 'comment.body must be a string.');
      if (b.public !== undefined && typeof b.public !== 'boolean') {
        throw new ControlError(400, 'comment.public must be true or false.');
      }
      const authorId = b.authorId === undefined ? z.currentUserId : idFrom(String(b.authorId));
      z.getUser(authorId);
      // The mobile app, an email reply and the agent UI act as the author; an API call acts as the
      // account's signed-in user, naming the author in `author_id`.
      const userId = via === 'api' ? z.currentUserId : authorId;
      const result = updateTicket(
        z,
        idFrom(params.id),
        { comment: { body: b.body, public: b.public !== false, authorId } },
        { userId, via },
      );
      return ok({ ticket: ticketSummary(z, result.ticket) }, 201);
    },
  },
  {
    method: 'GET',
    path: '/zendesk/users/:id',
    handle: ({ state, params }) => {
      const id = idFrom(params.id);
      return ok({
        user: state.zendesk.getUser(id),
        identities: state.zendesk.identities.get(id) ?? [],
      });
    },
  },
  {
    method: 'GET',
    path: '/zendesk/requests',
    handle: ({ state }) =>
      ok({ requests: state.zendesk.requests, admin: adminWrites(state.zendesk) }),
  },
  {
    method: 'GET',
    path: '/zendesk/admin',
    handle: ({ state }) => {
      const z = state.zendesk;
      return ok({
        webhooks: [...z.webhooks.values()],
        triggers: [...z.triggers.values()],
        automations: [...z.automations.values()],
        views: [...z.views.values()],
        userFields: z.userFields,
        invocations: Object.fromEntries(z.invocations),
      });
    },
  },
  {
    method: 'POST',
    path: '/zendesk/admin/invocations',
    takes: '{statusCode, webhookId?, at?}',
    handle: async ({ state, body }) => {
      // What Zendesk records when a webhook fires: for the setup page's health table.
      const b = object(await body(), 'invocation');
      const z = state.zendesk;
      const hooks = [...z.webhooks.keys()];
      const webhookId = typeof b.webhookId === 'string' ? b.webhookId : hooks[0];
      if (!webhookId || !z.webhooks.has(webhookId)) {
        throw new ControlError(
          400,
          hooks.length === 0
            ? 'No webhook yet: save the setup page (or create one) first.'
            : `No webhook ${String(b.webhookId)}; known: ${hooks.join(', ')}.`,
        );
      }
      const statusCode = Number(b.statusCode);
      if (!Number.isInteger(statusCode) || statusCode < 0 || statusCode > 599) {
        throw new ControlError(400, 'invocation.statusCode must be an HTTP status (0 for none).');
      }
      const at = typeof b.at === 'string' ? { at: b.at } : {};
      return ok({ invocation: z.addInvocation(webhookId, { statusCode, ...at }) }, 201);
    },
  },
  {
    method: 'POST',
    path: '/zendesk/session',
    takes: '{session: agent|anonymous, role: admin|agent}',
    handle: async ({ state, body }) => {
      const b = object(await body(), 'session');
      const z = state.zendesk;
      if (b.session !== undefined) {
        if (b.session !== 'agent' && b.session !== 'anonymous') {
          throw new ControlError(400, 'session must be "agent" or "anonymous".');
        }
        z.session = b.session;
      }
      if (b.role !== undefined) {
        if (b.role !== 'admin' && b.role !== 'agent') {
          throw new ControlError(400, 'role must be "admin" or "agent".');
        }
        z.currentUser().role = b.role;
      }
      return ok({ session: z.session, role: z.currentUser().role });
    },
  },
  { method: 'GET', path: '/zendesk/faults', handle: ({ state }) => ok(faultsView(state.zendesk)) },
  {
    method: 'POST',
    path: '/zendesk/faults',
    takes:
      '{rateLimit?: {retryAfterSeconds, times?, pathPattern?}, webhookDelivery?: {times?}, serverError?: {times?, pathPattern?, method?, afterWrite?}}',
    handle: async ({ state, body }) => {
      parseZendeskFaults(state.zendesk, object(await body(), 'faults'));
      return ok(faultsView(state.zendesk), 201);
    },
  },
  {
    method: 'DELETE',
    path: '/zendesk/faults',
    handle: ({ state }) => {
      delete state.zendesk.faults.rateLimit;
      delete state.zendesk.faults.webhookDelivery;
      delete state.zendesk.faults.serverError;
      return ok(faultsView(state.zendesk));
    },
  },
];
