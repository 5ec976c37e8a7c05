/**
 * A test double of the ZAF client for Jest. `get`/`set`/`invoke` read and write a plain data
 * object; `request()` behaves like Zendesk's proxy (see dev/zaf-proxy/rules.ts) and performs the
 * call with `fetch`, so MSW handlers answer it. Like the real SDK it resolves 2xx answers and
 * rejects the rest with a jqXHR-like `{ status, responseText, headers }`.
 */
import manifest from '../../manifest.json';
import { applyProxyRules, type ManifestParameter } from '../../dev/zaf-proxy/rules';
import type {
  ZafClient,
  ZafContext,
  ZafEventHandler,
  ZafGetResult,
  ZafMetadata,
  ZafRequestOptions,
} from '../../src/zaf/types';

export const TEST_ZENDESK_BASE = 'https://demo.zendesk.com';
/** An obviously fake key: tests check that it never reaches the page, only requests upstream. */
export const TEST_KLAVIYO_KEY = 'pk_test_never_in_the_browser';

export interface FakeZafOptions {
  data?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  secureSettings?: Record<string, unknown>;
  context?: Partial<ZafContext>;
  /** Answers `invoke(name, ...args)`; default: resolves `{}`. */
  onInvoke?: (name: string, args: unknown[]) => unknown;
}

export interface FakeZafClient extends ZafClient {
  /** Fires an event to the app's handlers (as the host would). Resolves with their results. */
  emit(event: string, payload?: unknown): Promise<unknown[]>;
  data: Record<string, unknown>;
  requests: ZafRequestOptions[];
  invocations: Array<{ name: string; args: unknown[] }>;
}

function defaultSettings(): Record<string, unknown> {
  const params = manifest.parameters as ManifestParameter[];
  return Object.fromEntries(
    params.filter((p) => !p.secure && 'default' in p).map((p) => [p.name, p.default]),
  );
}

function readPath(data: Record<string, unknown>, path: string): unknown {
  if (path in data) return data[path];
  let node: unknown = data;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function createFakeZafClient(options: FakeZafOptions = {}): FakeZafClient {
  const handlers = new Map<string, Set<ZafEventHandler>>();
  const settings = { ...defaultSettings(), ...(options.settings ?? {}) };
  const secure = { klaviyo_api_key: TEST_KLAVIYO_KEY, ...(options.secureSettings ?? {}) };
  const data: Record<string, unknown> = {
    currentUser: {
      id: 1,
      name: 'Alex Agent',
      email: 'alex.agent@example.com',
      role: 'admin',
      locale: 'en-US',
    },
    ...(options.data ?? {}),
  };
  const metadata: ZafMetadata = {
    appId: 1001,
    installationId: 2002,
    name: manifest.name,
    version: manifest.version,
    settings: settings as ZafMetadata['settings'],
  };
  const context: ZafContext = {
    product: 'support',
    location: 'ticket_sidebar',
    account: { subdomain: 'demo' },
    ...(options.context ?? {}),
  };

  const client: FakeZafClient = {
    data,
    requests: [],
    invocations: [],
    async get(paths) {
      const list = Array.isArray(paths) ? paths : [paths];
      const result: ZafGetResult = { errors: {} };
      for (const path of list) {
        const value = readPath(data, path);
        if (value === undefined) result.errors![path] = { message: `Could not find ${path}` };
        else result[path] = value;
      }
      return result;
    },
    async set(path, value) {
      const entries = typeof path === 'string' ? { [path]: value } : path;
      Object.assign(data, entries);
      return { ...entries, errors: {} };
    },
    async invoke(name, ...args) {
      client.invocations.push({ name, args });
      const answer = options.onInvoke?.(name, args);
      return { ...(answer as object | undefined), errors: {} };
    },
    async metadata() {
      return metadata;
    },
    async context() {
      return context;
    },
    on(event, handler) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
    },
    off(event, handler) {
      handlers.get(event)?.delete(handler);
    },
    has(event, handler) {
      return handlers.get(event)?.has(handler) ?? false;
    },
    async emit(event, payload) {
      return Promise.all([...(handlers.get(event) ?? [])].map((h) => h(payload)));
    },
    async request<T>(input: ZafRequestOptions | string): Promise<T> {
      const opts = typeof input === 'string' ? { url: input } : input;
      client.requests.push(opts);
      const decision = applyProxyRules(opts, {
        settings: { ...settings, ...secure },
        parameters: manifest.parameters as ManifestParameter[],
        domainWhitelist: manifest.domainWhitelist,
        zendeskBaseUrl: TEST_ZENDESK_BASE,
      });
      if (!decision.ok) {
        throw {
          status: decision.status,
          statusText: 'error',
          responseText: JSON.stringify({ error: decision.message }),
          headers: {},
        };
      }
      let response: Response;
      try {
        response = await fetch(decision.url, {
          method: decision.method,
          headers: decision.headers,
          body: decision.body,
        });
      } catch {
        throw { status: 0, statusText: 'error', responseText: '' };
      }
      const responseText = await response.text();
      const headers = Object.fromEntries(response.headers.entries());
      const complete = {
        status: response.status,
        statusText: response.statusText,
        responseText,
        headers,
      };
      if (response.status < 200 || response.status >= 300) throw complete;
      if (opts.httpCompleteResponse) return complete as T;
      try {
        return JSON.parse(responseText) as T;
      } catch {
        return responseText as T;
      }
    },
  };
  return client;
}
