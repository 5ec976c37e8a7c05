/**
 * Idempotency for SMS replies.
 *
 * A reply attempt gets one key when the agent first presses Send for a text. Every retry of that
 * text reuses the key (Klaviyo can then de-duplicate: `unique_id` of a flow-mode event, or the
 * conversation message's idempotency key), so a retry never sends twice. A double submit while a
 * send is in flight is ignored. Editing the text after a failure is a new message: `reset` with a
 * fresh key.
 *
 * The state machine is a pure reducer (usable with React's `useReducer`): an event that does not
 * apply returns the very same state object, so callers can tell "ignored" with `===`.
 */

/** A random key for one reply: `crypto.randomUUID()` where available, else a v4 UUID built from
 * `crypto.getRandomValues`, else (very old runtimes only) from `Math.random` plus the time. */
export function newIdempotencyKey(): string {
  const c: Crypto | undefined = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') {
    c.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    const t = Date.now();
    for (let i = 0; i < 6; i += 1) bytes[i] = (bytes[i]! ^ Math.floor(t / 2 ** (8 * i))) & 0xff;
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type ReplyAttempt<E = unknown> =
  /** Nothing sent yet with this key. */
  | { state: 'draft'; key: string }
  /** A request is in flight; `attempts` counts tries with this key (1 = first send). */
  | { state: 'sending'; key: string; text: string; attempts: number }
  /** Klaviyo accepted it. */
  | { state: 'sent'; key: string; text: string; attempts: number }
  /** The last try failed; `retry` sends the same text with the same key. */
  | { state: 'failed'; key: string; text: string; attempts: number; error: E };

export type ReplyAttemptEvent<E = unknown> =
  /** The agent pressed Send (or Enter). Only a draft starts sending; anything else is ignored. */
  | { type: 'submit'; text: string }
  /** The request with this key succeeded. Answers for another key or state are ignored. */
  | { type: 'succeeded'; key: string }
  /** The request with this key failed. */
  | { type: 'failed'; key: string; error: E }
  /** Send the failed text again with the same key. */
  | { type: 'retry' }
  /** Start over with a new key (after a success, or when the text was edited after a failure). */
  | { type: 'reset'; key: string };

export function createReplyAttempt<E = unknown>(
  key: string = newIdempotencyKey(),
): ReplyAttempt<E> {
  return { state: 'draft', key };
}

export function replyAttemptReducer<E = unknown>(
  attempt: ReplyAttempt<E>,
  event: ReplyAttemptEvent<E>,
): ReplyAttempt<E> {
  switch (event.type) {
    case 'submit':
      if (attempt.state !== 'draft') return attempt;
      return { state: 'sending', key: attempt.key, text: event.text, attempts: 1 };
    case 'succeeded':
      if (attempt.state !== 'sending' || event.key !== attempt.key) return attempt;
      return { state: 'sent', key: attempt.key, text: attempt.text, attempts: attempt.attempts };
    case 'failed':
      if (attempt.state !== 'sending' || event.key !== attempt.key) return attempt;
      return {
        state: 'failed',
        key: attempt.key,
        text: attempt.text,
        attempts: attempt.attempts,
        error: event.error,
      };
    case 'retry':
      if (attempt.state !== 'failed') return attempt;
      return {
        state: 'sending',
        key: attempt.key,
        text: attempt.text,
        attempts: attempt.attempts + 1,
      };
    case 'reset':
      if (attempt.state === 'sending') return attempt;
      return { state: 'draft', key: event.key };
    default:
      return attempt;
  }
}
