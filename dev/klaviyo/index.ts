/** The Klaviyo stand-in: a store with demo data and MSW handlers that answer like Klaviyo. */
export {
  createKlaviyoStore,
  emptyKlaviyoSeed,
  type ConversationMessage,
  type CreatedEvent,
  type KlaviyoFault,
  type KlaviyoSeed,
  type KlaviyoStore,
  type RecordedRequest,
  type SeedEvent,
  type SeedGroup,
  type SeedMetric,
  type SeedProfile,
} from './store';
export { demoKlaviyoSeed, DEMO_BRAND_NUMBER, DEMO_CONVERSATIONS, DEMO_IDS } from './demo';
export { klaviyoHandlers, type KlaviyoHandlerOptions } from './handlers';
export { parseFilter, FilterError, type Condition } from './filter';
