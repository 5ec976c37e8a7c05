/**
 * The Klaviyo stand-in's part of the workspace control API (`/__workspace/klaviyo/...`): a
 * simulated customer text, the SMS the stand-in received, sent or skipped, the flows' runs, and
 * how template values are escaped in webhook bodies. The workspace mounts it with one call.
 */
import type { FlowEngineDeps } from './flows/engine';
import { InboundSmsError, readInboundSms, receiveInboundSms } from './sms/inbound';
import { TEMPLATE_ESCAPING_MODES, type KlaviyoStore, type TemplateEscaping } from './store';

export interface KlaviyoControlAnswer {
  status: number;
  body: unknown;
}

/** Lines for `GET /__workspace/` and dev/README.md. */
export const KLAVIYO_CONTROL_ENDPOINTS = [
  'POST /__workspace/klaviyo/inbound-sms {from, text, to?}',
  'GET  /__workspace/klaviyo/messages',
  'GET  /__workspace/klaviyo/flows',
  'GET  /__workspace/klaviyo/flow-runs',
  'GET|POST /__workspace/klaviyo/template-escaping {mode: "json"|"html"|"raw"}',
] as const;

const fail = (status: number, error: string): KlaviyoControlAnswer => ({ status, body: { error } });

/**
 * Answers `method /__workspace/klaviyo/<what>`, or null when `what` is not one of these (the
 * workspace's other Klaviyo endpoints, or its 404).
 */
export async function klaviyoControl(
  store: KlaviyoStore,
  engine: FlowEngineDeps,
  method: string,
  what: string | undefined,
  readBody: () => Promise<unknown>,
): Promise<KlaviyoControlAnswer | null> {
  if (what === 'inbound-sms' && method === 'POST') {
    let sms;
    try {
      sms = readInboundSms(await readBody());
    } catch (error) {
      if (error instanceof InboundSmsError) return fail(400, error.message);
      throw error;
    }
    const { eventId } = await receiveInboundSms(store, sms, engine);
    return { status: 202, body: { event_id: eventId } };
  }
  if (what === 'messages' && method === 'GET')
    return { status: 200, body: { messages: store.smsMessages } };
  if (what === 'flows' && method === 'GET')
    return { status: 200, body: { flows: [...store.flows.values()] } };
  if (what === 'flow-runs' && method === 'GET')
    return { status: 200, body: { runs: store.flowRuns } };
  if (what === 'template-escaping') {
    if (method === 'GET') return { status: 200, body: { mode: store.templateEscaping } };
    if (method === 'POST') {
      const body = (await readBody()) as { mode?: unknown } | null;
      const mode = body?.mode;
      if (!TEMPLATE_ESCAPING_MODES.includes(mode as TemplateEscaping))
        return fail(
          400,
          `template-escaping.mode must be one of ${TEMPLATE_ESCAPING_MODES.join(', ')}.`,
        );
      store.templateEscaping = mode as TemplateEscaping;
      return { status: 200, body: { mode } };
    }
  }
  return null;
}
