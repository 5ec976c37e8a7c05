/**
 * The Klaviyo operations this app calls, with the scopes (`x-klaviyo-scopes`) and rate limits
 * (`x-klaviyo-ratelimit`) Klaviyo's OpenAPI spec (revision 2026-07-15) declares for them. Copied
 * from the spec by hand, not loaded at runtime; tests/contract/klaviyo-contract.test.ts checks every
 * row against the spec, so a drift fails the build.
 */
import type { HttpMethod } from '../transport';

export interface KlaviyoOperation {
  method: HttpMethod;
  /** Path template as in the spec. */
  path: string;
  operationId: string;
  scopes: readonly string[];
  rateLimit: { burst: string; steady: string; daily?: string };
}

export const KLAVIYO_OPERATIONS = [
  {
    method: 'GET',
    path: '/api/accounts',
    operationId: 'get_accounts',
    scopes: ['accounts:read'],
    rateLimit: { burst: '1/s', steady: '15/m' },
  },
  {
    // The spec's description: 10/s, 150/m when asked for additional-fields[profile]=
    // predictive_analytics. The client never asks it for that field (see PROFILE_QUERY).
    method: 'GET',
    path: '/api/profiles',
    operationId: 'get_profiles',
    scopes: ['profiles:read'],
    rateLimit: { burst: '75/s', steady: '750/m' },
  },
  {
    // The linked-profile lookup and, on demand, predictive analytics (no slower limit documented
    // for that field here; only include=list / include=segment are, which the client never sends).
    method: 'GET',
    path: '/api/profiles/{id}',
    operationId: 'get_profile',
    scopes: ['profiles:read'],
    rateLimit: { burst: '75/s', steady: '750/m' },
  },
  {
    method: 'GET',
    path: '/api/events',
    operationId: 'get_events',
    scopes: ['events:read'],
    rateLimit: { burst: '350/s', steady: '3500/m' },
  },
  {
    method: 'POST',
    path: '/api/events',
    operationId: 'create_event',
    scopes: ['events:write'],
    rateLimit: { burst: '350/s', steady: '3500/m' },
  },
  {
    method: 'GET',
    path: '/api/metrics',
    operationId: 'get_metrics',
    scopes: ['metrics:read'],
    rateLimit: { burst: '10/s', steady: '150/m' },
  },
  {
    method: 'GET',
    path: '/api/lists',
    operationId: 'get_lists',
    scopes: ['lists:read'],
    rateLimit: { burst: '75/s', steady: '750/m' },
  },
  {
    method: 'GET',
    path: '/api/segments',
    operationId: 'get_segments',
    scopes: ['segments:read'],
    rateLimit: { burst: '75/s', steady: '750/m' },
  },
  {
    method: 'GET',
    path: '/api/profiles/{id}/lists',
    operationId: 'get_lists_for_profile',
    scopes: ['lists:read', 'profiles:read'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
  {
    method: 'GET',
    path: '/api/profiles/{id}/segments',
    operationId: 'get_segments_for_profile',
    scopes: ['profiles:read', 'segments:read'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
  {
    method: 'GET',
    path: '/api/profiles/{id}/conversations',
    operationId: 'get_conversations_for_profile',
    scopes: ['conversations:read', 'profiles:read'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
  {
    method: 'GET',
    path: '/api/profiles/{id}/relationships/conversations',
    operationId: 'get_conversation_ids_for_profile',
    scopes: ['conversations:read', 'profiles:read'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
  {
    method: 'POST',
    path: '/api/conversation-messages',
    operationId: 'create_conversation_message',
    scopes: ['conversations:write'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
  {
    // Names a campaign an inbound text answers (attributions name only its id).
    method: 'GET',
    path: '/api/campaigns',
    operationId: 'get_campaigns',
    scopes: ['campaigns:read'],
    rateLimit: { burst: '10/s', steady: '150/m' },
  },
  {
    method: 'GET',
    path: '/api/flows',
    operationId: 'get_flows',
    scopes: ['flows:read'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
  {
    method: 'POST',
    path: '/api/flows',
    operationId: 'create_flow',
    scopes: ['flows:write'],
    rateLimit: { burst: '1/s', steady: '15/m', daily: '100/d' },
  },
  {
    method: 'GET',
    path: '/api/flows/{id}',
    operationId: 'get_flow',
    scopes: ['flows:read'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
  {
    method: 'PATCH',
    path: '/api/flows/{id}',
    operationId: 'update_flow',
    scopes: ['flows:write'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
  {
    method: 'DELETE',
    path: '/api/flows/{id}',
    operationId: 'delete_flow',
    scopes: ['flows:write'],
    rateLimit: { burst: '3/s', steady: '60/m' },
  },
] as const satisfies readonly KlaviyoOperation[];

export type OperationId = (typeof KLAVIYO_OPERATIONS)[number]['operationId'];

export function operation(id: OperationId): KlaviyoOperation {
  return KLAVIYO_OPERATIONS.find((op) => op.operationId === id)!;
}

/** The scope to name when the key is refused (403): the one specific to this resource. */
export function scopeFor(id: OperationId): string {
  const { scopes } = operation(id);
  return scopes.find((s) => !s.startsWith('profiles:')) ?? scopes[0]!;
}

/** Scopes the app cannot work without, and those only the Conversations reply mode needs. */
export const REQUIRED_SCOPES = [
  'accounts:read',
  'profiles:read',
  'events:read',
  'events:write',
  'metrics:read',
  'lists:read',
  'segments:read',
] as const;
export const CONVERSATION_SCOPES = ['conversations:read', 'conversations:write'] as const;
/** What the setup page needs to install the Klaviyo flows of the inbound and reply paths. */
export const FLOW_SCOPES = ['flows:read', 'flows:write'] as const;

export const CONVERSATION_OPERATIONS: readonly OperationId[] = [
  'get_conversations_for_profile',
  'get_conversation_ids_for_profile',
  'create_conversation_message',
];
