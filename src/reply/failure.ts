import { isKlaviyoError } from '../klaviyo';
import { TransportError } from '../transport';
import type { ReplyFailure } from './types';

/** Used when Klaviyo says 429 without a Retry-After header. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * Which step failed: a lookup (nothing was sent yet), the conversation-message POST (no
 * idempotency key: an unanswered POST may have gone out), or the flow-mode event (its `unique_id`
 * makes any retry harmless).
 */
export type ReplyStep = 'lookup' | 'conversation-message' | 'flow-event';

function firstDetail(error: { errors: Array<{ detail: string | null; title: string | null }> }) {
  const hit = error.errors.find((e) => e.detail || e.title);
  return hit ? (hit.detail ?? hit.title) : null;
}

/** Maps whatever a step rejected with to what the agent must be told. */
export function classifyFailure(error: unknown, step: ReplyStep, now: Date): ReplyFailure {
  const postUnanswered =
    step === 'conversation-message' ? ({ kind: 'uncertain', checkedAt: null } as const) : null;
  if (error instanceof TransportError) return postUnanswered ?? { kind: 'network' };
  if (!isKlaviyoError(error)) return postUnanswered ?? { kind: 'network' };
  switch (error.kind) {
    case 'conversations-unavailable':
      return { kind: 'conversations-unavailable' };
    case 'rate-limited': {
      const seconds = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      return {
        kind: 'rate-limited',
        retryAt: new Date(now.getTime() + Math.max(1, seconds) * 1000).toISOString(),
      };
    }
    case 'bad-key':
      return { kind: 'bad-key' };
    case 'missing-scope':
      return { kind: 'missing-scope', scope: error.scope };
    case 'network':
      return postUnanswered ?? { kind: 'network' };
    case 'server':
      // 503 means "not processed"; any other 5xx on the message POST may hide a send.
      return postUnanswered && error.status !== 503 ? postUnanswered : { kind: 'server' };
    case 'malformed':
      // A 2xx with an unexpected body: on a send, Klaviyo did accept it. The caller handles that.
      return { kind: 'server' };
    case 'invalid-request':
    case 'not-found':
    case 'conflict':
    default:
      return { kind: 'refused', detail: firstDetail(error) };
  }
}

/** Failures after which the same key may simply be sent again. */
export function isSafeToResend(failure: ReplyFailure): boolean {
  return failure.kind === 'network' || failure.kind === 'server' || failure.kind === 'rate-limited';
}
