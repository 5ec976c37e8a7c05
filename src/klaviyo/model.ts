/**
 * The Klaviyo data the app works with, normalised from Klaviyo's JSON:API payloads (the raw
 * JSON:API types live beside the client). This file is the contract between `klaviyo/` (which
 * produces these), `sms/` (which reads them) and `ui/` (which renders them). Every string that came
 * from Klaviyo is untrusted text: render it as text, never as markup.
 */

export type SubscriptionState =
  'subscribed' | 'unsubscribed' | 'never_subscribed' | 'suppressed' | 'unknown';

export interface ChannelConsent {
  /** Klaviyo's `consent` value normalised (SUBSCRIBED → 'subscribed', …). */
  state: SubscriptionState;
  /** Klaviyo's `can_receive_*` flag when present; null when Klaviyo did not say. */
  canReceive: boolean | null;
  /** When consent was last given or changed (ISO 8601), if known. */
  timestamp: string | null;
  method: string | null;
}

export interface ProfileSubscriptions {
  emailMarketing: ChannelConsent | null;
  smsMarketing: ChannelConsent | null;
  smsTransactional: ChannelConsent | null;
  /** Email suppression reasons (HARD_BOUNCE, USER_SUPPRESSED, …). */
  emailSuppressions: string[];
}

export interface PredictiveAnalytics {
  historicClv: number | null;
  predictedClv: number | null;
  totalClv: number | null;
  historicNumberOfOrders: number | null;
  predictedNumberOfOrders: number | null;
  averageOrderValue: number | null;
  /** 0..1 */
  churnProbability: number | null;
  expectedDateOfNextOrder: string | null;
}

export interface ProfileLocation {
  address1: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  zip: string | null;
  /** IANA zone, e.g. `America/New_York`, when Klaviyo knows it. */
  timezone: string | null;
}

export interface KlaviyoProfile {
  id: string;
  email: string | null;
  /** E.164 as Klaviyo stores it. */
  phoneNumber: string | null;
  externalId: string | null;
  firstName: string | null;
  lastName: string | null;
  organization: string | null;
  location: ProfileLocation | null;
  /** ISO 8601 */
  created: string | null;
  updated: string | null;
  lastEventDate: string | null;
  subscriptions: ProfileSubscriptions | null;
  /** Always null from the lookups (asking them for it costs the account's profile-search limit):
   *  load it on demand with `getPredictiveAnalytics` / `predictiveAnalyticsQuery`. */
  predictiveAnalytics: PredictiveAnalytics | null;
}

/** How the requester was matched to a Klaviyo profile. */
export type MatchedBy = 'linked' | 'email' | 'phone' | 'search';

export type ProfileLookup =
  | { status: 'found'; profile: KlaviyoProfile; matchedBy: MatchedBy }
  /** Several profiles match (e.g. the email matches one and the phone another): the agent picks. */
  | { status: 'multiple'; profiles: KlaviyoProfile[]; matchedBy: MatchedBy }
  | { status: 'none'; searched: { email: string | null; phone: string | null } }
  /** The requester has neither an email nor a usable phone number. */
  | { status: 'no-identifier' };

export interface RequesterIdentity {
  /** A Klaviyo profile id linked on the Zendesk user (kept on the user by the sidebar). */
  linkedProfileId?: string | null;
  email?: string | null;
  /** Any format; normalised to E.164 with the account's default country. */
  phone?: string | null;
}

export interface KlaviyoEvent {
  id: string;
  metricId: string | null;
  /** From `include=metric`; null when Klaviyo did not include it. */
  metricName: string | null;
  /** ISO 8601 */
  datetime: string;
  /** `event_properties` as Klaviyo sent them (untrusted, any shape). */
  properties: Record<string, unknown>;
  /**
   * The campaign or flow message this event answers, when Klaviyo attributes it (`include=
   * attributions`); null when it does not; absent where events were not asked with attributions.
   */
  attribution?: EventAttribution | null;
}

export interface EventAttribution {
  campaignId: string | null;
  flowId: string | null;
  /** The outbound event (e.g. the campaign's `Received SMS`) it answers. */
  attributedEventId: string | null;
}

/** Names of attributed campaigns and flows, by id (`getAttributionNames`); a missing id is unknown. */
export interface AttributionNames {
  campaigns: Record<string, string>;
  flows: Record<string, string>;
}

/** A metric and the integration that records it (`integration.name` is e.g. `Klaviyo`, `Zendesk`). */
export interface MetricSummary {
  id: string;
  name: string;
  integration: { key: string | null; name: string | null; category: string | null } | null;
}

export type FlowStatus = 'draft' | 'manual' | 'live';

/** A flow as the Flows API answers it; `definition` only where it was asked for. */
export interface FlowSummary {
  id: string;
  name: string;
  status: FlowStatus | string;
  archived: boolean;
  triggerType: string | null;
  created: string | null;
  updated: string | null;
  definition?: unknown;
}

export interface EventPage {
  events: KlaviyoEvent[];
  /** `links.next`, to be followed verbatim for older events; null at the end. */
  nextUrl: string | null;
}

export interface NamedGroup {
  id: string;
  name: string;
}

export interface ProfileMemberships {
  lists: NamedGroup[];
  segments: NamedGroup[];
}

/** Result of the setup page's connection test. */
export interface ConnectionReport {
  ok: boolean;
  /** Klaviyo account name/id when the key works. */
  account: { id: string; name: string | null } | null;
  /** Scopes the app needs that the key lacks, named as Klaviyo names them (`events:write`). */
  missingScopes: string[];
  /** null when it could not be determined. */
  conversationsAccess: boolean | null;
}
