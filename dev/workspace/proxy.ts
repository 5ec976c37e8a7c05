/**
 * The emulated ZAF request proxy: what Zendesk's servers do with an app's `client.request()`.
 * Applies dev/zaf-proxy/rules.ts with the settings held here (the secure key never reaches the
 * page), then sends the request: relative URLs to the in-memory Zendesk as the signed-in agent,
 * Klaviyo URLs to the built-in stand-in or to `KLAVIYO_UPSTREAM`, other URLs with real `fetch`.
 */
import { appendFileSync } from 'node:fs';
import { applyProxyRules, type ManifestParameter } from '../zaf-proxy/rules';
import type { ZafRequestOptions } from '../../src/zaf/types';
import { redact, webhookBodySecrets, type SettingValues } from './settings';

export const ZENDESK_BASE_URL = 'https://demo.zendesk.com';
export const KLAVIYO_HOST = 'a.klaviyo.com';
/** How long the proxy waits for an upstream answer before giving up (Zendesk's is similar). */
export const UPSTREAM_TIMEOUT_MS = 30_000;

/** What the page gets back: enough to build jQuery-like `done`/`fail` arguments. */
export interface ProxyAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  responseText: string;
  /** Why there is no upstream answer: refused by the proxy rules, or the upstream unreachable. */
  failure?: 'refused' | 'network' | 'timeout';
}

export interface ProxyLogEntry {
  at: string;
  method: string;
  url: string;
  secure: boolean;
  target: 'zendesk' | 'klaviyo' | 'other' | 'refused';
  status: number;
  durationMs: number;
  /** Request headers as sent upstream, secrets redacted. */
  headers: Record<string, string>;
  body?: string;
  refusal?: string;
}

export interface ProxyContext {
  settings: () => SettingValues;
  parameters: ManifestParameter[];
  domainWhitelist: string[];
  /** Answers a request to the in-memory Zendesk (as the signed-in agent). */
  zendesk: (request: Request) => Promise<Response | undefined>;
  /** The built-in Klaviyo stand-in; unused when `klaviyoUpstream` is set. */
  klaviyo: (request: Request) => Promise<Response | undefined>;
  klaviyoUpstream: string | null;
  recordFile: string | null;
  log: ProxyLogEntry[];
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(status: number, given = ''): string {
  return given || STATUS_TEXT[status] || '';
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
  'content-encoding',
]);

function secrets(ctx: ProxyContext): string[] {
  const values = ctx.settings();
  return ctx.parameters
    .filter((p) => p.secure)
    .map((p) => values[p.name])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

async function toAnswer(response: Response): Promise<ProxyAnswer> {
  if (response.type === 'error') {
    return { status: 0, statusText: 'error', headers: {}, responseText: '', failure: 'network' };
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key.toLowerCase())) headers[key.toLowerCase()] = value;
  });
  return {
    status: response.status,
    statusText: statusText(response.status, response.statusText),
    headers,
    responseText: await response.text(),
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A request the proxy rules refused: answered and logged without sending anything. */
function refuse(
  ctx: ProxyContext,
  options: ZafRequestOptions,
  decision: { status: number; message: string },
  started: number,
  hidden: string[],
): ProxyAnswer {
  ctx.log.push({
    at: new Date(started).toISOString(),
    method: (options.type ?? 'GET').toUpperCase(),
    url: String(options.url),
    secure: options.secure === true,
    target: 'refused',
    status: decision.status,
    durationMs: 0,
    headers: redact(options.headers ?? {}, hidden),
    refusal: decision.message,
  });
  return {
    status: decision.status,
    statusText: statusText(decision.status),
    headers: { 'content-type': 'application/json; charset=utf-8' },
    responseText: JSON.stringify({ error: decision.message }),
    failure: 'refused',
  };
}

/** Performs one `client.request()` as Zendesk's proxy would. Never throws. */
export async function proxyRequest(
  ctx: ProxyContext,
  input: ZafRequestOptions | string,
): Promise<ProxyAnswer> {
  const options: ZafRequestOptions = typeof input === 'string' ? { url: input } : input;
  const started = Date.now();
  const hidden = secrets(ctx);
  const decision = applyProxyRules(options, {
    settings: ctx.settings(),
    parameters: ctx.parameters,
    domainWhitelist: ctx.domainWhitelist,
    zendeskBaseUrl: ZENDESK_BASE_URL,
  });

  if (!decision.ok) return refuse(ctx, options, decision, started, hidden);

  const url = new URL(decision.url);
  const target = decision.toZendesk
    ? 'zendesk'
    : url.hostname === KLAVIYO_HOST
      ? 'klaviyo'
      : 'other';
  const hasBody = decision.body !== undefined && !['GET', 'HEAD'].includes(decision.method);
  const init: RequestInit = {
    method: decision.method,
    headers: decision.headers,
    ...(hasBody ? { body: decision.body } : {}),
  };

  let answer: ProxyAnswer;
  try {
    let response: Response | undefined | 'timeout';
    if (target === 'zendesk') {
      response = await ctx.zendesk(new Request(url, init));
    } else if (target === 'klaviyo' && !ctx.klaviyoUpstream) {
      response = await withTimeout(ctx.klaviyo(new Request(url, init)), UPSTREAM_TIMEOUT_MS);
    } else {
      const destination =
        target === 'klaviyo' && ctx.klaviyoUpstream
          ? new URL(url.pathname + url.search, ctx.klaviyoUpstream)
          : url;
      response = await fetch(destination, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
    }
    if (response === 'timeout') {
      answer = {
        status: 0,
        statusText: 'timeout',
        headers: {},
        responseText: '',
        failure: 'timeout',
      };
    } else if (response === undefined) {
      answer = {
        status: 404,
        statusText: 'Not Found',
        headers: { 'content-type': 'application/json' },
        responseText: JSON.stringify({ error: 'InvalidEndpoint', description: 'Not found' }),
      };
    } else {
      answer = await toAnswer(response);
    }
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    answer = {
      status: 0,
      statusText: timedOut ? 'timeout' : 'error',
      headers: {},
      responseText: '',
      failure: timedOut ? 'timeout' : 'network',
    };
  }

  // A webhook key the setup page sends to Zendesk is as secret as the app's own key.
  const logHidden = [...hidden, ...(target === 'zendesk' ? webhookBodySecrets(decision.body) : [])];
  const entry: ProxyLogEntry = {
    at: new Date(started).toISOString(),
    method: decision.method,
    url: redact(decision.url, logHidden),
    secure: options.secure === true,
    target,
    status: answer.status,
    durationMs: Date.now() - started,
    headers: redact(decision.headers, logHidden),
    ...(hasBody ? { body: redact(decision.body, logHidden) } : {}),
  };
  ctx.log.push(entry);
  if (target === 'klaviyo' && ctx.recordFile) {
    try {
      appendFileSync(ctx.recordFile, `${JSON.stringify(entry)}\n`);
    } catch (error) {
      console.error(
        `KLAVIYO_RECORD: cannot append to ${ctx.recordFile}: ${(error as Error).message}`,
      );
    }
  }
  return answer;
}
