/** Klaviyo's JSON:API error bodies and the stand-in's error type (thrown by routes, answered once). */
import { HttpResponse } from 'msw';

export const JSON_API = 'application/vnd.api+json';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    /** A query parameter (`source.parameter`) or a JSON pointer into the body (`source.pointer`). */
    readonly source: { parameter: string } | { pointer: string } = { pointer: '/data/' },
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** Klaviyo's 400 for a bad query parameter (`parameter`) or body (`pointer`, default `/data/`). */
export function invalid(detail: string, parameter?: string): ApiError {
  return new ApiError(
    400,
    'invalid',
    'Invalid input.',
    detail,
    parameter ? { parameter } : { pointer: '/data/' },
  );
}

export function invalidAt(pointer: string, detail: string): ApiError {
  return new ApiError(400, 'invalid', 'Invalid input.', detail, { pointer });
}

export function notFound(detail = 'Not found.'): ApiError {
  return new ApiError(404, 'not_found', 'Not found.', detail);
}

export function throttled(detail: string, retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    'throttled',
    'Request was throttled.',
    detail,
    { pointer: '/data/' },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export function errorBody(...errors: ApiError[]) {
  return {
    errors: errors.map((e) => ({
      id: crypto.randomUUID(),
      status: e.status,
      code: e.code,
      title: e.title,
      detail: e.detail,
      source: e.source,
    })),
  };
}

/** Several problems in one body (ajv's findings): one error object each, one status. */
export class ApiErrors extends Error {
  constructor(readonly errors: ApiError[]) {
    super(errors.map((e) => e.detail).join('; '));
  }
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new HttpResponse(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_API, ...headers },
  });
}
