/**
 * Zendesk's error answers, in the JSON shapes its REST API uses, so the app meets the same bodies
 * locally as in a real account.
 */
import { HttpResponse, type DefaultBodyType } from 'msw';

export class ZendeskApiError extends Error {
  override readonly name = 'ZendeskApiError';
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.description === 'string' ? body.description : String(body.error));
  }
}

export const notFound = () =>
  new ZendeskApiError(404, { error: 'RecordNotFound', description: 'Not found' });

export const unauthenticated = () =>
  new ZendeskApiError(401, { error: "Couldn't authenticate you" });

export const forbidden = () =>
  new ZendeskApiError(403, {
    error: 'Forbidden',
    description:
      'You do not have access to this page. Please contact the account owner of this help desk for further help.',
  });

/** 422 `RecordInvalid` with one message per field, as Zendesk reports validation errors. */
export function recordInvalid(details: Record<string, string>): ZendeskApiError {
  return new ZendeskApiError(422, {
    error: 'RecordInvalid',
    description: 'Record validation errors',
    details: Object.fromEntries(
      Object.entries(details).map(([field, description]) => [
        field,
        [{ description, error: 'InvalidValue' }],
      ]),
    ),
  });
}

export const invalidJson = () =>
  new ZendeskApiError(400, {
    error: 'InvalidEndpoint',
    description: 'The request body is not valid JSON.',
  });

/** The error as the HTTP answer Zendesk gives, for handlers that return rather than throw. */
export function errorResponse(error: ZendeskApiError): Response {
  return HttpResponse.json(error.body, { status: error.status });
}

/** 429 as Zendesk's rate limiter answers it, with the seconds to wait in `Retry-After`. */
export class RateLimited extends ZendeskApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, { error: 'TooManyRequests', description: 'Rate limit exceeded' });
  }
}

export const invalidEndpoint = () =>
  new ZendeskApiError(404, { error: 'InvalidEndpoint', description: 'Not found' });

/** The Webhooks API reports problems as a list of `{code, title, detail}`. */
export function webhookErrors(errors: Array<{ code: string; detail: string }>): ZendeskApiError {
  return new ZendeskApiError(400, {
    errors: errors.map((e) => ({ code: e.code, title: 'Invalid attribute', detail: e.detail })),
  });
}

/** The error as the HTTP answer Zendesk gives, headers included. */
export function errorAnswer(error: ZendeskApiError): HttpResponse<DefaultBodyType> {
  const headers =
    error instanceof RateLimited ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
  return HttpResponse.json(error.body, { status: error.status, headers });
}
