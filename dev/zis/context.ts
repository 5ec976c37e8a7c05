/** What every part of the ZIS stand-in shares: the registry, the account, and its neighbours. */
import type { RequestHandler } from 'msw';
import { http } from 'msw';
import type { ZendeskOAuth } from './oauth';
import type { ZisRegistry } from './registry';
import type { RunnerLimits } from './runner';
import { ZisHttpError, zisErrorResponse, type SessionInfo } from './http';

export interface ZisStandInDeps {
  accountId: number;
  subdomain: string;
  /** The account URL the handlers answer for, e.g. `https://demo.zendesk.com`. */
  baseUrl: string;
  /** The origin a browser reaches this account on (consent page links); default `baseUrl`. */
  publicOrigin?: () => string;
  /** The signed-in agent of the browser session. */
  session(): SessionInfo;
  oauth: ZendeskOAuth;
  /** Answers the flow's Zendesk calls (the Zendesk stand-in). */
  zendesk(request: Request): Promise<Response>;
  /** A real jq engine. */
  jq(data: unknown, expr: string): Promise<unknown>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  limits?: Partial<RunnerLimits>;
}

export interface ZisContext {
  registry: ZisRegistry;
  deps: ZisStandInDeps;
  base: string;
  now(): number;
}

type Resolver = (args: {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
  url: URL;
}) => Promise<Response> | Response;

/** An MSW route whose `ZisHttpError`s become ZIS's error answers. */
export function route(
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  resolver: Resolver,
): RequestHandler {
  return http[method](path, async ({ request, params }) => {
    try {
      return await resolver({ request, params, url: new URL(request.url) });
    } catch (error) {
      if (error instanceof ZisHttpError) return zisErrorResponse(error);
      throw error;
    }
  });
}

export const param = (value: string | readonly string[] | undefined) => String(value ?? '');
