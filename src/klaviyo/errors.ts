/** The one error type every Klaviyo call rejects with. */

export type KlaviyoErrorKind =
  /** 400 that is about the request itself (bad filter, invalid body). */
  | 'invalid-request'
  /** 401, or 400 `not_authenticated`: the key is missing, wrong or revoked. Admin must fix. */
  | 'bad-key'
  /** 403: the key lacks a scope (`scope` names it). */
  | 'missing-scope'
  /** 403 on the Conversations API: the account has no Conversations access. */
  | 'conversations-unavailable'
  | 'not-found'
  /** 409 duplicate, e.g. an idempotent create already done. */
  | 'conflict'
  /** 429: `retryAfterSeconds` says when to try again. */
  | 'rate-limited'
  /** 5xx */
  | 'server'
  /** No HTTP answer (offline, timeout, proxy refused). */
  | 'network'
  /** A 2xx whose body is not what the spec promises. */
  | 'malformed';

export interface KlaviyoErrorDetail {
  code: string | null;
  title: string | null;
  detail: string | null;
}

export class KlaviyoError extends Error {
  override readonly name = 'KlaviyoError';
  constructor(
    readonly kind: KlaviyoErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly errors: KlaviyoErrorDetail[] = [],
    readonly retryAfterSeconds: number | null = null,
    /** The scope Klaviyo's spec requires for the failed operation (for `missing-scope`). */
    readonly scope: string | null = null,
  ) {
    super(message);
  }
}

export function isKlaviyoError(error: unknown): error is KlaviyoError {
  return error instanceof KlaviyoError;
}
