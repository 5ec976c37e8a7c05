/**
 * The Klaviyo API client. Plain TypeScript: every call goes through the `Transport` as a ZAF secure
 * request with the authorization placeholder the caller gives, never a key. One shared HTTP context
 * (context.ts) under one module per resource; this file only assembles them.
 */
import {
  conversationsResource,
  inMemoryConversationMemory,
  type ConversationMemory,
} from './conversations';
import { connectionResource } from './connection';
import { createKlaviyoHttp, type KlaviyoHttpConfig } from './context';
import { eventsResource } from './events';
import { flowsResource } from './flows';
import { membershipsResource } from './memberships';
import { metricsResource } from './metrics';
import { profilesResource } from './profiles';
import { replyEventResource } from './reply-event';

export interface KlaviyoClientConfig extends KlaviyoHttpConfig {
  /** Namespaces cache keys per Klaviyo account (e.g. Zendesk subdomain + installation id). */
  accountKey?: string;
  /** Where SMS conversation ids are remembered; default: for the client's lifetime. */
  conversationMemory?: ConversationMemory;
}

type Resources = ReturnType<typeof profilesResource> &
  ReturnType<typeof eventsResource> &
  ReturnType<typeof metricsResource> &
  ReturnType<typeof membershipsResource> &
  ReturnType<typeof conversationsResource> &
  ReturnType<typeof replyEventResource> &
  ReturnType<typeof connectionResource> &
  ReturnType<typeof flowsResource>;

/**
 * Every call the app makes to Klaviyo. Profiles: `lookupProfile` (linked id, email, phone),
 * `searchProfiles` (the agent's search: email, phone or profile id), `getProfile`,
 * `getPredictiveAnalytics` (on demand; the lookups leave it null). Events: `getProfileEvents`
 * (newest first, metric names and attributions included, one request), `getEventsPage` (follows
 * `links.next`, refuses any other URL), `getAttributionNames`. Metrics: `listMetrics`,
 * `findMetricId`. `getProfileMemberships`. Conversations: `getSmsConversationId` (remembered),
 * `sendConversationMessage`. `createReplyEvent`. `testConnection`. Flows: `createFlow`, `getFlow`,
 * `findFlowsByName`, `setFlowStatus`, `deleteFlow`.
 */
export interface KlaviyoClient extends Resources {
  readonly accountKey: string;
}

export function createKlaviyoClient(config: KlaviyoClientConfig): KlaviyoClient {
  const http = createKlaviyoHttp(config);
  return {
    accountKey: config.accountKey ?? 'default',
    ...profilesResource(http),
    ...eventsResource(http),
    ...metricsResource(http),
    ...membershipsResource(http),
    ...conversationsResource(http, config.conversationMemory ?? inMemoryConversationMemory()),
    ...replyEventResource(http),
    ...connectionResource(http),
    ...flowsResource(http),
  };
}
