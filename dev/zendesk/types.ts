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
