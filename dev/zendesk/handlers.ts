/**
 * MSW request handlers that answer the Zendesk Support REST API from an in-memory store, in
 * Zendesk's JSON shapes. Used by Jest (msw/node) and by the local workspace (msw `getResponse`).
 * Paths work with and without the `.json` suffix, as in Zendesk.
 *
 * Unknown ids answer 404 `RecordNotFound`; an `anonymous` store session answers 401; admin-only
 * writes answer 403 for non-admin agents. Routes this file does not know fall through to the next
 * handler set (the admin handlers, then `zendeskFallbackHandlers`' 404).
 */
import { http, HttpResponse, type HttpResponseResolver, type RequestHandler } from 'msw';
import { ZendeskApiError, invalidJson, notFound, unauthenticated } from './errors';
import type { ZendeskStore } from './store';
import type { ZdTicket, ZdUser } from './types';

export interface TicketChange {
  kind: 'Create' | 'Change';
  ticket: ZdTicket;
  /** Status before this update (null for a new ticket). */
  previousStatus: string | null;
}

export interface ZendeskHandlerOptions {
  /** The account URL the handlers answer for. Default: the store's `baseUrl`. */
  baseUrl?: string;
  /**
   * Called after a ticket was created or updated through the API (what makes Zendesk run its
   * triggers); the workspace uses it to fire the admin stand-in's webhooks.
   */
  onTicketChange?: (change: TicketChange) => void;
}

type Method = 'get' | 'put' | 'post' | 'delete';
type Params = Record<string, string | readonly string[] | undefined>;
type Answer = { status?: number; body: unknown };
type Route = (ctx: { request: Request; params: Params; url: URL }) => Answer | Promise<Answer>;

const JSON_SUFFIX = /\.json$/;

function idParam(value: Params[string]): number {
  const raw = String(value ?? '').replace(JSON_SUFFIX, '');
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id)) throw notFound();
  return id;
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw invalidJson();
}

