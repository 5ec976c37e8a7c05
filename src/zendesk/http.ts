/**
 * Zendesk REST calls through the `Transport`: relative `/api/v2/...` URLs, JSON bodies, sent as
 * the signed-in agent (not secure: no app setting is involved).
 */
import { TransportError, type HttpMethod, type Transport } from '../transport';
import { ZendeskError, zendeskErrorFromResponse } from './errors';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** Turns Zendesk's absolute pagination links into the relative paths the transport expects. */
export function relativePath(url: string): string {
  if (url.startsWith('/')) return url;
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** Sends one call; resolves the parsed JSON body (or null for 204), rejects with `ZendeskError`. */
export async function zendeskCall<T>(
  transport: Transport,
  method: HttpMethod,
  path: string,
  what: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
  let response;
  try {
    response = await transport.send({
      method,
      url: relativePath(path),
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { ...JSON_HEADERS, 'Content-Type': contentType },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    if (error instanceof TransportError) {
      throw new ZendeskError('network', `${what} failed: ${error.message}`);
    }
    throw error;
  }
  if (response.status < 200 || response.status >= 300) {
    throw zendeskErrorFromResponse(response.status, response.body, response.headers, what);
  }
  if (response.status === 204 || response.body.trim() === '') return null as T;
  try {
    return JSON.parse(response.body) as T;
  } catch {
    throw new ZendeskError(
      'malformed',
      `${what}: Zendesk answered with something that is not JSON`,
      response.status,
    );
  }
}

interface PageShape {
  next_page?: string | null;
  meta?: { has_more?: boolean };
  links?: { next?: string | null };
}

/** Safety stop: no admin list the app reads should ever be longer than this many pages. */
const MAX_PAGES = 50;

/**
 * Reads every page of a list: offset pagination (`next_page`) or cursor pagination
 * (`meta.has_more` + `links.next`), whichever the endpoint answers with.
 */
export async function listAll<T>(
  transport: Transport,
  path: string,
  key: string,
  what: string,
): Promise<T[]> {
  const items: T[] = [];
  let next: string | null = path;
  for (let page = 0; next && page < MAX_PAGES; page += 1) {
    const body: (PageShape & Record<string, unknown>) | null = await zendeskCall(
      transport,
      'GET',
      next,
      what,
    );
    const list = body?.[key];
    if (!Array.isArray(list)) {
      throw new ZendeskError('malformed', `${what}: the answer has no "${key}" list`);
    }
    items.push(...(list as T[]));
    if (body?.meta && 'has_more' in body.meta) {
      next = body.meta.has_more && body.links?.next ? body.links.next : null;
    } else {
      next = body?.next_page ?? null;
    }
  }
  return items;
}
