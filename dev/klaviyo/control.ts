/**
 * The Klaviyo stand-in's part of the workspace control API (`/__workspace/klaviyo/...`): a
 * simulated customer text, the SMS the stand-in received, sent or skipped, its flows and their
 * runs, and how template values are escaped in webhook bodies. The workspace mounts the table.
 */
import type { FlowEngineDeps } from './flows/engine';
import { InboundSmsError, readInboundSms, receiveInboundSms } from './sms/inbound';
import { TEMPLATE_ESCAPING_MODES, type KlaviyoStore, type TemplateEscaping } from './store';

export interface KlaviyoControlAnswer {
  status: number;
  body: unknown;
}

export interface KlaviyoControlRoute {
  method: 'GET' | 'POST';
  /** Under `/__workspace`. */
  path: string;
  /** What the body takes, for `GET /__workspace/`. */
  takes?: string;
  handle(
    store: KlaviyoStore,
    engine: FlowEngineDeps,
    readBody: () => Promise<unknown>,
  ): Promise<KlaviyoControlAnswer> | KlaviyoControlAnswer;
}

const ok = (body: unknown, status = 200): KlaviyoControlAnswer => ({ status, body });
const fail = (status: number, error: string): KlaviyoControlAnswer => ({ status, body: { error } });

export const KLAVIYO_CONTROL_ROUTES: readonly KlaviyoControlRoute[] = [
  {
    method: 'POST',
    path: '/klaviyo/inbound-sms',
    takes: '{from, text, to?}',
    handle: async (store, engine, readBody) => {
      let sms;
      try {
        sms = readInboundSms(await readBody());
      } catch (error) {
        if (error instanceof InboundSmsError) return fail(400, error.message);
        throw error;
      }
      const { eventId } = await receiveInboundSms(store, sms, engine);
      return ok({ event_id: eventId }, 202);
    },
  },
  {
    method: 'GET',
    path: '/klaviyo/messages',
    handle: (store) => ok({ messages: store.smsMessages }),
  },
  {
    method: 'GET',
    path: '/klaviyo/flows',
    handle: (store) => ok({ flows: [...store.flows.values()] }),
  },
  { method: 'GET', path: '/klaviyo/flow-runs', handle: (store) => ok({ runs: store.flowRuns }) },
  {
    method: 'GET',
    path: '/klaviyo/template-escaping',
    handle: (store) => ok({ mode: store.templateEscaping }),
  },
  {
    method: 'POST',
    path: '/klaviyo/template-escaping',
    takes: '{mode: "json"|"html"|"raw"}',
    handle: async (store, _engine, readBody) => {
      const mode = ((await readBody()) as { mode?: unknown } | null)?.mode;
      if (!TEMPLATE_ESCAPING_MODES.includes(mode as TemplateEscaping))
        return fail(
          400,
          `template-escaping.mode must be one of ${TEMPLATE_ESCAPING_MODES.join(', ')}.`,
        );
      store.templateEscaping = mode as TemplateEscaping;
      return ok({ mode });
    },
  },
];

/** Answers `method /__workspace<path>` when it is one of these routes; null otherwise. */
export async function klaviyoControl(
  store: KlaviyoStore,
  engine: FlowEngineDeps,
  method: string,
  path: string,
  readBody: () => Promise<unknown>,
): Promise<KlaviyoControlAnswer | null> {
  const route = KLAVIYO_CONTROL_ROUTES.find((r) => r.method === method && r.path === path);
  return route ? route.handle(store, engine, readBody) : null;
}
