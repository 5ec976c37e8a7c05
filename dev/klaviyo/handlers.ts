/**
 * MSW 2 handlers that answer like Klaviyo's API (revision 2026-07-15) for the endpoints the app
 * uses: the `revision` and `Authorization` headers required, scopes, declared parameters, JSON
 * bodies, the store's injected faults, latency, and a record of every request. The resources
 * themselves are in routes/. Used by Jest (msw/node) and by the local workspace (getResponse).
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { ApiError, ApiErrors, errorBody, invalid, jsonResponse, notFound } from './errors';
import { defaultFlowEngineDeps, type FlowEngineDeps } from './flows/engine';
import { specPresentOrSaySo } from './flows/schemas';
import { checkParams } from './params';
import { ROUTES, type Route } from './routes';
import { ROUTE_SCOPES } from './scopes';
import type { KlaviyoFault, KlaviyoStore, RecordedRequest } from './store';

export interface KlaviyoHandlerOptions {
  baseUrl?: string;
  /** Added to every answer, to make loading states visible in the workspace. */
  latencyMs?: number;
  /** The only key accepted; when absent any non-placeholder `Klaviyo-API-Key …` is. */
  apiKey?: string;
  /** How flows reach the outside (`send-webhook`) and tell the time. Default: global fetch, now. */
  flowEngine?: Partial<FlowEngineDeps>;
}

const denied = (detail: string) =>
  new ApiError(
    403,
    'permission_denied',
    'You do not have permission to perform this action.',
    detail,
  );

function faultAnswer(fault: KlaviyoFault): {
  status: number;
  body: unknown;
  headers: Record<string, string>;
} {
  const status = fault.status!;
  const headers: Record<string, string> =
    fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
  const error =
    status === 429
      ? new ApiError(
          429,
          'throttled',
          'Request was throttled.',
          'Request was throttled. Expected available in 1 second.',
        )
      : status >= 500
        ? new ApiError(status, 'error', 'A server error occurred.', 'A server error occurred.')
        : new ApiError(status, 'error', 'Error.', `Injected ${status}.`);
  return { status, body: fault.body ?? errorBody(error), headers };
}

function checkAuth(request: Request, apiKey: string | undefined): void {
  const revision = request.headers.get('revision');
  if (!revision || !/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(revision)) {
    throw invalid('The `revision` header is required and must be a valid revision (YYYY-MM-DD).');
  }
  const header = request.headers.get('authorization')?.trim() ?? '';
  if (header === '')
    throw new ApiError(
      401,
      'not_authenticated',
      'Authentication credentials were not provided.',
      'Missing or invalid private key.',
    );
  const m = /^Klaviyo-API-Key\s+(\S+)$/.exec(header);
  if (!m || m[1]!.includes('{{') || (apiKey !== undefined && m[1] !== apiKey))
    throw new ApiError(
      401,
      'authentication_failed',
      'Incorrect authentication credentials.',
      'Incorrect authentication credentials.',
    );
}

function findRoute(method: string, path: string): Route {
  const route = ROUTES.find((r) => r.method === method && r.pattern.test(path));
  if (route) return route;
  if (ROUTES.some((r) => r.pattern.test(path)))
    throw new ApiError(
      405,
      'method_not_allowed',
      'Method not allowed.',
      `Method "${method}" not allowed.`,
    );
  throw notFound();
}

function checkAccess(store: KlaviyoStore, route: Route): void {
  const lacking = (ROUTE_SCOPES[route.name] ?? []).filter(
    (s) => store.grantedScopes && !store.grantedScopes.has(s),
  );
  if (lacking.length > 0)
    throw denied(`This API key is missing required scopes: ${lacking.join(', ')}.`);
  if (route.name.toLowerCase().includes('conversation') && !store.conversationsEnabled)
    throw denied('This account does not have access to the Conversations API.');
}

function checkBody(request: Request, body: unknown): void {
  if (request.method !== 'POST' && request.method !== 'PATCH') return;
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('json'))
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Unsupported media type.',
      `Unsupported media type "${type}" in request.`,
    );
  if (typeof body !== 'object' || body === null) throw invalid('JSON parse error.');
}

async function readRecord(request: Request, url: URL): Promise<RecordedRequest> {
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return {
    method: request.method,
    url: request.url,
    path: url.pathname,
    query: [...url.searchParams.entries()],
    headers: Object.fromEntries(
      [...request.headers.entries()].map(([k, v]) => [k.toLowerCase(), v]),
    ),
    body,
    status: 0,
    responseBody: '',
  };
}

export function klaviyoHandlers(
  store: KlaviyoStore,
  options: KlaviyoHandlerOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? 'https://a.klaviyo.com').replace(/\/+$/, '');
  const engine: FlowEngineDeps = { ...defaultFlowEngineDeps, ...options.flowEngine };
  // Said at start-up, not on the first flow an admin installs.
  specPresentOrSaySo();
  return [
    http.all(`${base}/api/*`, async ({ request }) => {
      const url = new URL(request.url);
      const record = await readRecord(request, url);
      store.requests.push(record);
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        record.status = status;
        record.responseBody = body === null ? '' : JSON.stringify(body);
        return jsonResponse(status, body, headers);
      };

      const fault = store.faults.find(
        (f) =>
          f.times > 0 &&
          f.method.toUpperCase() === request.method &&
          (typeof f.path === 'string' ? f.path === url.pathname : f.path.test(url.pathname)),
      );
      if (fault) {
        fault.times -= 1;
        if (fault.delayMs) await delay(fault.delayMs);
        if (fault.networkError) return HttpResponse.error();
        if (fault.status) {
          const { status, body, headers } = faultAnswer(fault);
          return answer(status, body, headers);
        }
      }
      if (options.latencyMs) await delay(options.latencyMs);

      try {
        checkAuth(request, options.apiKey);
        const route = findRoute(request.method, url.pathname);
        checkAccess(store, route);
        checkParams(url.searchParams, route.params ?? route.name);
        checkBody(request, record.body);
        const params = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent);
        const result = await route.handle({ store, base, url, params, body: record.body, engine });
        return answer(result.status, result.body, result.headers);
      } catch (error) {
        if (error instanceof ApiError) return answer(error.status, errorBody(error), error.headers);
        if (error instanceof ApiErrors) return answer(400, errorBody(...error.errors));
        throw error;
      }
    }),
  ];
}
