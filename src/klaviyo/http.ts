/**
 * One Klaviyo request through the `Transport`: the headers every call carries, the retry loop, and
 * errors turned into `KlaviyoError`. Resolves only with a 2xx response.
 */
import { TransportError, type HttpMethod, type HttpResponse, type Transport } from '../transport';
import { KlaviyoError } from './errors';
import { JSON_API, KLAVIYO_REVISION } from './jsonapi';
import type { OperationId } from './operations';
import { errorFromResponse, networkError } from './response-errors';
import {
  parseRetryAfter,
  retryDelay,
  type Outcome,
  type Repeatability,
  type RetryDeps,
  type RetryPolicy,
} from './retry';

export interface HttpContext {
  transport: Transport;
  authorization: string;
  policy: RetryPolicy;
  deps: RetryDeps;
}

export interface KlaviyoRequest {
  operationId: OperationId;
  method: HttpMethod;
  /** Absolute URL, query string included. */
  url: string;
  body?: unknown;
  repeatability: Repeatability;
}

export function klaviyoHeaders(authorization: string, withBody: boolean): Record<string, string> {
  return {
    Authorization: authorization,
    revision: KLAVIYO_REVISION,
    Accept: JSON_API,
    ...(withBody ? { 'Content-Type': JSON_API } : {}),
  };
}

export async function sendKlaviyo(ctx: HttpContext, req: KlaviyoRequest): Promise<HttpResponse> {
  const withBody = req.body !== undefined;
  const request = {
    method: req.method,
    url: req.url,
    headers: klaviyoHeaders(ctx.authorization, withBody),
    secure: true,
    ...(withBody ? { body: JSON.stringify(req.body) } : {}),
  };
  for (let attempt = 0; ; attempt++) {
    let response: HttpResponse | null = null;
    let outcome: Outcome;
    let failure: KlaviyoError;
    try {
      response = await ctx.transport.send(request);
    } catch (error) {
      const message =
        error instanceof TransportError ? error.message : 'The request could not be sent';
      failure = networkError(message);
      outcome = { type: 'network' };
    }
    if (response) {
      if (response.status >= 200 && response.status < 300) return response;
      const retryAfter = parseRetryAfter(response.headers['retry-after'], ctx.deps.now());
      failure = errorFromResponse(response, req.operationId, retryAfter);
      outcome = { type: 'status', status: response.status, retryAfterSeconds: retryAfter };
    }
    const delay = retryDelay(outcome!, attempt, req.repeatability, ctx.policy, ctx.deps.random);
    if (delay === null) throw failure!;
    await ctx.deps.sleep(delay);
  }
}
