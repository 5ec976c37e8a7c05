/**
 * When a Klaviyo call is tried again. Pure decisions plus a small loop with an injectable sleep and
 * random source, so tests run it without real time.
 *
 * - 429: wait for `Retry-After` (seconds or an HTTP date) when it is at most `maxRetryAfterSeconds`
 *   (5 s: a short hiccup is absorbed); a longer wait is not done silently while the agent looks at
 *   skeletons or "Sending…": the error carries `retryAfterSeconds`, the sidebar keeps cached data and
 *   retries at that time, and the composer says when to try again.
 *   A 429 means Klaviyo did not process the request, so this is safe for every method.
 * - 5xx and network failures: exponential backoff with full jitter, at most `maxRetries` times,
 *   only for requests that are safe to repeat (GETs, and POST /api/events with a unique_id).
 * - Nothing else is retried.
 */

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterSeconds: 5,
};

/** `safe`: repeating it cannot cause a second effect. `once`: it may have been received. */
export type Repeatability = 'safe' | 'once';

export type Outcome =
  { type: 'status'; status: number; retryAfterSeconds: number | null } | { type: 'network' };

export interface RetryDeps {
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
  now(): number;
}

export const realRetryDeps: RetryDeps = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
  now: () => Date.now(),
};

/** `Retry-After` as seconds (integer seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** Full-jitter exponential backoff: uniform in [0, min(max, base · 2^attempt)). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** How long to wait before attempt `attempt + 1`, or null to stop. `attempt` counts from 0. */
export function retryDelay(
  outcome: Outcome,
  attempt: number,
  repeatability: Repeatability,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (attempt >= policy.maxRetries) return null;
  if (outcome.type === 'status' && outcome.status === 429) {
    if (outcome.retryAfterSeconds === null) return backoffDelay(attempt, policy, random);
    return outcome.retryAfterSeconds <= policy.maxRetryAfterSeconds
      ? outcome.retryAfterSeconds * 1000
      : null;
  }
  if (repeatability !== 'safe') return null;
  if (outcome.type === 'network') return backoffDelay(attempt, policy, random);
  if (outcome.status >= 500) return backoffDelay(attempt, policy, random);
  return null;
}
