/** Zendesk REST shapes the app reads and writes (only the fields it uses). */

export interface Condition {
  field: string;
  operator: string;
  value?: string | number | boolean | null;
}

export interface Conditions {
  all: Condition[];
  any: Condition[];
}

export interface Action {
  field: string;
  /** `notification_webhook`: `[webhookId, body]`; `status`: `'closed'`, … */
  value: string | number | string[] | null;
}

export type WebhookAuthType = 'api_key' | 'basic_auth' | 'bearer_token';

/** What Zendesk returns: the secret `data` never comes back. */
export interface WebhookAuthenticationRead {
  type: WebhookAuthType;
  add_position: 'header';
}

export interface WebhookAuthenticationWrite {
  type: 'api_key';
  add_position: 'header';
  data: { name: string; value: string };
}

export interface Webhook {
  id: string;
  name: string;
  description?: string | null;
  status: 'active' | 'inactive';
  endpoint: string;
  http_method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  request_format: 'json' | 'xml' | 'form_encoded';
  subscriptions: string[];
  authentication?: WebhookAuthenticationRead | null;
  custom_headers?: Record<string, string> | null;
  created_at?: string;
  updated_at?: string;
}

/** The writable part of a webhook. `authentication` omitted on update keeps the stored secret. */
export interface WebhookInput {
  name: string;
  description?: string;
  status: 'active' | 'inactive';
  endpoint: string;
  http_method: Webhook['http_method'];
  request_format: Webhook['request_format'];
  subscriptions: string[];
  authentication?: WebhookAuthenticationWrite;
  custom_headers?: Record<string, string>;
}

export interface WebhookInvocation {
  id: string;
  latest_completed_at: string;
  status: string;
  latest_status_code: number | null;
}

export interface Trigger {
  id: number;
  title: string;
  description: string | null;
  active: boolean;
  position?: number;
  conditions: Conditions;
  actions: Action[];
  category_id?: string | null;
}

export interface TriggerInput {
  title: string;
  description: string;
  active: boolean;
  conditions: Conditions;
  actions: Action[];
}

export interface Automation {
  id: number;
  title: string;
  active: boolean;
  position?: number;
  conditions: Conditions;
  actions: Action[];
}

/** Automations have no description. */
export interface AutomationInput {
  title: string;
  active: boolean;
  conditions: Conditions;
  actions: Action[];
}

export interface View {
  id: number;
  title: string;
  description: string | null;
  active: boolean;
  conditions: Conditions;
  output?: { columns?: Array<string | { id: string }> } | null;
}

/** Views are written with `all`/`any` at the top level, read back under `conditions`. */
export interface ViewInput {
  title: string;
  description: string;
  active: boolean;
  all: Condition[];
  any: Condition[];
  output?: { columns: string[] };
}

export interface CustomField {
  id: number;
  type: string;
  title: string;
  active: boolean;
  /** Ticket fields: false for Zendesk's own fields (subject, status, …). */
  removable?: boolean;
  /** User fields: the key under which values live in `user.user_fields`. */
  key?: string;
  description?: string | null;
}

export interface Brand {
  id: number;
  name: string;
  active?: boolean;
  default?: boolean;
}

export interface ZendeskUser {
  id: number;
  name: string;
  email: string | null;
  role: string;
  locale?: string;
  user_fields?: Record<string, unknown>;
}
