/**
 * The one HTTP context every resource module of the client shares: base URL, authorization, retry
 * policy and clock, and the small helpers to build a URL and send a request through it.
 */
import type { Transport } from '../transport';
import { sendKlaviyo, type HttpContext } from './http';
import { KLAVIYO_BASE_URL } from './jsonapi';
import type { OperationId } from './operations';
import {
  DEFAULT_RETRY_POLICY,
  realRetryDeps,
  type Repeatability,
  type RetryDeps,
  type RetryPolicy,
} from './retry';
import type { HttpMethod } from '../transport';

export interface KlaviyoHttpConfig {
  transport: Transport;
  /** The Authorization header value, e.g. `Klaviyo-API-Key {{setting.klaviyo_api_key}}`. */
  authorization: string;
  /** Default `https://a.klaviyo.com`. */
  baseUrl?: string;
  /** Region for phone numbers written without a country prefix. Default `US`. */
  defaultCountry?: string;
  retryPolicy?: Partial<RetryPolicy>;
  retryDeps?: Partial<RetryDeps>;
}

export type Query = Array<[string, string]>;

export interface KlaviyoHttp {
  readonly baseOrigin: string;
  readonly defaultCountry: string;
  now(): number;
  url(path: string, query?: Query): string;
  /** A safe GET of an absolute URL; resolves with the body of a 2xx answer. */
  get(operationId: OperationId, target: string): Promise<string>;
  /** Any request; `repeatability` says whether a failure may be retried by the client itself. */
  send(
    operationId: OperationId,
    method: HttpMethod,
    target: string,
    body: unknown,
    repeatability: Repeatability,
  ): Promise<string>;
}

export function createKlaviyoHttp(config: KlaviyoHttpConfig): KlaviyoHttp {
  const baseUrl = (config.baseUrl ?? KLAVIYO_BASE_URL).replace(/\/+$/, '');
  const ctx: HttpContext = {
    transport: config.transport,
    authorization: config.authorization,
    policy: { ...DEFAULT_RETRY_POLICY, ...config.retryPolicy },
    deps: { ...realRetryDeps, ...config.retryDeps },
  };
  const send: KlaviyoHttp['send'] = async (operationId, method, url, body, repeatability) =>
    (
      await sendKlaviyo(ctx, {
        operationId,
        method,
        url,
        repeatability,
        ...(body === undefined ? {} : { body }),
      })
    ).body;
  return {
    baseOrigin: new URL(baseUrl).origin,
    defaultCountry: config.defaultCountry ?? 'US',
    now: () => ctx.deps.now(),
    url(path, query = []) {
      const qs = new URLSearchParams(query).toString();
      return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
    },
    get: (operationId, target) => send(operationId, 'GET', target, undefined, 'safe'),
    send,
  };
}
