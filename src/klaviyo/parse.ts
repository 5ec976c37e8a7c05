/**
 * Klaviyo JSON:API responses → the model in `model.ts`. Defensive: a 2xx body whose shape is wrong
 * (not JSON, no `data`, a resource without an id) is a `KlaviyoError('malformed')`; a field that is
 * null, missing or of the wrong type becomes null. Nothing here throws anything else.
 */
import type {
  ChannelConsent,
  EventAttribution,
  EventPage,
  FlowSummary,
  MetricSummary,
  KlaviyoEvent,
  KlaviyoProfile,
  NamedGroup,
  PredictiveAnalytics,
  ProfileLocation,
  ProfileSubscriptions,
  SubscriptionState,
} from './model';
import { malformed } from './response-errors';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export interface ParsedResource {
  type: string;
  id: string;
  attributes: Obj;
  relationships: Obj;
}

export interface ParsedDocument {
  data: ParsedResource | ParsedResource[] | null;
  included: ParsedResource[];
  next: string | null;
}

function resource(value: unknown, what: string): ParsedResource {
  if (
    !isObj(value) ||
    typeof value.id !== 'string' ||
    value.id === '' ||
    typeof value.type !== 'string'
  ) {
    throw malformed(what);
  }
  return {
    type: value.type,
    id: value.id,
    attributes: obj(value.attributes),
    relationships: obj(value.relationships),
  };
}

/** The JSON:API envelope. `expect` says whether `data` must be one resource or a list. */
export function parseDocument(body: string, expect: 'one' | 'many', what: string): ParsedDocument {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw malformed(`${what} (not JSON)`);
  }
  if (!isObj(json) || !('data' in json)) throw malformed(what);
  const raw = json.data;
  let data: ParsedDocument['data'];
  if (expect === 'many') {
    if (!Array.isArray(raw)) throw malformed(what);
    data = raw.map((r) => resource(r, what));
  } else {
    if (raw === null) data = null;
    else data = resource(raw, what);
  }
  const included = Array.isArray(json.included)
    ? json.included.flatMap((r) => {
        try {
          return [resource(r, what)];
        } catch {
          return [];
        }
      })
    : [];
  const next = str(obj(json.links).next);
  return { data, included, next: next && next !== '' ? next : null };
}

export function many(doc: ParsedDocument): ParsedResource[] {
  return Array.isArray(doc.data) ? doc.data : [];
}

const STATES: Record<string, SubscriptionState> = {
  SUBSCRIBED: 'subscribed',
  UNSUBSCRIBED: 'unsubscribed',
  NEVER_SUBSCRIBED: 'never_subscribed',
  SUPPRESSED: 'suppressed',
};

function consent(value: unknown, canReceiveKey: string): ChannelConsent | null {
  if (!isObj(value)) return null;
  const state = str(value.consent);
  return {
    state: (state && STATES[state.toUpperCase()]) || 'unknown',
    canReceive: bool(value[canReceiveKey]),
    timestamp: str(value.consent_timestamp),
    method: str(value.method),
  };
}

function subscriptions(value: unknown): ProfileSubscriptions | null {
  if (!isObj(value)) return null;
  const email = obj(value.email);
  const sms = obj(value.sms);
  const emailMarketing = obj(email.marketing);
  const suppression = Array.isArray(emailMarketing.suppression) ? emailMarketing.suppression : [];
  return {
    emailMarketing: consent(email.marketing, 'can_receive_email_marketing'),
    smsMarketing: consent(sms.marketing, 'can_receive_sms_marketing'),
    smsTransactional: consent(sms.transactional, 'can_receive_sms_transactional'),
    emailSuppressions: suppression
      .map((s) => str(obj(s).reason))
      .filter((r): r is string => r !== null),
  };
}

function predictive(value: unknown): PredictiveAnalytics | null {
  if (!isObj(value)) return null;
  return {
    historicClv: num(value.historic_clv),
    predictedClv: num(value.predicted_clv),
    totalClv: num(value.total_clv),
    historicNumberOfOrders: num(value.historic_number_of_orders),
    predictedNumberOfOrders: num(value.predicted_number_of_orders),
    averageOrderValue: num(value.average_order_value),
    churnProbability: num(value.churn_probability),
    expectedDateOfNextOrder: str(value.expected_date_of_next_order),
  };
}

