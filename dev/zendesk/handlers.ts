/**
 * MSW request handlers that answer the Zendesk Support REST API from the one in-memory state
 * (state.ts), in Zendesk's JSON shapes, a file per resource under `resources/`. Used by Jest
 * (msw/node) and by the local workspace (msw `getResponse`). Paths work with and without `.json`.
 * The last handler answers any other `/api/...` path with Zendesk's 404 `InvalidEndpoint`.
 */
import { http, type RequestHandler } from 'msw';
import { errorAnswer, invalidEndpoint } from './errors';
import { createRouter } from './http';
import { accountRoutes } from './resources/account';
import { oauthRoutes } from './resources/oauth';
import { businessRuleRoutes } from './resources/rules';
import { ticketRoutes } from './resources/tickets';
import { userRoutes } from './resources/users';
import { webhookRoutes } from './resources/webhooks';
import type { ZendeskState } from './state';

export interface ZendeskHandlerOptions {
  /** The account URL the handlers answer for. Default: the state's `baseUrl`. */
  baseUrl?: string;
}

export function zendeskHandlers(
  state: ZendeskState,
  options: ZendeskHandlerOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? state.baseUrl).replace(/\/$/, '');
  const router = createRouter(state, base);
  ticketRoutes(router);
  userRoutes(router);
  accountRoutes(router);
  webhookRoutes(router);
  businessRuleRoutes(router);
  oauthRoutes(router);
  return [...router.handlers, http.all(`${base}/api/*`, () => errorAnswer(invalidEndpoint()))];
}
