import type { FlowEngineDeps } from '../flows/engine';
import type { KlaviyoStore } from '../store';

export interface RouteContext {
  store: KlaviyoStore;
  /** `https://a.klaviyo.com` (links are absolute, as Klaviyo writes them). */
  base: string;
  url: URL;
  /** The pattern's captures, URL-decoded. */
  params: string[];
  /** The parsed JSON body (null for none). */
  body: unknown;
  engine: FlowEngineDeps;
}

export interface RouteAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  /** Names the route's scopes (scopes.ts) and parameters (params.ts). */
  name: string;
  method: string;
  pattern: RegExp;
  /** Which `ROUTE_PARAMS` entry checks the query (default: `name`). */
  params?: string;
  handle(ctx: RouteContext): RouteAnswer | Promise<RouteAnswer>;
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
