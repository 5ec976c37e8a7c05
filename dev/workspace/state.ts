/**
 * Everything the workspace holds in memory: the in-memory Zendesk (tickets and users, plus the
 * metrics engineer's admin objects), the Klaviyo stand-in, the settings (secure key included, never
 * sent to the page), the proxy log, and the handler sets built over them. `reset()` starts again
 * from the demo data.
 */
import { getResponse, type RequestHandler } from 'msw';
import {
  createKlaviyoStore,
  demoKlaviyoSeed,
  defaultFlowEngineDeps,
  klaviyoHandlers,
  type FlowEngineDeps,
  type KlaviyoStore,
} from '../klaviyo';
import type { SeedEvent, SeedProfile } from '../klaviyo/store';
import {
  VIA_HEADER,
  createZendeskState,
  demoZendeskSeed,
  fireTicketTriggers,
  zendeskHandlers,
  type OutgoingRequest,
  type TicketUpdate,
  type ZendeskState,
} from '../zendesk';
import type { SeedTicket, SeedUser } from '../zendesk/seed';
import type { DeliveryAnswer } from '../zendesk/triggers/run';
import type { WorkspaceOptions } from './config';
import { installationsAnswer } from './installations';
import { KLAVIYO_HOST, UPSTREAM_TIMEOUT_MS, ZENDESK_BASE_URL, type ProxyLogEntry } from './proxy';
import {
  KLAVIYO_KEY_SETTING,
  authenticationSecrets,
  type Manifest,
  type SettingValues,
} from './settings';

/**
 * Records added to the demo data (e.g. the attack suite's hostile customer): kept across resets.
 * Events name their metric; the Klaviyo stand-in gives it its id.
 */
export interface ExtraSeed {
  zendesk?: { users?: SeedUser[]; tickets?: SeedTicket[] };
  klaviyo?: {
    profiles?: SeedProfile[];
    events?: Array<Omit<SeedEvent, 'metricId'> & { metricName: string }>;
  };
}

export interface WorkspaceState {
  readonly manifest: Manifest;
  readonly options: WorkspaceOptions;
  settings: SettingValues;
  zendesk: ZendeskState;
  klaviyo: KlaviyoStore;
  /** How Klaviyo's flows reach out (`send-webhook`): Zendesk's host goes to the in-memory Zendesk. */
  readonly klaviyoEngine: FlowEngineDeps;
  klaviyoLatencyMs: number;
  saveHookTimeoutMs: number;
  readonly proxyLog: ProxyLogEntry[];
  /**
   * Answers a request addressed to https://demo.zendesk.com/api/... from the in-memory Zendesk.
   * `via` names the channel of a session call (`web` for the agent UI's own calls; default `api`).
   */
  zendeskFetch(request: Request, via?: string): Promise<Response>;
  /** Answers a request addressed to https://a.klaviyo.com/api/... from the built-in stand-in. */
  klaviyoFetch(request: Request): Promise<Response | undefined>;
  /** Values that must never leave the server (the secure settings, webhook keys delivered). */
  secrets(): string[];
  /** Resolves when the webhooks that ticket changes fired so far have been delivered. */
  settled(): Promise<void>;
  reset(): void;
  /** Adds records to the demo data, from now on and after every reset; then resets. */
  addSeed(seed: ExtraSeed): void;
  setKlaviyoLatency(ms: number): void;
}

/** The request as the stand-in gets it: the channel header only when the workspace sets it. */
function withVia(request: Request, via: string | undefined): Request {
  const headers = new Headers(request.headers);
  headers.delete(VIA_HEADER);
  if (via) headers.set(VIA_HEADER, via);
  return new Request(request, { headers });
}

