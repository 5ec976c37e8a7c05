/**
 * The part of the Zendesk Apps Framework v2 client this app uses. The SDK ships no types: this
 * file is the single declaration of them, used everywhere (app, test double, workspace).
 */

export type ZafLocation =
  'ticket_sidebar' | 'new_ticket_sidebar' | 'user_sidebar' | 'nav_bar' | 'top_bar' | 'background';

export interface ZafRequestOptions {
  url: string;
  type?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  data?: string | Record<string, unknown>;
  contentType?: string;
  dataType?: 'json' | 'text';
  secure?: boolean;
  cors?: boolean;
  /** Resolve with `{ responseText, status, headers }` instead of the parsed body. */
  httpCompleteResponse?: boolean;
  timeout?: number;
}

/** What `client.request` resolves with when `httpCompleteResponse: true`. */
export interface ZafCompleteResponse {
  responseText?: string;
  responseJSON?: unknown;
  status: number;
  statusText?: string;
  /** Zendesk gives a header map; older hosts a raw header string. */
  headers?: Record<string, string> | string;
}

/** What `client.request` rejects with (jqXHR-like). */
export interface ZafRequestFailure {
  status?: number;
  statusText?: string;
  responseText?: string;
  responseJSON?: unknown;
  headers?: Record<string, string> | string;
  getAllResponseHeaders?: () => string;
}

export interface ZafMetadata {
  appId: number;
  installationId: number;
  name?: string;
  version?: string;
  /** Non-secure settings only: secure settings never reach the browser. */
  settings: Record<string, string | number | boolean | null | undefined>;
}

export interface ZafContext {
  product: 'support';
  location: ZafLocation;
  instanceGuid?: string;
  account: { subdomain: string };
  ticketId?: number;
  userId?: number;
}

export interface ZafUser {
  id: number;
  name: string;
  email: string | null;
  phone?: string | null;
  role?: string;
  locale?: string;
  timeZone?: { ianaName?: string; name?: string } | null;
  identities?: Array<{ type: string; value: string }>;
  externalId?: string | null;
  userFields?: Record<string, unknown>;
  tags?: string[];
}

export interface ZafTicket {
  id: number;
  subject: string;
  status: string;
  tags: string[];
  requester: ZafUser;
  assignee?: { user?: ZafUser | null; group?: { id: number; name: string } | null };
  brand?: { id: number; name: string; subdomain?: string };
}

/** `get` answers `{ [path]: value, errors: { [path]: { message } } }`. */
export type ZafGetResult = Record<string, unknown> & {
  errors?: Record<string, { message?: string }>;
};

export type ZafEventHandler = (payload?: unknown) => unknown;

export interface ZafClient {
  get(paths: string | string[]): Promise<ZafGetResult>;
  set(path: string | Record<string, unknown>, value?: unknown): Promise<ZafGetResult>;
  invoke(name: string, ...args: unknown[]): Promise<ZafGetResult>;
  request<T = unknown>(options: ZafRequestOptions | string): Promise<T>;
  metadata(): Promise<ZafMetadata>;
  context(): Promise<ZafContext>;
  on(event: string, handler: ZafEventHandler, context?: unknown): void;
  off(event: string, handler: ZafEventHandler): void;
  has?(event: string, handler: ZafEventHandler): boolean;
  trigger?(event: string, data?: unknown): void;
}
