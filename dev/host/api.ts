/**
 * The agent interface's own Zendesk API calls (same origin, as the real agent UI makes them with
 * the session cookie) and the host's configuration from the workspace server.
 */
import type { ZafLocation } from '../../src/zaf/types';
import type { ZdBrand, ZdComment, ZdIdentity, ZdTicket, ZdUser } from '../zendesk/types';

export interface HostConfig {
  hostOrigin: string;
  appOrigin: string;
  subdomain: string;
  distReady: boolean;
  saveHookTimeoutMs: number;
  klaviyo: string;
  app: {
    appId: number;
    installationId: number;
    name: string;
    version: string;
    settings: Record<string, string | number | boolean | null>;
    locations: Partial<Record<ZafLocation, { url: string; flexible: boolean }>>;
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(describe(status, body));
  }
}

function describe(status: number, body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { error?: unknown; description?: unknown; details?: unknown };
    const details =
      b.details && typeof b.details === 'object'
        ? Object.values(b.details as Record<string, Array<{ description?: string }>>)
            .flat()
            .map((d) => d.description)
            .filter(Boolean)
            .join(' ')
        : '';
    const text = [b.description, details].filter((s) => typeof s === 'string' && s).join(': ');
    if (text) return text;
    if (typeof b.error === 'string') return b.error;
  }
  return `HTTP ${status}`;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed as T;
}

export const api = {
  config: () => call<HostConfig>('GET', '/__host/config'),
  me: () => call<{ user: ZdUser }>('GET', '/api/v2/users/me.json').then((r) => r.user),
  tickets: () =>
    call<{ tickets: ZdTicket[]; users: ZdUser[] }>('GET', '/api/v2/tickets.json?include=users'),
  ticket: (id: number) =>
    call<{ ticket: ZdTicket; users: ZdUser[] }>('GET', `/api/v2/tickets/${id}.json?include=users`),
  comments: (id: number) =>
    call<{ comments: ZdComment[]; users: ZdUser[] }>(
      'GET',
      `/api/v2/tickets/${id}/comments.json?include=users`,
    ),
  updateTicket: (id: number, ticket: Record<string, unknown>) =>
    call<{ ticket: ZdTicket }>('PUT', `/api/v2/tickets/${id}.json`, { ticket }),
  user: (id: number) =>
    call<{ user: ZdUser }>('GET', `/api/v2/users/${id}.json`).then((r) => r.user),
  identities: (id: number) =>
    call<{ identities: ZdIdentity[] }>('GET', `/api/v2/users/${id}/identities.json`).then(
      (r) => r.identities,
    ),
  brands: () => call<{ brands: ZdBrand[] }>('GET', '/api/v2/brands.json').then((r) => r.brands),
  /** User field definitions (whoever serves them: the admin stand-in in the workspace). */
  userFieldKeys: () =>
    call<{ user_fields: Array<{ key: string }> }>('GET', '/api/v2/user_fields.json').then((r) =>
      r.user_fields.map((f) => f.key),
    ),
  /** The emulated ZAF proxy: the server applies the rules and holds the secure settings. */
  proxy: (options: unknown) => {
    const answer = call<{
      status: number;
      statusText: string;
      headers: Record<string, string>;
      responseText: string;
      failure?: 'refused' | 'network' | 'timeout';
    }>('POST', '/__zaf/request', { options });
    if (writesToZendesk(options)) void answer.finally(() => (zendeskWrites += 1));
    return answer;
  },
};

/**
 * How many writes apps have made to the Zendesk API through the proxy. Zendesk answers ZAF `get`s
 * from the data the agent's browser already holds, refreshed when something changes it; the views
 * re-read users only when this count moved, so a `get` costs no API call otherwise.
 */
let zendeskWrites = 0;
export const zendeskWriteCount = () => zendeskWrites;

/**
 * A user and the user-field definitions as a ZAF `get` of `customField:` paths sees them: what was
 * read last, read again only after a Zendesk write (e.g. the app linking a Klaviyo profile id).
 */
export async function createUserFieldReader() {
  let readAt = zendeskWriteCount();
  let keys = await api.userFieldKeys().catch((): string[] => []);
  return async (user: ZdUser): Promise<{ user: ZdUser; keys: string[] }> => {
    if (readAt === zendeskWriteCount()) return { user, keys };
    readAt = zendeskWriteCount();
    const [fresh, fields] = await Promise.all([
      api.user(user.id),
      api.userFieldKeys().catch((): string[] => []),
    ]);
    keys = fields;
    return { user: fresh, keys };
  };
}

function writesToZendesk(options: unknown): boolean {
  const o = (typeof options === 'string' ? { url: options } : options) as {
    url?: unknown;
    type?: unknown;
  } | null;
  const method = typeof o?.type === 'string' ? o.type.toUpperCase() : 'GET';
  return method !== 'GET' && typeof o?.url === 'string' && o.url.startsWith('/');
}
