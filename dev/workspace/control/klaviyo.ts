/** Control endpoints for the Klaviyo stand-in: faults, latency, and what reached it. */
import { KLAVIYO_CONTROL_ROUTES, simulateNativeZendesk, type KlaviyoFault } from '../../klaviyo';
import { ControlError, object, ok, type ControlRoute } from './route';

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

function pathOf(f: Record<string, unknown>): string | RegExp {
  if (typeof f.pathPattern === 'string') {
    try {
      return new RegExp(f.pathPattern);
    } catch {
      throw new ControlError(400, `fault.pathPattern is not a valid regular expression.`);
    }
  }
  if (typeof f.path === 'string' && f.path.startsWith('/')) return f.path;
  throw new ControlError(400, 'fault.path ("/api/profiles") or fault.pathPattern is required.');
}

function parseFault(input: unknown): KlaviyoFault {
  const f = object(input, 'fault');
  const unknown = Object.keys(f).filter((k) => !FAULT_KEYS.has(k));
  if (unknown.length > 0) throw new ControlError(400, `fault: unknown keys ${unknown.join(', ')}.`);
  if (typeof f.method !== 'string' || f.method.trim() === '') {
    throw new ControlError(400, 'fault.method is required (GET, POST, ...).');
  }
  const path = pathOf(f);
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

export function faultView(f: KlaviyoFault) {
  return { ...f, path: f.path instanceof RegExp ? f.path.source : f.path };
}

export const klaviyoRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/klaviyo/faults',
    handle: ({ state }) =>
      ok({ faults: state.klaviyo.faults.filter((f) => f.times > 0).map(faultView) }),
  },
  {
    method: 'POST',
    path: '/klaviyo/faults',
    takes:
      '{method, path | pathPattern, status?, retryAfter?, networkError?, delayMs?, body?, times?}',
    handle: async ({ state, body }) => {
      const input = await body();
      const list = (Array.isArray(input) ? input : [input]).map(parseFault);
      state.klaviyo.faults.push(...list);
      return ok({ faults: state.klaviyo.faults.filter((f) => f.times > 0).map(faultView) }, 201);
    },
  },
  {
    method: 'DELETE',
    path: '/klaviyo/faults',
    handle: ({ state }) => {
      state.klaviyo.faults.length = 0;
      return ok({ faults: [] });
    },
  },
  {
    method: 'POST',
    path: '/klaviyo/latency',
    takes: '{ms}',
    handle: async ({ state, body }) => {
      const ms = Number(object(await body(), 'latency').ms);
      if (!Number.isFinite(ms) || ms < 0 || ms > 60_000) {
        throw new ControlError(400, 'latency.ms must be a number of milliseconds from 0 to 60000.');
      }
      state.setKlaviyoLatency(ms);
      return ok({ latencyMs: ms });
    },
  },
  {
    method: 'GET',
    path: '/klaviyo/requests',
    handle: ({ state }) => ok({ requests: state.klaviyo.requests }),
  },
  {
    method: 'DELETE',
    path: '/klaviyo/requests',
    handle: ({ state }) => {
      state.klaviyo.requests.length = 0;
      return ok({ requests: [] });
    },
  },
  {
    method: 'GET',
    path: '/klaviyo/events',
    handle: ({ state }) =>
      ok({ events: state.klaviyo.createdEvents, duplicates: state.klaviyo.duplicateEvents }),
  },
  {
    method: 'POST',
    path: '/klaviyo/native-zendesk',
    takes: '{lastEventDaysAgo}',
    handle: async ({ state, body }) => {
      const days = Number(object(await body(), 'native-zendesk').lastEventDaysAgo);
      if (!Number.isFinite(days) || days < 0 || days > 3650) {
        throw new ControlError(400, 'lastEventDaysAgo must be a number of days from 0 to 3650.');
      }
      return ok(simulateNativeZendesk(state.klaviyo, days), 201);
    },
  },
  {
    method: 'DELETE',
    path: '/klaviyo/native-zendesk',
    handle: ({ state }) => ok(simulateNativeZendesk(state.klaviyo, null)),
  },
  // The stand-in's own: inbound-sms, messages, flows, flow-runs, template-escaping.
  ...KLAVIYO_CONTROL_ROUTES.map((r): ControlRoute => ({
    method: r.method,
    path: r.path,
    ...(r.takes ? { takes: r.takes } : {}),
    handle: ({ state, body }) => r.handle(state.klaviyo, state.klaviyoEngine, body),
  })),
];