function object(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function strings(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return undefined;
}

function idsQuery(url: URL): number[] {
  return (url.searchParams.get('ids') ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

function list<T>(key: string, items: T[]): Record<string, unknown> {
  return { [key]: items, next_page: null, previous_page: null, count: items.length };
}

export function zendeskHandlers(
  store: ZendeskStore,
  options: ZendeskHandlerOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? store.baseUrl).replace(/\/$/, '');
  const handlers: RequestHandler[] = [];

  const route = (method: Method, path: string, fn: Route, withSuffix = true) => {
    const resolver: HttpResponseResolver = async ({ request, params }) => {
      const url = new URL(request.url);
      const clone = request.clone();
      let status = 200;
      let body: unknown;
      try {
        if (store.session === 'anonymous') throw unauthenticated();
        const answer = await fn({ request, params, url });
        status = answer.status ?? 200;
        body = answer.body;
      } catch (error) {
        if (!(error instanceof ZendeskApiError)) throw error;
        status = error.status;
        body = error.body;
      }
      let sent: unknown;
      if (method !== 'get') {
        const text = await clone.text().catch(() => '');
        try {
          sent = text ? JSON.parse(text) : undefined;
        } catch {
          sent = text;
        }
      }
      store.requests.push({
        method: method.toUpperCase(),
        path: url.pathname + url.search,
        status,
        ...(sent !== undefined ? { body: sent } : {}),
        at: store.now().toISOString(),
      });
      return status === 204
        ? new HttpResponse(null, { status })
        : HttpResponse.json(body as Record<string, unknown>, { status });
    };
    handlers.push(http[method](`${base}${path}`, resolver));
    if (withSuffix) handlers.push(http[method](`${base}${path}.json`, resolver));
  };

  const sideloadUsers = (ids: Array<number | null>): ZdUser[] =>
    [...new Set(ids.filter((id): id is number => typeof id === 'number'))]
      .map((id) => store.users.get(id))
      .filter((u): u is ZdUser => u !== undefined);

  const includes = (url: URL, what: string) =>
    (url.searchParams.get('include') ?? '').split(',').includes(what);

  // Tickets
  route('get', '/api/v2/tickets/show_many', ({ url }) => ({
    body: list(
      'tickets',
      idsQuery(url)
        .map((id) => store.tickets.get(id))
        .filter(Boolean),
    ),
  }));
  route('get', '/api/v2/tickets', ({ url }) => {
    const tickets = [...store.tickets.values()].sort((a, b) => a.id - b.id);
    return {
      body: {
        ...list('tickets', tickets),
        ...(includes(url, 'users')
          ? { users: sideloadUsers(tickets.flatMap((t) => [t.requester_id, t.assignee_id])) }
          : {}),
      },
    };
  });
  route(
    'get',
    '/api/v2/tickets/:id',
    ({ params, url }) => {
      const ticket = store.getTicket(idParam(params.id));
      return {
        body: {
          ticket,
          ...(includes(url, 'users')
            ? {
                users: sideloadUsers([
                  ticket.requester_id,
                  ticket.submitter_id,
                  ticket.assignee_id,
                ]),
              }
            : {}),
          ...(includes(url, 'brands')
            ? { brands: store.brands.filter((b) => b.id === ticket.brand_id) }
            : {}),
        },
      };
    },
    false,
  );
  route(
    'put',
    '/api/v2/tickets/:id',
    async ({ params, request }) => {
      const id = idParam(params.id);
      const previousStatus = store.getTicket(id).status;
      const input = object((await readJson(request)).ticket);
      const comment = input.comment === undefined ? undefined : object(input.comment);
      const result = store.updateTicket(id, {
        ...(comment
          ? {
              comment: {
                ...(typeof comment.body === 'string' ? { body: comment.body } : {}),
                ...(typeof comment.html_body === 'string' ? { htmlBody: comment.html_body } : {}),
                public: comment.public !== false,
                ...(typeof comment.author_id === 'number' ? { authorId: comment.author_id } : {}),
              },
            }
          : {}),
        ...(typeof input.status === 'string' ? { status: input.status } : {}),
        ...(typeof input.subject === 'string' ? { subject: input.subject } : {}),
        ...(input.priority !== undefined ? { priority: input.priority as string | null } : {}),
        ...(strings(input.tags) ? { tags: strings(input.tags) } : {}),
        ...(strings(input.additional_tags)
          ? { additionalTags: strings(input.additional_tags) }
          : {}),
        ...(strings(input.remove_tags) ? { removeTags: strings(input.remove_tags) } : {}),
        ...(typeof input.requester_id === 'number' ? { requesterId: input.requester_id } : {}),
        ...(input.assignee_id !== undefined
          ? { assigneeId: input.assignee_id as number | null }
          : {}),
      });
      options.onTicketChange?.({ kind: 'Change', ticket: result.ticket, previousStatus });
      return { body: result };
    },
    false,
  );
  route('post', '/api/v2/tickets', async ({ request }) => {
    const input = object((await readJson(request)).ticket);
    const comment = object(input.comment);
    const result = store.createTicket({
      subject: typeof input.subject === 'string' ? input.subject : '',
      comment: {
        ...(typeof comment.body === 'string' ? { body: comment.body } : {}),
        ...(typeof comment.html_body === 'string' ? { htmlBody: comment.html_body } : {}),
        public: comment.public !== false,
        ...(typeof comment.author_id === 'number' ? { authorId: comment.author_id } : {}),
      },
      requesterId:
        typeof input.requester_id === 'number' ? input.requester_id : store.currentUserId,
      ...(typeof input.status === 'string' ? { status: input.status } : {}),
      ...(strings(input.tags) ? { tags: strings(input.tags) } : {}),
      ...(typeof input.brand_id === 'number' ? { brandId: input.brand_id } : {}),
      ...(typeof input.priority === 'string' ? { priority: input.priority } : {}),
      ...(typeof input.type === 'string' ? { type: input.type } : {}),
    });
    options.onTicketChange?.({ kind: 'Create', ticket: result.ticket, previousStatus: null });
    return { status: 201, body: result };
  });
  route('get', '/api/v2/tickets/:id/comments', ({ params, url }) => {
    const id = idParam(params.id);
    store.getTicket(id);
    const comments = [...(store.comments.get(id) ?? [])];
    if (url.searchParams.get('sort_order') === 'desc') comments.reverse();
    return {
      body: {
        ...list('comments', comments),
        ...(includes(url, 'users')
          ? { users: sideloadUsers(comments.map((c) => c.author_id)) }
          : {}),
      },
    };
  });

  // Users
  route('get', '/api/v2/users/me', () => ({ body: { user: store.currentUser() } }));
  route('get', '/api/v2/users/show_many', ({ url }) => ({
    body: list('users', sideloadUsers(idsQuery(url))),
  }));
  route(
    'get',
    '/api/v2/users/:id',
    ({ params }) => ({ body: { user: store.getUser(idParam(params.id)) } }),
    false,
  );
  route(
    'put',
    '/api/v2/users/:id',
    async ({ params, request }) => {
      const id = idParam(params.id);
      store.getUser(id);
      const input = object((await readJson(request)).user);
      const user = store.updateUser(id, {
        ...(typeof input.name === 'string' ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email as string | null } : {}),
        ...(input.phone !== undefined ? { phone: input.phone as string | null } : {}),
        ...(typeof input.notes === 'string' ? { notes: input.notes } : {}),
        ...(typeof input.details === 'string' ? { details: input.details } : {}),
        ...(strings(input.tags) ? { tags: strings(input.tags) } : {}),
        ...(input.external_id !== undefined
          ? { externalId: input.external_id as string | null }
          : {}),
        ...(input.user_fields !== undefined ? { userFields: object(input.user_fields) } : {}),
      });
      return { body: { user } };
    },
    false,
  );
  route('get', '/api/v2/users/:id/identities', ({ params }) => {
    const id = idParam(params.id);
    store.getUser(id);
    return { body: list('identities', store.identities.get(id) ?? []) };
  });

  // Account objects
  route('get', '/api/v2/brands', () => ({ body: list('brands', store.brands) }));
  route(
    'get',
    '/api/v2/brands/:id',
    ({ params }) => {
      const brand = store.brands.find((b) => b.id === idParam(params.id));
      if (!brand) throw notFound();
      return { body: { brand } };
    },
    false,
  );
  route('get', '/api/v2/groups', () => ({ body: list('groups', store.groups) }));
  route('get', '/api/v2/user_fields', () => ({ body: list('user_fields', store.userFields) }));
  route('post', '/api/v2/user_fields', async ({ request }) => {
    const input = object((await readJson(request)).user_field);
    const field = store.createUserField({
      key: String(input.key ?? ''),
      title: String(input.title ?? ''),
      ...(typeof input.type === 'string' ? { type: input.type } : {}),
      ...(typeof input.description === 'string' ? { description: input.description } : {}),
    });
    return { status: 201, body: { user_field: field } };
  });

  return handlers;
}

/**
 * Put last: any `/api/...` path no handler answered gets Zendesk's 404 (`InvalidEndpoint`), as an
 * unknown endpoint does in a real account.
 */
export function zendeskFallbackHandlers(baseUrl = 'https://demo.zendesk.com'): RequestHandler[] {
  return [
    http.all(`${baseUrl.replace(/\/$/, '')}/api/*`, () =>
      HttpResponse.json({ error: 'InvalidEndpoint', description: 'Not found' }, { status: 404 }),
    ),
  ];
}
