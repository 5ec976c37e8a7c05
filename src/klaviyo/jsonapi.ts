/**
 * Klaviyo's JSON:API payloads as the app reads and writes them (revision 2026-07-15), written once
 * here. Every field of a response is typed as possibly absent or null: the parsers in `parse.ts`
 * check each one before use, so these types describe what we hope for, not what we trust.
 */

export const KLAVIYO_REVISION = '2026-07-15';
export const KLAVIYO_BASE_URL = 'https://a.klaviyo.com';
export const JSON_API = 'application/vnd.api+json';

export interface RawResource<TAttributes = Record<string, unknown>> {
  type: string;
  id: string;
  attributes?: TAttributes | null;
  relationships?: Record<string, { data?: RawIdentifier | RawIdentifier[] | null } | undefined>;
  links?: { self?: string };
}

export interface RawIdentifier {
  type: string;
  id: string;
}

export interface RawCollectionLinks {
  self?: string;
  next?: string | null;
  prev?: string | null;
}

export interface RawDocument<TData> {
  data: TData;
  included?: RawResource[];
  links?: RawCollectionLinks;
}

export interface RawErrorDocument {
  errors: Array<{
    id?: string;
    status?: number;
    code?: string;
    title?: string;
    detail?: string;
    source?: { pointer?: string; parameter?: string };
  }>;
}

export interface RawConsent {
  consent?: string | null;
  consent_timestamp?: string | null;
  method?: string | null;
  can_receive_email_marketing?: boolean | null;
  can_receive_sms_marketing?: boolean | null;
  can_receive_sms_transactional?: boolean | null;
  suppression?: Array<{ reason?: string | null; timestamp?: string | null }> | null;
}

export interface RawSubscriptions {
  email?: { marketing?: RawConsent | null } | null;
  sms?: { marketing?: RawConsent | null; transactional?: RawConsent | null } | null;
}

export interface RawPredictiveAnalytics {
  historic_clv?: number | null;
  predicted_clv?: number | null;
  total_clv?: number | null;
  historic_number_of_orders?: number | null;
  predicted_number_of_orders?: number | null;
  average_order_value?: number | null;
  churn_probability?: number | null;
  expected_date_of_next_order?: string | null;
}

export interface RawLocation {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
  zip?: string | null;
  timezone?: string | null;
}

export interface RawProfileAttributes {
  email?: string | null;
  phone_number?: string | null;
  external_id?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  organization?: string | null;
  location?: RawLocation | null;
  created?: string | null;
  updated?: string | null;
  last_event_date?: string | null;
  subscriptions?: RawSubscriptions | null;
  predictive_analytics?: RawPredictiveAnalytics | null;
}

export interface RawEventAttributes {
  datetime?: string | null;
  timestamp?: number | null;
  event_properties?: Record<string, unknown> | null;
  uuid?: string | null;
}

export interface RawMetricAttributes {
  name?: string | null;
}

export interface RawConversationAttributes {
  channel?: string | null;
}

export interface RawAccountAttributes {
  contact_information?: { organization_name?: string | null } | null;
}

/** POST /api/events (EventCreateQueryV2). */
export interface RawEventCreate {
  data: {
    type: 'event';
    attributes: {
      properties: Record<string, unknown>;
      time?: string;
      unique_id?: string;
      metric: { data: { type: 'metric'; attributes: { name: string } } };
      profile: {
        data: {
          type: 'profile';
          id?: string;
          attributes: { email?: string; phone_number?: string };
        };
      };
    };
  };
}

/** POST /api/conversation-messages (ConversationMessageCreateQuery). */
export interface RawConversationMessageCreate {
  data: {
    type: 'conversation-message';
    attributes: { body: string };
    relationships: { conversation: { data: { type: 'conversation'; id: string } } };
  };
}
