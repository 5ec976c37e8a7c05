/** Control endpoints for the workspace itself: state, reset, seed, settings, host, proxy log. */
import { validateSettings, publicSettings, type SettingValues } from '../settings';
import type { ExtraSeed, WorkspaceState } from '../state';
import { faultView } from './klaviyo';
import { ControlError, object, ok, type ControlRoute } from './route';

export function settingsView(state: WorkspaceState) {
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

const changeSettings: ControlRoute['handle'] = async ({ state, body }) => {
  const changes: SettingValues = validateSettings(
    await body(),
    state.manifest.parameters,
    'settings',
  );
  state.settings = { ...state.settings, ...changes };
  return ok(settingsView(state));
};

export const workspaceRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/state',
    handle: ({ state }) =>
      ok({
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
      }),
  },
  {
    method: 'POST',
    path: '/reset',
    handle: ({ state }) => {
      state.reset();
      return ok({ reset: true });
    },
  },
  {
    method: 'POST',
    path: '/seed',
    takes: '{zendesk: {users, tickets}, klaviyo: {profiles, events}}',
    handle: async ({ state, body }) => {
      // Extra demo records (users and tickets in dev/zendesk/seed.ts's shape, Klaviyo profiles and
      // events in dev/klaviyo/store.ts's, events naming their metric): kept across resets.
      state.addSeed(object(await body(), 'seed') as ExtraSeed);
      return ok({ seeded: true, tickets: [...state.zendesk.tickets.keys()] }, 201);
    },
  },
  { method: 'GET', path: '/settings', handle: ({ state }) => ok(settingsView(state)) },
  { method: 'POST', path: '/settings', takes: '{name: value}', handle: changeSettings },
  { method: 'PUT', path: '/settings', takes: '{name: value}', handle: changeSettings },
  { method: 'PATCH', path: '/settings', takes: '{name: value}', handle: changeSettings },
  {
    method: 'POST',
    path: '/host',
    takes: '{saveHookTimeoutMs}',
    handle: async ({ state, body }) => {
      const ms = Number(object(await body(), 'host').saveHookTimeoutMs);
      if (!Number.isInteger(ms) || ms < 100) {
        throw new ControlError(400, 'saveHookTimeoutMs must be a whole number of ms ≥ 100.');
      }
      state.saveHookTimeoutMs = ms;
      return ok({ saveHookTimeoutMs: ms });
    },
  },
  {
    method: 'GET',
    path: '/proxy/requests',
    handle: ({ state }) => ok({ requests: state.proxyLog }),
  },
  {
    method: 'DELETE',
    path: '/proxy/requests',
    handle: ({ state }) => {
      state.proxyLog.length = 0;
      return ok({ requests: [] });
    },
  },
];
