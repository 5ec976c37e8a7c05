import { KlaviyoError, type KlaviyoErrorKind } from '../../../src/klaviyo/errors';
import type { DeliveredText, FlowEventInput, ReplyDeps } from '../../../src/reply/types';
import { TransportError } from '../../../src/transport';

type Step = 'ok' | Error | (() => void);

/**
 * A scripted stand-in for the reply dependencies: each call takes the next scripted outcome
 * (`ok` when the script is empty) and records what it was asked, so tests can count what reached
 * "Klaviyo".
 */
export function fakeDeps(options: { conversationId?: string | null; now?: string } = {}) {
  const scripts: Record<string, Step[]> = {
    lookup: [],
    message: [],
    event: [],
    delivered: [],
    note: [],
  };
  const sentMessages: Array<{ conversationId: string; text: string; key: string }> = [];
  const events: FlowEventInput[] = [];
  const recordedEvents = new Map<string, FlowEventInput>();
  const delivered: DeliveredText[] = [];
  const notes: Array<{ ticketId: number; body: string }> = [];
  let lookups = 0;
  let deliveryChecks = 0;
  let clock = new Date(options.now ?? '2026-11-21T10:00:00.000Z').getTime();

  const next = (name: string) => {
    const step = scripts[name]!.shift() ?? 'ok';
    if (step instanceof Error) throw step;
    if (typeof step === 'function') step();
  };

  const deps: ReplyDeps = {
    async findSmsConversation() {
      lookups += 1;
      next('lookup');
      return options.conversationId === undefined ? 'CONV1' : options.conversationId;
    },
    async sendConversationMessage(conversationId, text, key) {
      next('message');
      sentMessages.push({ conversationId, text, key });
      delivered.unshift({ text, datetime: new Date(clock).toISOString() });
    },
    async createReplyEvent(input) {
      next('event');
      events.push(input);
      // Klaviyo keeps only the first event per unique_id.
      if (!recordedEvents.has(input.uniqueId)) recordedEvents.set(input.uniqueId, input);
    },
    async recentDeliveredTexts() {
      deliveryChecks += 1;
      next('delivered');
      return [...delivered];
    },
    async addInternalNote(ticketId, body) {
      next('note');
      notes.push({ ticketId, body });
    },
    now: () => new Date(clock),
  };

  return {
    deps,
    script: (name: 'lookup' | 'message' | 'event' | 'delivered' | 'note', ...steps: Step[]) =>
      scripts[name]!.push(...steps),
    sentMessages,
    events,
    recordedEvents,
    delivered,
    notes,
    lookups: () => lookups,
    deliveryChecks: () => deliveryChecks,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

export function klaviyoError(
  kind: KlaviyoErrorKind,
  extra: { status?: number; retryAfter?: number; scope?: string; detail?: string } = {},
) {
  return new KlaviyoError(
    kind,
    `Klaviyo ${kind}`,
    extra.status ?? null,
    extra.detail ? [{ code: null, title: null, detail: extra.detail }] : [],
    extra.retryAfter ?? null,
    extra.scope ?? null,
  );
}

export const networkDrop = () => new TransportError('Network unavailable', 'network');
