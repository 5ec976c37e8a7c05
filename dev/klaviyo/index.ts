/** The Klaviyo stand-in: a store with demo data and MSW handlers that answer like Klaviyo. */
export {
  createKlaviyoStore,
  emptyKlaviyoSeed,
  TEMPLATE_ESCAPING_MODES,
  type ConversationMessage,
  type CreatedEvent,
  type FlowRun,
  type KlaviyoFault,
  type KlaviyoSeed,
  type KlaviyoStore,
  type RecordedRequest,
  type SeedEvent,
  type SeedGroup,
  type SeedMetric,
  type SeedProfile,
  type SmsRecord,
  type StoredFlow,
  type TemplateEscaping,
} from './store';
export { demoKlaviyoSeed, DEMO_BRAND_NUMBER, DEMO_CONVERSATIONS, DEMO_IDS } from './demo';
export { klaviyoHandlers, type KlaviyoHandlerOptions } from './handlers';
export { parseFilter, FilterError, type Condition } from './filter';
export {
  klaviyoControl,
  KLAVIYO_CONTROL_ROUTES,
  type KlaviyoControlAnswer,
  type KlaviyoControlRoute,
} from './control';
export { defaultFlowEngineDeps, runFlowsFor, type FlowEngineDeps } from './flows/engine';
export { FLOW_CREATES_PER_DAY } from './routes/flows';
export { receiveInboundSms, readInboundSms, InboundSmsError, type InboundSms } from './sms/inbound';
export { keywordEffect, STOP_KEYWORDS, START_KEYWORDS, HELP_KEYWORDS } from './sms/keywords';
export {
  INBOUND_SMS_METRIC,
  OUTBOUND_SMS_METRIC,
  SMS_FROM_PROPERTY,
  SMS_TEXT_PROPERTY,
  SMS_TO_PROPERTY,
} from './sms/types';
export { simulateNativeZendesk } from './native-zendesk';