/**
 * The profile's `predictive_analytics`; null when Klaviyo sent none or only nulls (it has not
 * computed predictions for this profile yet).
 */
export function toPredictiveAnalytics(r: ParsedResource): PredictiveAnalytics | null {
  const result = predictive(r.attributes.predictive_analytics);
  return result && Object.values(result).some((v) => v !== null) ? result : null;
}

function location(value: unknown): ProfileLocation | null {
  if (!isObj(value)) return null;
  const result: ProfileLocation = {
    address1: str(value.address1),
    city: str(value.city),
    region: str(value.region),
    country: str(value.country),
    zip: str(value.zip),
    timezone: str(value.timezone),
  };
  return Object.values(result).some((v) => v !== null) ? result : null;
}

export function toProfile(r: ParsedResource): KlaviyoProfile {
  const a = r.attributes;
  return {
    id: r.id,
    email: str(a.email),
    phoneNumber: str(a.phone_number),
    externalId: str(a.external_id),
    firstName: str(a.first_name),
    lastName: str(a.last_name),
    organization: str(a.organization),
    location: location(a.location),
    created: str(a.created),
    updated: str(a.updated),
    lastEventDate: str(a.last_event_date),
    subscriptions: subscriptions(a.subscriptions),
    predictiveAnalytics: predictive(a.predictive_analytics),
  };
}

function relatedId(r: ParsedResource, name: string): string | null {
  const data = obj(r.relationships[name]).data;
  return isObj(data) ? str(data.id) : null;
}

function relatedIds(r: ParsedResource, name: string): string[] {
  const data = obj(r.relationships[name]).data;
  return Array.isArray(data)
    ? data.map((d) => (isObj(d) ? str(d.id) : null)).filter((id) => id !== null)
    : [];
}

/** What an included `attribution` names: the campaign or flow message the event answers. */
function toAttribution(r: ParsedResource): EventAttribution | null {
  const attribution = {
    campaignId: relatedId(r, 'campaign'),
    flowId: relatedId(r, 'flow'),
    attributedEventId: relatedId(r, 'attributed-event'),
  };
  return attribution.campaignId !== null || attribution.flowId !== null ? attribution : null;
}

export function toEventPage(doc: ParsedDocument): EventPage {
  const metricNames = new Map<string, string | null>();
  const attributions = new Map<string, EventAttribution | null>();
  for (const inc of doc.included) {
    if (inc.type === 'metric') metricNames.set(inc.id, str(inc.attributes.name));
    if (inc.type === 'attribution') attributions.set(inc.id, toAttribution(inc));
  }
  const events: KlaviyoEvent[] = [];
  for (const r of many(doc)) {
    const a = r.attributes;
    let datetime = str(a.datetime);
    if (datetime === null && num(a.timestamp) !== null) {
      datetime = new Date(num(a.timestamp)! * 1000).toISOString();
    }
    if (datetime === null || Number.isNaN(Date.parse(datetime))) continue;
    const metricId = relatedId(r, 'metric');
    events.push({
      id: r.id,
      metricId,
      metricName: metricId !== null ? (metricNames.get(metricId) ?? null) : null,
      datetime,
      properties: isObj(a.event_properties) ? a.event_properties : {},
      attribution:
        relatedIds(r, 'attributions')
          .map((id) => attributions.get(id) ?? null)
          .find((x) => x !== null) ?? null,
    });
  }
  return { events, nextUrl: doc.next };
}

export function toNamedGroups(doc: ParsedDocument): NamedGroup[] {
  return many(doc).map((r) => ({ id: r.id, name: str(r.attributes.name) ?? r.id }));
}

export function toMetricSummary(r: ParsedResource): MetricSummary {
  const i = r.attributes.integration;
  return {
    id: r.id,
    name: str(r.attributes.name) ?? r.id,
    integration: isObj(i)
      ? { key: str(i.key), name: str(i.name), category: str(i.category) }
      : null,
  };
}

export function toFlowSummary(r: ParsedResource): FlowSummary {
  const a = r.attributes;
  return {
    id: r.id,
    name: str(a.name) ?? '',
    status: str(a.status) ?? 'draft',
    archived: bool(a.archived) ?? false,
    triggerType: str(a.trigger_type),
    created: str(a.created),
    updated: str(a.updated),
    ...('definition' in a ? { definition: a.definition } : {}),
  };
}
