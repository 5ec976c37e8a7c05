/** The Klaviyo client's public API: import from `src/klaviyo`, not from its files. */
export {
  createKlaviyoClient,
  CONVERSATION_SCOPES,
  MAX_EVENTS_PAGE,
  PROFILE_FIELDS,
  REPLY_EVENT_PROPERTIES,
  REQUIRED_SCOPES,
  type KlaviyoClient,
  type KlaviyoClientConfig,
  type LookupOptions,
  type ReplyEventInput,
  type SendConversationMessageInput,
  type SendResult,
} from './client';
export {
  createQueryClient,
  klaviyoKeys,
  membershipsQuery,
  metricIdQuery,
  predictiveAnalyticsQuery,
  profileEventsQuery,
  profileLookupQuery,
  DEFAULT_GC_MS,
  EVENTS_STALE_MS,
  MEMBERSHIPS_STALE_MS,
  METRIC_ID_STALE_MS,
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
export { KLAVIYO_OPERATIONS, type KlaviyoOperation, type OperationId } from './operations';
export { KLAVIYO_BASE_URL, KLAVIYO_REVISION } from './jsonapi';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, type RetryDeps } from './retry';
export { toE164 } from './phone';
export type * from './model';
