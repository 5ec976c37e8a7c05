/**
 * The workspace control API (`/__workspace/*`, JSON) that end-to-end tests and the benchmark use
 * to reset the stores, change settings, inject Klaviyo faults and latency, and read what reached
 * Klaviyo and Zendesk. Secrets are redacted from everything it returns. Documented in dev/README.md.
 */
import { KLAVIYO_CONTROL_ENDPOINTS, klaviyoControl, type KlaviyoFault } from '../klaviyo';
import { ZendeskApiError } from '../zendesk/errors';
import {
  SettingsError,
  publicSettings,
  redact,
  validateSettings,
  type SettingValues,
} from './settings';
import type { ExtraSeed, WorkspaceState } from './state';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ControlError(400, `${what}: expected a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function settingsView(state: WorkspaceState) {
  const parameters = state.manifest.parameters;
  return {
    settings: publicSettings(state.settings, parameters),
    secure: Object.fromEntries(
      parameters
        .filter((p) => p.secure)
        .map((p) => [
          p.name,
          { set: typeof state.settings[p.name] === 'string' && state.settings[p.name] !== '' },
        ]),
    ),
  };
}

const FAULT_KEYS = new Set([
  'method',
  'path',
  'pathPattern',
  'status',
  'retryAfter',
  'networkError',
  'delayMs',
  'body',
  'times',
]);

function parseFault(input: unknown): KlaviyoFault {
  const f = object(input, 'fault');
  const unknown = Object.keys(f).filter((k) => !FAULT_KEYS.has(k));
  if (unknown.length > 0) throw new ControlError(400, `fault: unknown keys ${unknown.join(', ')}.`);
  if (typeof f.method !== 'string' || f.method.trim() === '') {
    throw new ControlError(400, 'fault.method is required (GET, POST, ...).');
  }
  let path: string | RegExp;
  if (typeof f.pathPattern === 'string') {
    try {
      path = new RegExp(f.pathPattern);
    } catch {
      throw new ControlError(400, `fault.pathPattern is not a valid regular expression.`);
    }
  } else if (typeof f.path === 'string' && f.path.startsWith('/')) {
    path = f.path;
  } else {
    throw new ControlError(400, 'fault.path ("/api/profiles") or fault.pathPattern is required.');
  }
  const times = f.times === undefined ? 1 : Number(f.times);
  if (!Number.isInteger(times) || times < 1) {
    throw new ControlError(400, 'fault.times must be a whole number ≥ 1.');
  }
  if (f.status === undefined && f.networkError !== true && f.delayMs === undefined) {
    throw new ControlError(400, 'fault needs status, networkError or delayMs.');
  }
  return {
    method: f.method.toUpperCase(),
    path,
    times,
    ...(f.status !== undefined ? { status: Number(f.status) } : {}),
    ...(f.retryAfter !== undefined ? { retryAfter: f.retryAfter as number | string } : {}),
    ...(f.networkError === true ? { networkError: true } : {}),
    ...(f.delayMs !== undefined ? { delayMs: Number(f.delayMs) } : {}),
    ...(f.body !== undefined ? { body: f.body } : {}),
  };
}

function faultView(f: KlaviyoFault) {
  return { ...f, path: f.path instanceof RegExp ? f.path.source : f.path };
}

function idFrom(segment: string | undefined): number {
  const id = Number(segment);
  if (!Number.isInteger(id) || id <= 0) throw new ControlError(400, `Not an id: ${segment}`);
  return id;
}

/** Answers one control request. `path` is the part after `/__workspace`. */
export async function handleControl(
  state: WorkspaceState,
  method: string,
  path: string,
  readBody: () => Promise<unknown>,
): Promise<ControlAnswer> {
  try {
    // Reads see the webhooks that earlier ticket changes fired, as if Zendesk had delivered them.
    if (method.toUpperCase() === 'GET') await state.settled();
    const answer = await route(
      state,
      method.toUpperCase(),
      path.replace(/\/+$/, '') || '/',
      readBody,
    );
    return { status: answer.status, body: redact(answer.body, state.secrets()) };
  } catch (error) {
    if (error instanceof ControlError)
      return { status: error.status, body: { error: error.message } };
    if (error instanceof SettingsError) return { status: 400, body: { error: error.message } };
    if (error instanceof ZendeskApiError) return { status: error.status, body: error.body };
    throw error;
  }
}

async function route(
  state: WorkspaceState,
  method: string,
  path: string,
  readBody: () => Promise<unknown>,
): Promise<ControlAnswer> {
  const ok = (body: unknown, status = 200): ControlAnswer => ({ status, body });
  const parts = path.split('/').filter(Boolean);

  if (path === '/' && method === 'GET') {
    return ok({
      endpoints: [
        'GET  /__workspace/state',
        'POST /__workspace/reset',
        'GET|POST /__workspace/settings',
        'POST /__workspace/host {saveHookTimeoutMs}',
        'GET|POST|DELETE /__workspace/klaviyo/faults',
        'POST /__workspace/klaviyo/latency {ms}',
        'GET|DELETE /__workspace/klaviyo/requests',
        'GET /__workspace/klaviyo/events',
        ...KLAVIYO_CONTROL_ENDPOINTS,
        'GET|DELETE /__workspace/proxy/requests',
        'GET /__workspace/zendesk/tickets/:id',
        'GET /__workspace/zendesk/users/:id',
        'GET /__workspace/zendesk/requests',
        'GET /__workspace/zendesk/admin',
        'POST /__workspace/zendesk/admin/invocations {statusCode, webhookId?, at?}',
        'POST /__workspace/zendesk/session {session, role}',
        'POST /__workspace/zendesk/tickets {subject, body, requesterId, tags, brandId}',
      ],
    });
  }
  if (path === '/state' && method === 'GET') {
    return ok({
      ...settingsView(state),
      klaviyo: {
        upstream: state.options.klaviyoUpstream ?? 'built-in stand-in',
        latencyMs: state.klaviyoLatencyMs,
        requests: state.klaviyo.requests.length,
        faults: state.klaviyo.faults.filter((f) => f.times > 0).map(faultView),
      },
      zendesk: {
        session: state.zendesk.session,
        currentUserId: state.zendesk.currentUserId,
        tickets: [...state.zendesk.tickets.keys()],
      },
      host: { saveHookTimeoutMs: state.saveHookTimeoutMs },
      proxyRequests: state.proxyLog.length,
    });
  }
  if (path === '/reset' && method === 'POST') {
    state.reset();
    return ok({ reset: true });
  }
  if (path === '/seed' && method === 'POST') {
    // Extra demo records (users and tickets in dev/zendesk/seed.ts's shape, Klaviyo profiles and
    // events in dev/klaviyo/store.ts's, events naming their metric): kept across resets.
    const body = object(await readBody(), 'seed');
    state.addSeed(body as ExtraSeed);
    return ok({ seeded: true, tickets: [...state.zendesk.tickets.keys()] }, 201);
  }
  if (path === '/settings') {
    if (method === 'GET') return ok(settingsView(state));
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      const changes: SettingValues = validateSettings(
        await readBody(),
        state.manifest.parameters,
        'settings',
      );
      state.settings = { ...state.settings, ...changes };
      return ok(settingsView(state));
    }
  }
  if (path === '/host' && method === 'POST') {
    const body = object(await readBody(), 'host');
    const ms = Number(body.saveHookTimeoutMs);
    if (!Number.isInteger(ms) || ms < 100) {
      throw new ControlError(400, 'saveHookTimeoutMs must be a whole number of ms ≥ 100.');
    }
    state.saveHookTimeoutMs = ms;
    return ok({ saveHookTimeoutMs: ms });
  }

  if (parts[0] === 'klaviyo') {
    const answer = await klaviyoControl(
      state.klaviyo,
      state.klaviyoEngine,
      method,
      parts[1],
      readBody,
    );
    if (answer) return answer;
    const k = state.klaviyo;
    const what = parts[1];
    if (what === 'faults') {
      if (method === 'GET')
        return ok({ faults: k.faults.filter((f) => f.times > 0).map(faultView) });
      if (method === 'DELETE') {
        k.faults.length = 0;
        return ok({ faults: [] });
      }
      if (method === 'POST') {
        const body = await readBody();
        const list = (Array.isArray(body) ? body : [body]).map(parseFault);
        k.faults.push(...list);
        return ok({ faults: k.faults.filter((f) => f.times > 0).map(faultView) }, 201);
      }
    }
    if (what === 'latency' && method === 'POST') {
      const ms = Number(object(await readBody(), 'latency').ms);
      if (!Number.isFinite(ms) || ms < 0 || ms > 60_000) {
        throw new ControlError(400, 'latency.ms must be a number of milliseconds from 0 to 60000.');
      }
      state.setKlaviyoLatency(ms);
      return ok({ latencyMs: ms });
    }
    if (what === 'requests') {
      if (method === 'GET') return ok({ requests: k.requests });
      if (method === 'DELETE') {
        k.requests.length = 0;
        return ok({ requests: [] });
      }
    }
    if (what === 'events' && method === 'GET') {
      return ok({ events: k.createdEvents, duplicates: k.duplicateEvents });
    }
  }

  if (parts[0] === 'proxy' && parts[1] === 'requests') {
    if (method === 'GET') return ok({ requests: state.proxyLog });
    if (method === 'DELETE') {
      state.proxyLog.length = 0;
      return ok({ requests: [] });
    }
  }

  if (parts[0] === 'zendesk') {
    const z = state.zendesk;
    if (parts[1] === 'tickets' && parts[2] && method === 'GET') {
      const id = idFrom(parts[2]);
      return ok({ ticket: z.getTicket(id), comments: z.comments.get(id) ?? [] });
    }
    if (parts[1] === 'users' && parts[2] && method === 'GET') {
      const id = idFrom(parts[2]);
      return ok({ user: z.getUser(id), identities: z.identities.get(id) ?? [] });
    }
    if (parts[1] === 'tickets' && !parts[2] && method === 'POST') {
      // An incoming ticket (as if the customer wrote in), through the API so triggers run.
      const body = object(await readBody(), 'ticket');
      const response = await state.zendeskFetch(
        new Request(`${z.baseUrl}/api/v2/tickets.json`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            ticket: {
              subject: body.subject,
              comment: { body: body.body, public: true },
              requester_id: body.requesterId,
              ...(body.tags !== undefined ? { tags: body.tags } : {}),
              ...(body.brandId !== undefined ? { brand_id: body.brandId } : {}),
              ...(body.status !== undefined ? { status: body.status } : {}),
            },
          }),
        }),
      );
      return ok(await response.json(), response.status);
    }
    if (parts[1] === 'requests' && method === 'GET') {
      return ok({ requests: z.requests, admin: state.zendeskAdmin.requests });
    }
    if (parts[1] === 'admin' && parts[2] === 'invocations' && method === 'POST') {
      // What Zendesk records when a webhook fires: for the setup page's health table.
      const body = object(await readBody(), 'invocation');
      const hooks = [...state.zendeskAdmin.webhooks.keys()];
      const webhookId = typeof body.webhookId === 'string' ? body.webhookId : hooks[0];
      if (!webhookId || !state.zendeskAdmin.webhooks.has(webhookId)) {
        throw new ControlError(
          400,
          hooks.length === 0
            ? 'No webhook yet: save the setup page (or create one) first.'
            : `No webhook ${String(body.webhookId)}; known: ${hooks.join(', ')}.`,
        );
      }
      const statusCode = Number(body.statusCode);
      if (!Number.isInteger(statusCode) || statusCode < 0 || statusCode > 599) {
        throw new ControlError(400, 'invocation.statusCode must be an HTTP status (0 for none).');
      }
      const invocation = state.zendeskAdmin.addInvocation(webhookId, {
        statusCode,
        ...(typeof body.at === 'string' ? { at: body.at } : {}),
      });
      return ok({ invocation }, 201);
    }
    if (parts[1] === 'admin' && method === 'GET') {
      const a = state.zendeskAdmin;
      return ok({
        webhooks: [...a.webhooks.values()],
        triggers: [...a.triggers.values()],
        automations: [...a.automations.values()],
        views: [...a.views.values()],
        userFields: [...a.userFields.values()],
        invocations: Object.fromEntries(a.invocations),
      });
    }
    if (parts[1] === 'session' && method === 'POST') {
      const body = object(await readBody(), 'session');
      if (body.session !== undefined) {
        if (body.session !== 'agent' && body.session !== 'anonymous') {
          throw new ControlError(400, 'session must be "agent" or "anonymous".');
        }
        z.session = body.session;
      }
      if (body.role !== undefined) {
        if (body.role !== 'admin' && body.role !== 'agent') {
          throw new ControlError(400, 'role must be "admin" or "agent".');
        }
        z.currentUser().role = body.role;
      }
      return ok({ session: z.session, role: z.currentUser().role });
    }
  }

  throw new ControlError(
    404,
    `No control endpoint ${method} /__workspace${path}. GET /__workspace/ lists them.`,
  );
}
