/**
 * How every route of the Zendesk stand-in is answered, written once: paths with and without
 * `.json`, authentication (the agent's session, or `Authorization: Bearer <token>` from an OAuth
 * token; a bad or expired token answers 401 as Zendesk's OAuth layer does), the rate-limit fault
 * (429 with `Retry-After`), Zendesk's error bodies, and the log of answered calls (webhook secrets
 * redacted). Resources register their routes through `Router.add`.
 */
import {
  http,
  HttpResponse,
  type DefaultBodyType,
  type HttpResponseResolver,
  type RequestHandler,
} from 'msw';
import {
  RateLimited,
  ZendeskApiError,
  errorAnswer,
  invalidJson,
  notFound,
  unauthenticated,
} from './errors';
import { verifyBearerToken } from './oauth';
import type { ZendeskState } from './state';
import type { Actor } from './tickets';

export type Json = Record<string, unknown>;
type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Params = Record<string, string | readonly string[] | undefined>;

/** The header through which the workspace tells the channel of a session call (`web`, ...). */
export const VIA_HEADER = 'x-workspace-via';

export interface RouteContext {
  request: Request;
  url: URL;
  params: Params;
  /** The signed-in user (session) or the token's user (bearer), and the update channel. */
  actor: Actor;
  /** The request body as a JSON object (400 when it is not one; `{}` when empty). */
  json(): Promise<Json>;
}

export interface Answer {
  status?: number;
  body?: unknown;
}

export type Route = (ctx: RouteContext) => Answer | Promise<Answer>;

export interface Router {
  readonly state: ZendeskState;
  /** `path` under `/api/v2`, e.g. `/tickets/:id`; answered with and without `.json`. */
  add(method: Method, path: string, route: Route): void;
}

export function idParam(value: Params[string]): number {
  const raw = String(value ?? '').replace(/\.json$/, '');
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id)) throw notFound();
  return id;
}

export function object(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** A wrapped resource (`{"ticket": {...}}`); 400 when it is missing or not an object. */
export function wrapped(body: Json, key: string): Json {
  const value = body[key];
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidJson();
  return value as Json;
}

export function strings(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return undefined;
}

async function parseJson(request: Request): Promise<Json> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
  } catch {
    // falls through to the 400
  }
  throw invalidJson();
}

/** Recorded bodies never keep a webhook's secret or an OAuth client's secret. */
function redact(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const copy = JSON.parse(JSON.stringify(body)) as Json;
  const auth = object(object(copy.webhook).authentication);
  if (auth.data) auth.data = '[redacted]';
  const client = object(copy.client);
  if (client.secret) client.secret = '[redacted]';
  return copy;
}

function authenticate(state: ZendeskState, request: Request): Actor {
  const header = request.headers.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) {
    const token = verifyBearerToken(state, bearer[1]!);
    if (!token) {
      throw new ZendeskApiError(401, {
        error: 'invalid_token',
        error_description:
          'The access token provided is expired, revoked, malformed or invalid for other reasons.',
      });
    }
    return { userId: token.userId, via: 'api' };
  }
  if (state.session === 'anonymous') throw unauthenticated();
  return { userId: state.currentUserId, via: request.headers.get(VIA_HEADER) ?? 'api' };
}

/** Whether the armed 500 fault takes this call (and spends one of its times). */
function serverErrorTakes(state: ZendeskState, method: string, url: URL, afterWrite: boolean) {
  const fault = state.faults.serverError;
  if (!fault || fault.times <= 0 || fault.afterWrite !== afterWrite) return false;
  if (fault.pathPattern && !fault.pathPattern.test(url.pathname)) return false;
  if (fault.method && fault.method.toLowerCase() !== method) return false;
  fault.times -= 1;
  return true;
}

const serverError = () =>
  new ZendeskApiError(500, { error: 'InternalServerError', description: 'Internal Server Error' });

function rateLimit(state: ZendeskState, url: URL): void {
  const fault = state.faults.rateLimit;
  if (!fault || fault.times <= 0) return;
  if (fault.pathPattern && !fault.pathPattern.test(url.pathname)) return;
  fault.times -= 1;
  throw new RateLimited(fault.retryAfterSeconds);
}

export function createRouter(
  state: ZendeskState,
  baseUrl: string,
): Router & {
  handlers: RequestHandler[];
} {
  const base = baseUrl.replace(/\/$/, '');
  const handlers: RequestHandler[] = [];
  return {
    state,
    handlers,
    add(method, path, route) {
      const resolver: HttpResponseResolver = async ({ request, params }) => {
        const url = new URL(request.url);
        const sent = method === 'get' ? undefined : await request.clone().text();
        let response: HttpResponse<DefaultBodyType>;
        try {
          rateLimit(state, url);
          if (serverErrorTakes(state, method, url, false)) throw serverError();
          const actor = authenticate(state, request);
          const answer = await route({
            request,
            url,
            params,
            actor,
            json: () => parseJson(request),
          });
          if (serverErrorTakes(state, method, url, true)) throw serverError();
          const status = answer.status ?? 200;
          response =
            status === 204
              ? new HttpResponse(null, { status })
              : HttpResponse.json(answer.body as Json, { status });
        } catch (error) {
          if (!(error instanceof ZendeskApiError)) throw error;
          response = errorAnswer(error);
        }
        let body: unknown;
        try {
          body = sent ? JSON.parse(sent) : undefined;
        } catch {
          body = sent;
        }
        state.requests.push({
          method: method.toUpperCase(),
          path: url.pathname + url.search,
          status: response.status,
          ...(body !== undefined ? { body: redact(body) } : {}),
          at: state.now().toISOString(),
        });
        return response;
      };
      const full = `${base}/api/v2${path}`;
      handlers.push(http[method](full, resolver));
      // A trailing `:param` already takes `101.json` (idParam strips the suffix).
      if (!/\/:[a-z_]+$/i.test(path)) handlers.push(http[method](`${full}.json`, resolver));
    },
  };
}

/** A string path parameter (a webhook id), without the optional `.json`. */
export function stringParam(value: Params[string]): string {
  return String(value ?? '').replace(/\.json$/, '');
}
