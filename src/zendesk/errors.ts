/** The one error type every Zendesk REST call rejects with. */

export type ZendeskErrorKind =
  /** 401/403: the agent's session may not do this (not an admin, or signed out). */
  | 'forbidden'
  | 'not-found'
  /** 400/422: Zendesk refused the request body (`details` says which field). */
  | 'invalid'
  /** 429: `retryAfterSeconds` says when to try again. */
  | 'rate-limited'
  | 'server'
  /** No HTTP answer at all. */
  | 'network'
  /** A 2xx whose body is not what Zendesk documents. */
  | 'malformed';

export class ZendeskError extends Error {
  override readonly name = 'ZendeskError';
  constructor(
    readonly kind: ZendeskErrorKind,
    message: string,
    /** HTTP status; null when there was no answer. */
    readonly status: number | null = null,
    /** Zendesk's `error` code (`RecordInvalid`, `RecordNotFound`, …) when it sent one. */
    readonly error: string | null = null,
    /** Zendesk's `description`, or the joined `details`, when it sent them. */
    readonly description: string | null = null,
    /** Per-field validation messages from a 422's `details`. */
    readonly details: string[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export function isZendeskError(error: unknown): error is ZendeskError {
  return error instanceof ZendeskError;
}

function kindFor(status: number): ZendeskErrorKind {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Reads the error shapes Zendesk uses: `{error, description, details}` and `{errors:[{code,title,detail}]}`. */
export function zendeskErrorFromResponse(
  status: number,
  body: string,
  headers: Record<string, string>,
  what: string,
): ZendeskError {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  let error: string | null = null;
  let description: string | null = null;
  const details: string[] = [];
  if (parsed && typeof parsed === 'object') {
    const p = parsed as Record<string, unknown>;
    if (typeof p.error === 'string') error = p.error;
    else if (p.error && typeof p.error === 'object') {
      const e = p.error as Record<string, unknown>;
      error = text(e.title) ?? text(e.message);
    }
    description = text(p.description);
    if (p.details && typeof p.details === 'object') {
      for (const list of Object.values(p.details as Record<string, unknown>)) {
        for (const item of Array.isArray(list) ? list : [list]) {
          const d =
            item && typeof item === 'object'
              ? text((item as Record<string, unknown>).description)
              : text(item);
          if (d) details.push(d);
        }
      }
    }
    if (Array.isArray(p.errors)) {
      for (const item of p.errors) {
        if (!item || typeof item !== 'object') continue;
        const e = item as Record<string, unknown>;
        error ??= text(e.code);
        const d = text(e.detail) ?? text(e.title);
        if (d) details.push(d);
      }
    }
  }
  const retryAfter = Number(headers['retry-after']);
  const summary = [description, ...details].filter(Boolean).join(' ');
  return new ZendeskError(
    kindFor(status),
    `${what} failed (${status})${summary ? `: ${summary}` : ''}`,
    status,
    error,
    description ?? (details.length ? details.join(' ') : null),
    details,
    Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
  );
}