/** A delivery's status and `Retry-After`, which Zendesk's webhook retries read. */
function answerOf(response: Response): DeliveryAnswer {
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

export function createWorkspaceState(
  manifest: Manifest,
  options: WorkspaceOptions,
): WorkspaceState {
  let zendeskSet: RequestHandler[] = [];
  let klaviyoSet: RequestHandler[] = [];
  // The built-in stand-in accepts the key the workspace started with; changing the key at runtime
  // (control API) therefore makes Klaviyo answer 401, as a wrong key would.
  const standInKey = String(options.settings[KLAVIYO_KEY_SETTING] ?? '');
  const pending = new Set<Promise<unknown>>();

  /**
   * Webhook keys that went out with a delivery: the Klaviyo stand-in records the request headers,
   * so the control API redacts these too, also after the webhook is replaced or removed.
   */
  const deliveredSecrets = new Set<string>();

  /** Zendesk's own webhook call (server side): Klaviyo URLs go where the proxy sends them. */
  async function deliver(request: OutgoingRequest): Promise<DeliveryAnswer> {
    for (const id of state.zendesk.webhooks.keys()) {
      for (const secret of authenticationSecrets(state.zendesk.authenticationOf(id)?.data)) {
        deliveredSecrets.add(secret);
      }
    }
    const url = new URL(request.url);
    const init = { method: request.method, headers: request.headers, body: request.body };
    try {
      if (url.hostname === KLAVIYO_HOST && !options.klaviyoUpstream) {
        const response = await state.klaviyoFetch(new Request(url, init));
        return response && response.type !== 'error' ? answerOf(response) : { status: 0 };
      }
      const destination =
        url.hostname === KLAVIYO_HOST && options.klaviyoUpstream
          ? new URL(url.pathname + url.search, options.klaviyoUpstream)
          : url;
      const response = await fetch(destination, {
        ...init,
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
      return answerOf(response);
    } catch {
      return { status: 0 };
    }
  }

  /** Zendesk runs its triggers after every ticket create and update made through the API. */
  function onTicketChange(change: TicketUpdate) {
    const run = fireTicketTriggers(state.zendesk, change, deliver).catch((error: unknown) =>
      console.error('workspace: trigger run failed', error),
    );
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  const extra: ExtraSeed[] = [];
  function seededZendesk(): ZendeskState {
    const demo = demoZendeskSeed();
    const zendesk = createZendeskState(
      {
        ...demo,
        users: [...demo.users, ...extra.flatMap((e) => e.zendesk?.users ?? [])],
        tickets: [...demo.tickets, ...extra.flatMap((e) => e.zendesk?.tickets ?? [])],
      },
      { baseUrl: ZENDESK_BASE_URL },
    );
    zendesk.onTicketChange = onTicketChange;
    return zendesk;
  }
  function seededKlaviyo(): KlaviyoStore {
    const store = createKlaviyoStore(demoKlaviyoSeed());
    for (const e of extra) {
      for (const profile of e.klaviyo?.profiles ?? []) store.addProfile(profile);
      store.addEvents(
        (e.klaviyo?.events ?? []).map(({ metricName, ...event }) => ({
          ...event,
          metricId: store.metricNamed(metricName).id,
        })),
      );
    }
    return store;
  }

  const state: WorkspaceState = {
    manifest,
    options,
    settings: { ...options.settings },
    zendesk: seededZendesk(),
    klaviyo: seededKlaviyo(),
    klaviyoEngine: {
      ...defaultFlowEngineDeps,
      fetch: (request) =>
        new URL(request.url).origin === ZENDESK_BASE_URL
          ? state.zendeskFetch(request)
          : fetch(request),
    },
    klaviyoLatencyMs: options.klaviyoLatencyMs,
    saveHookTimeoutMs: options.saveHookTimeoutMs,
    proxyLog: [],
    async zendeskFetch(request, via) {
      const installations = await installationsAnswer(state, request);
      if (installations) return installations;
      const response = await getResponse(zendeskSet, withVia(request, via));
      return (
        response ??
        Response.json({ error: 'InvalidEndpoint', description: 'Not found' }, { status: 404 })
      );
    },
    klaviyoFetch: (request) => getResponse(klaviyoSet, request),
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    secrets() {
      return [
        ...manifest.parameters
          .filter((p) => p.secure)
          .map((p) => state.settings[p.name])
          .filter((v): v is string => typeof v === 'string' && v !== ''),
        ...deliveredSecrets,
      ];
    },
    reset() {
      state.settings = { ...options.settings };
      state.zendesk = seededZendesk();
      state.klaviyo = seededKlaviyo();
      state.klaviyoLatencyMs = options.klaviyoLatencyMs;
      state.saveHookTimeoutMs = options.saveHookTimeoutMs;
      state.proxyLog.length = 0;
      deliveredSecrets.clear();
      rebuild();
    },
    addSeed(seed) {
      extra.push(seed);
      state.reset();
    },
    setKlaviyoLatency(ms) {
      state.klaviyoLatencyMs = ms;
      rebuild();
    },
  };

  function rebuild() {
    zendeskSet = zendeskHandlers(state.zendesk, { baseUrl: ZENDESK_BASE_URL });
    klaviyoSet = klaviyoHandlers(state.klaviyo, {
      latencyMs: state.klaviyoLatencyMs,
      apiKey: standInKey,
      flowEngine: state.klaviyoEngine,
    });
  }
  rebuild();
  return state;
}
