/** The Klaviyo client's public API: import from `src/klaviyo`, not from its files. */
export { createKlaviyoClient, type KlaviyoClient, type KlaviyoClientConfig } from './client';
export { PROFILE_FIELDS, type LookupOptions } from './profiles';
export { MAX_EVENTS_PAGE } from './events';
export { REPLY_EVENT_PROPERTIES, type ReplyEventInput } from './reply-event';
export {
  inMemoryConversationMemory,
  type ConversationMemory,
  type SendConversationMessageInput,
  type SendResult,
} from './conversations';
export type * from './flow-types';
export {
  createQueryClient,
  klaviyoKeys,
  membershipsQuery,
  predictiveAnalyticsQuery,
  profileEventsQuery,
  profileLookupQuery,
  DEFAULT_GC_MS,
  EVENTS_STALE_MS,
  MEMBERSHIPS_STALE_MS,
  PREDICTIVE_STALE_MS,
  PROFILE_STALE_MS,
  type KlaviyoQueryOptions,
} from './queries';
export {
  KlaviyoError,
  isKlaviyoError,
  type KlaviyoErrorDetail,
  type KlaviyoErrorKind,
} from './errors';
export {
  CONVERSATION_SCOPES,
  FLOW_SCOPES,
  KLAVIYO_OPERATIONS,
  REQUIRED_SCOPES,
  type KlaviyoOperation,
  type OperationId,
} from './operations';
export { KLAVIYO_BASE_URL, KLAVIYO_REVISION } from './jsonapi';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, type RetryDeps } from './retry';
export {
  loadPhoneRules,
  phoneCountryForTimeZone,
  phoneForLookup,
  phoneIfKnownNow,
  phoneRulesLoaded,
} from './phone';
export type * from './model';
export { clip } from './clip';
export { keyProperties, orderFromEvent, PLACED_ORDER, type OrderSummary } from './event-details';
