import { TransportError, type HttpRequest, type HttpResponse, type Transport } from '../transport';
import type { ZafClient, ZafCompleteResponse, ZafRequestFailure } from './types';

/**
 * A User Timing mark set as each secure request (Klaviyo's, through the Zendesk proxy) leaves the
 * app: free to set, read by the benchmark to time the first Klaviyo request on the app's own clock.
 */
export const SECURE_REQUEST_MARK = 'kfz:secure-request';

/** How long a request may take before the app treats it as a network failure. */
export const REQUEST_TIMEOUT_MS = 20_000;

function parseHeaderText(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

export function normaliseHeaders(
  raw: ZafCompleteResponse['headers'] | undefined,
  getAll?: () => string,
): Record<string, string> {
  if (typeof raw === 'string') return parseHeaderText(raw);
  if (raw && typeof raw === 'object') {
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), String(v)]));
  }
  return getAll ? parseHeaderText(getAll()) : {};
}

function bodyText(r: { responseText?: string; responseJSON?: unknown }): string {
  if (typeof r.responseText === 'string') return r.responseText;
  return r.responseJSON === undefined ? '' : JSON.stringify(r.responseJSON);
}

/**
 * `Transport` over ZAF `client.request`: the Zendesk proxy performs the call, substituting
 * `{{setting.…}}` placeholders server-side for `secure` requests to whitelisted domains.
 */
export class ZafTransport implements Transport {
  constructor(
    private readonly client: ZafClient,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const { headers = {}, body } = request;
    const contentType = Object.entries(headers).find(
      ([k]) => k.toLowerCase() === 'content-type',
    )?.[1];
    const call = this.client.request<ZafCompleteResponse>({
      url: request.url,
      type: request.method,
      headers,
      ...(body !== undefined ? { data: body } : {}),
      ...(contentType ? { contentType } : {}),
      secure: request.secure === true,
      cors: false,
      httpCompleteResponse: true,
      dataType: 'text',
      timeout: this.timeoutMs,
    });
    if (request.secure === true) globalThis.performance?.mark?.(SECURE_REQUEST_MARK);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TransportError('Request timed out', 'timeout')),
        this.timeoutMs,
      );
    });
    try {
      const ok = await Promise.race([call, timeout]);
      return { status: ok.status, headers: normaliseHeaders(ok.headers), body: bodyText(ok) };
    } catch (error) {
      if (error instanceof TransportError) throw error;
      const failure = (error ?? {}) as ZafRequestFailure;
      const status = typeof failure.status === 'number' ? failure.status : 0;
      if (status === 0) {
        const timedOut = failure.statusText === 'timeout';
        throw new TransportError(
          timedOut ? 'Request timed out' : 'Network unavailable',
          timedOut ? 'timeout' : 'network',
        );
      }
      return {
        status,
        headers: normaliseHeaders(failure.headers, failure.getAllResponseHeaders?.bind(failure)),
        body: bodyText(failure),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
