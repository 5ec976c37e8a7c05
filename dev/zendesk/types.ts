/**
 * Zendesk Support REST API records as the in-memory Zendesk keeps and returns them: the JSON
 * shapes of `GET /api/v2/...` (snake_case), trimmed to the fields an agent workspace and this app
 * read.
 */

export type ZdTicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export const TICKET_STATUSES: readonly ZdTicketStatus[] = [
  'new',
  'open',
  'pending',
  'hold',
  'solved',
  'closed',
];

export interface ZdVia {
  channel: string;
  /** A follow-up names its closed ticket here: `from: {ticket_id, subject}`, `rel: 'follow_up'`. */
  source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null };
}

export interface ZdTicket {
  id: number;
  url: string;
  external_id: string | null;
  via: ZdVia;
  created_at: string;
  updated_at: string;
  type: string | null;
  subject: string;
  raw_subject: string;
  description: string;
  priority: string | null;
  status: ZdTicketStatus;
  recipient: string | null;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  group_id: number | null;
  collaborator_ids: number[];
  follower_ids: number[];
  email_cc_ids: number[];
  problem_id: number | null;
  has_incidents: boolean;
  is_public: boolean;
  due_at: string | null;
  tags: string[];
  custom_fields: Array<{ id: number; value: unknown }>;
  ticket_form_id: number | null;
  brand_id: number;
  allow_channelback: boolean;
  allow_attachments: boolean;
  from_messaging_channel: boolean;
  /** Tickets created as follow-ups of this (closed) one. */
  followup_ids: number[];
}

export interface ZdComment {
  id: number;
  type: 'Comment' | 'VoiceComment';
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  attachments: unknown[];
  audit_id: number;
  via: ZdVia;
  created_at: string;
  metadata: { system: Record<string, unknown>; custom: Record<string, unknown> };
}

export interface ZdUser {
  id: number;
  url: string;
  name: string;
  email: string | null;
  created_at: string;
  updated_at: string;
  time_zone: string;
  iana_time_zone: string;
  phone: string | null;
  shared_phone_number: boolean | null;
  photo: null;
  locale_id: number;
  locale: string;
  organization_id: number | null;
  role: 'end-user' | 'agent' | 'admin';
  verified: boolean;
  external_id: string | null;
  tags: string[];
  alias: string;
  active: boolean;
  shared: boolean;
  shared_agent: boolean;
  last_login_at: string | null;
  signature: string | null;
  details: string;
  notes: string;
  role_type: number | null;
  custom_role_id: number | null;
  moderator: boolean;
  ticket_restriction: string | null;
  only_private_comments: boolean;
  restricted_agent: boolean;
  suspended: boolean;
  default_group_id: number | null;
  user_fields: Record<string, unknown>;
}

export interface ZdIdentity {
  url: string;
  id: number;
  user_id: number;
  type: 'email' | 'phone_number' | 'twitter' | 'facebook' | 'google' | 'agent_forwarding';
  value: string;
  verified: boolean;
  primary: boolean;
  created_at: string;
  updated_at: string;
  undeliverable_count: number;
  deliverable_state: string;
}

export interface ZdBrand {
  url: string;
  id: number;
  name: string;
  brand_url: string;
  subdomain: string;
  host_mapping: string | null;
  has_help_center: boolean;
  help_center_state: string;
  active: boolean;
  default: boolean;
  is_deleted: boolean;
  logo: null;
  ticket_form_ids: number[];
  signature_template: string;
  created_at: string;
  updated_at: string;
}

export interface ZdUserField {
  url: string;
  id: number;
  type: 'text' | 'textarea' | 'checkbox' | 'date' | 'integer' | 'decimal' | 'regexp' | 'dropdown';
  key: string;
  title: string;
  description: string;
  raw_title: string;
  raw_description: string;
  position: number;
  active: boolean;
  system: boolean;
  regexp_for_validation: string | null;
  created_at: string;
  updated_at: string;
}

export interface ZdGroup {
  url: string;
  id: number;
  name: string;
  description: string;
  default: boolean;
  deleted: boolean;
  created_at: string;
  updated_at: string;
}

/** One condition of a trigger, automation or view (Zendesk's conditions reference). */
export interface ZdCondition {
  field: string;
  operator: string;
  value?: unknown;
}

export interface ZdAction {
  field: string;
  value: unknown;
}

export interface ZdRule {
  id: number;
  title: string;
  description: string | null;
  active: boolean;
  position: number;
  conditions: { all: ZdCondition[]; any: ZdCondition[] };
  actions?: ZdAction[];
  /** Views only. */
  output?: Record<string, unknown>;
  /** Triggers only. */
  category_id?: string;
  raw_title?: string;
  url: string;
  created_at: string;
  updated_at: string;
}

export interface ZdWebhookAuthentication {
  type: 'basic_auth' | 'bearer_token' | 'api_key';
  add_position: 'header';
  data?: Record<string, string>;
}

export interface ZdWebhook {
  id: string;
  name: string;
  description?: string;
  status: 'active' | 'inactive';
  endpoint: string;
  http_method: string;
  request_format: string;
  subscriptions: string[];
  /** Never carries `data` (the secret): Zendesk does not return it. */
  authentication?: ZdWebhookAuthentication;
  custom_headers?: Record<string, string>;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

/** One HTTP request of a webhook invocation (Zendesk's invocation attempts). */
export interface ZdInvocationAttempt {
  id: string;
  status: 'success' | 'failed';
  status_code: number;
  completed_at: string;
}

export interface ZdInvocation {
  id: string;
  latest_completed_at: string;
  /** Zendesk's own summary of the invocation. */
  status: 'success' | 'failed' | 'circuit_broken' | 'throttled' | 'timed_out';
  latest_status_code: number;
  attempts?: ZdInvocationAttempt[];
}

export interface ZdTicketField {
  id: number;
  url: string;
  type: string;
  title: string;
  raw_title: string;
  description: string;
  active: boolean;
  /** False for Zendesk's built-in fields (subject, status, …). */
  removable: boolean;
  position: number;
  created_at: string;
  updated_at: string;
  custom_field_options?: Array<{ id: number; name: string; value: string }>;
}

export interface ZdOAuthClient {
  id: number;
  url: string;
  name: string;
  identifier: string;
  company: string | null;
  description: string | null;
  redirect_uri: string[];
  kind: 'public' | 'confidential';
  user_id: number;
  created_at: string;
  updated_at: string;
}

export interface ZdOAuthToken {
  id: number;
  url: string;
  client_id: number;
  user_id: number;
  scopes: string[];
  created_at: string;
  /** ISO time, or null for a token without expiry. */
  expires_at: string | null;
  refresh_token_expires_at: string | null;
  used_at: string | null;
  /** Only in the answer that creates the token, as in Zendesk. */
  full_token?: string;
  token: string;
}
