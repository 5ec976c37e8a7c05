/**
 * The one door through which `klaviyo/` and `zendesk/` reach the network. `zaf/` implements it
 * with ZAF `client.request()`; tests implement it over `fetch` so MSW answers. Pure TypeScript:
 * no React, no ZAF SDK.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL (`https://a.klaviyo.com/api/...`) or a same-account Zendesk path (`/api/v2/...`). */
  url: string;
  headers?: Record<string, string>;
  /** Serialised body; the transport sends it as-is. */
  body?: string;
  /**
   * Ask the host to substitute `{{setting.name}}` placeholders server-side (ZAF secure request).
   * Only honoured for hosts in the manifest's domainWhitelist.
   */
  secure?: boolean;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Raw body text ('' when there is none). */
  body: string;
}

/** The request never produced an HTTP response (offline, DNS, timeout, proxy refused). */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly reason: 'network' | 'timeout' | 'refused' = 'network',
  ) {
    super(message);
  }
}

/**
 * Sends one request. Resolves with any HTTP status (2xx to 5xx): callers decide what an error is.
 * Rejects only with `TransportError`, when there is no HTTP answer at all.
 */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
}
