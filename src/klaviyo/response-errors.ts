/** Turns a non-2xx Klaviyo answer (or no answer) into the one `KlaviyoError`. */
import type { HttpResponse } from '../transport';
import { KlaviyoError, type KlaviyoErrorDetail } from './errors';
import { CONVERSATION_OPERATIONS, scopeFor, type OperationId } from './operations';

const BAD_KEY_CODES = new Set(['not_authenticated', 'authentication_failed']);

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Klaviyo's `{ errors: [{ code, title, detail }] }`, tolerating any other body. */
export function readErrorDetails(body: string): KlaviyoErrorDetail[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const errors = (parsed as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
    .map((e) => ({ code: str(e.code), title: str(e.title), detail: str(e.detail) }));
}

export function errorFromResponse(
  response: HttpResponse,
  operationId: OperationId,
  retryAfterSeconds: number | null,
): KlaviyoError {
  const { status } = response;
  const errors = readErrorDetails(response.body);
  const first = errors[0];
  const summary = first?.detail ?? first?.title ?? `Klaviyo answered ${status}`;
  const make = (kind: KlaviyoError['kind'], scope: string | null = null) =>
    new KlaviyoError(kind, summary, status, errors, retryAfterSeconds, scope);

  if (status === 401) return make('bad-key');
  if (status === 400) {
    return errors.some((e) => e.code !== null && BAD_KEY_CODES.has(e.code))
      ? make('bad-key')
      : make('invalid-request');
  }
  if (status === 403) {
    return CONVERSATION_OPERATIONS.includes(operationId)
      ? make('conversations-unavailable', scopeFor(operationId))
      : make('missing-scope', scopeFor(operationId));
  }
  if (status === 404) return make('not-found');
  if (status === 409) return make('conflict');
  if (status === 429) return make('rate-limited');
  if (status >= 500) return make('server');
  return make('invalid-request');
}

export function networkError(message: string): KlaviyoError {
  return new KlaviyoError('network', message);
}

export function malformed(what: string): KlaviyoError {
  return new KlaviyoError('malformed', `Klaviyo sent an unexpected ${what}`);
}
