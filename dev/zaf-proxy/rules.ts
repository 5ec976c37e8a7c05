/**
 * What Zendesk's request proxy enforces for `client.request()`, in one place so the local
 * workspace's emulated proxy and the Jest test double behave alike (and like Zendesk):
 *
 * - `{{setting.name}}` placeholders are substituted only when the request is `secure: true` (and not
 *   `cors: true`) and its URL is https on a host in the manifest's `domainWhitelist`; otherwise
 *   they stay literal.
 * - A secure request to a host outside the whitelist is refused.
 * - A secure setting is substituted only in the parts its manifest `scopes` allow (`header`,
 *   `body`, `url`): this app's key is header-only, so a key placed in a URL or body is refused.
 * - Relative URLs (`/api/v2/...`) go to the Zendesk account itself, as the agent.
 */
import type { ZafRequestOptions } from '../../src/zaf/types';

export interface ManifestParameter {
  name: string;
  type: string;
  secure?: boolean;
  scopes?: string[];
  default?: unknown;
}

export interface ProxyConfig {
  /** All setting values, secure ones included: held server-side only. */
  settings: Record<string, unknown>;
  parameters: ManifestParameter[];
  domainWhitelist: string[];
  /** Base URL that relative (`/api/v2/...`) requests resolve against. */
  zendeskBaseUrl: string;
}

export interface ProxiedRequest {
  ok: true;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** True when the request goes to the Zendesk account itself (relative URL). */
  toZendesk: boolean;
}

export interface ProxyRefusal {
  ok: false;
  status: number;
  message: string;
}

const PLACEHOLDER = /\{\{\s*setting\.([A-Za-z0-9_]+)\s*\}\}/g;

export function hostAllowed(host: string, whitelist: string[]): boolean {
  const h = host.toLowerCase();
  return whitelist.some((entry) => {
    const e = entry
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    if (e.startsWith('*.')) return h.endsWith(e.slice(1)) && h !== e.slice(2);
    return h === e;
  });
}

function serialiseBody(options: ZafRequestOptions): string | undefined {
  const { data } = options;
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string') return data;
  return options.contentType?.includes('json')
    ? JSON.stringify(data)
    : new URLSearchParams(data as Record<string, string>).toString();
}

export function applyProxyRules(
  input: ZafRequestOptions | string,
  config: ProxyConfig,
): ProxiedRequest | ProxyRefusal {
  const options: ZafRequestOptions = typeof input === 'string' ? { url: input } : input;
  const method = (options.type ?? 'GET').toUpperCase();
  let url: URL;
  try {
    url = new URL(options.url, config.zendeskBaseUrl);
  } catch {
    return { ok: false, status: 400, message: `Invalid URL: ${options.url}` };
  }
  const toZendesk = !/^https?:\/\//i.test(options.url);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (
    options.contentType &&
    !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
  ) {
    headers['Content-Type'] = options.contentType;
  }
  let body = serialiseBody(options);

  if (!options.secure || options.cors === true) {
    // Nothing is substituted: the literal placeholder goes upstream, which then refuses it. A
    // `cors: true` request leaves the browser directly, never through the proxy that holds secrets.
    return { ok: true, method, url: url.toString(), headers, body, toZendesk };
  }
  if (url.protocol !== 'https:' || !hostAllowed(url.hostname, config.domainWhitelist)) {
    return {
      ok: false,
      status: 403,
      message: `Secure requests are only allowed to domains in the manifest's domainWhitelist; ${url.host} is not listed.`,
    };
  }
  const byName = new Map(config.parameters.map((p) => [p.name, p]));
  let refusal: ProxyRefusal | null = null;
  const substitute = (text: string, scope: 'header' | 'body' | 'url') =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const parameter = byName.get(name);
      if (!parameter) {
        refusal ??= { ok: false, status: 400, message: `Unknown setting in placeholder: ${name}` };
        return whole;
      }
      if (parameter.secure && !(parameter.scopes ?? ['header']).includes(scope)) {
        refusal ??= {
          ok: false,
          status: 403,
          message: `The secure setting ${name} may not be used in the request ${scope}.`,
        };
        return whole;
      }
      const value = config.settings[name] ?? parameter.default ?? '';
      return String(value);
    });

  const substitutedUrl = new URL(substitute(options.url, 'url'), config.zendeskBaseUrl).toString();
  for (const key of Object.keys(headers)) headers[key] = substitute(headers[key] ?? '', 'header');
  if (body !== undefined) body = substitute(body, 'body');
  if (refusal) return refusal;
  return { ok: true, method, url: substitutedUrl, headers, body, toZendesk };
}
