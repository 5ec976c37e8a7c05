/**
 * The Klaviyo stand-in's state: an account, profiles (raw Klaviyo attributes, snake_case, so a test
 * can seed any hostile or half-empty shape), metrics, events, lists, segments, campaigns,
 * conversations, flows; plus what it received (`requests`), what it accepted (`createdEvents`,
 * `conversationMessages`), every SMS it sent, skipped or received (`smsMessages`), each flow run
 * (`flowRuns`) and injected faults consumed in order.
 */
import type { FlowRun, StoredFlow } from './flows/types';
import type { SmsRecord } from './sms/types';

export type { FlowRun, StoredFlow } from './flows/types';
export type { SmsRecord } from './sms/types';

/**
 * How `{{ … }}` values are written into a `send-webhook` body (research U3: Klaviyo does not say):
 * `json` escapes them as inside a JSON string (the body stays valid JSON), `html` as Django's
 * autoescape does (`&`, `<`, `>`, `"`, `'` become entities), `raw` writes them as they are (a quote
 * in a customer's text breaks a JSON body). URLs and header values are always written raw.
 */
export type TemplateEscaping = 'json' | 'html' | 'raw';
export const TEMPLATE_ESCAPING_MODES: readonly TemplateEscaping[] = ['json', 'html', 'raw'];

export interface SeedProfile {
  id: string;
  /** Raw Klaviyo profile attributes (email, phone_number, location, subscriptions, …). */
  attributes: Record<string, unknown>;
  listIds?: string[];
  segmentIds?: string[];
  conversations?: Array<{ id: string; channel: 'sms' | 'whatsapp' | 'instagram' }>;
}

export interface SeedMetric {
  id: string;
  name: string;
  integration?: Record<string, unknown> | null;
}

export interface SeedEvent {
  id: string;
  profileId: string;
  metricId: string;
  /** ISO 8601 */
  datetime: string;
  properties: Record<string, unknown>;
  /** An outbound message's campaign or flow (its attribution target). */
  campaignId?: string;
  flowId?: string;
  /** The id of the outbound event this event answers: served as `include=attributions`. */
  attributedTo?: string;
  /** The `unique_id` it was created with (`POST /api/events`). */
  uniqueId?: string;
}

export interface SeedGroup {
  id: string;
  name: string;
}

export interface KlaviyoSeed {
  account: { id: string; organizationName: string };
  profiles: SeedProfile[];
  metrics: SeedMetric[];
  events: SeedEvent[];
  lists: SeedGroup[];
  segments: SeedGroup[];
  /** Campaigns by name (attributions name them). */
  campaigns?: SeedGroup[];
  /** Scopes the key has; null = every scope. */
  grantedScopes?: string[] | null;
  /** Whether the account has Conversations API access (403 on those endpoints otherwise). */
  conversationsEnabled?: boolean;
}

export interface KlaviyoFault {
  method: string;
  /** Matched against the URL path (`/api/profiles`); a string must match exactly. */
  path: string | RegExp;
  status?: number;
  /** Sent as the `Retry-After` header (seconds or an HTTP date). */
  retryAfter?: number | string;
  /** Drop the connection instead of answering. */
  networkError?: boolean;
  /** Wait this long first (then answer normally unless status/networkError is set). */
  delayMs?: number;
  /** Error body to send with `status` (default: Klaviyo's error shape). */
  body?: unknown;
  /** How many matching requests this fault applies to. */
  times: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  /** Query parameters, decoded. */
  query: Array<[string, string]>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when not JSON, or null. */
  body: unknown;
  /** Status the stand-in answered with (0 for a dropped connection). */
  status: number;
  /** Raw JSON body of the response ('' when none). */
  responseBody: string;
}

export interface CreatedEvent {
  metricName: string;
  profileId: string;
  uniqueId: string | null;
  properties: Record<string, unknown>;
  time: string;
  raw: unknown;
}

export interface ConversationMessage {
  id: string;
  conversationId: string;
  profileId: string;
  body: string;
  receivedAt: string;
}

export interface KlaviyoStore {
  account: KlaviyoSeed['account'];
  profiles: Map<string, SeedProfile>;
  metrics: SeedMetric[];
  events: SeedEvent[];
  lists: SeedGroup[];
  segments: SeedGroup[];
  campaigns: SeedGroup[];
  flows: Map<string, StoredFlow>;
  /** When each flow was created (ms), for the 100-a-day create limit. */
  flowCreates: number[];
  flowRuns: FlowRun[];
  /** Every SMS the stand-in received, sent, skipped or failed, oldest first. */
  smsMessages: SmsRecord[];
  templateEscaping: TemplateEscaping;
  grantedScopes: Set<string> | null;
  conversationsEnabled: boolean;
  faults: KlaviyoFault[];
  requests: RecordedRequest[];
  createdEvents: CreatedEvent[];
  /** Duplicate POST /api/events (same profile, metric and unique_id) that were answered 202 but not recorded. */
  duplicateEvents: number;
  conversationMessages: ConversationMessage[];
  addProfile(profile: SeedProfile): SeedProfile;
  addEvents(events: SeedEvent[]): void;
  /** The metric with this name, created when absent (as Klaviyo does on the first event). */
  metricNamed(name: string): SeedMetric;
  findProfiles(field: string, value: string): SeedProfile[];
  /** Clears recorded requests, created events, messages, flow runs and faults (not the data). */
  clearRecords(): void;
  nextId(prefix: string): string;
}

export function emptyKlaviyoSeed(): KlaviyoSeed {
  return {
    account: { id: 'AbC123', organizationName: 'Acme' },
    profiles: [],
    metrics: [],
    events: [],
    lists: [],
    segments: [],
    grantedScopes: null,
    conversationsEnabled: true,
  };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

export function createKlaviyoStore(seed: KlaviyoSeed = emptyKlaviyoSeed()): KlaviyoStore {
  const data = clone(seed);
  let counter = 0;
  const store: KlaviyoStore = {
    account: data.account,
    profiles: new Map(data.profiles.map((p) => [p.id, p])),
    metrics: data.metrics,
    events: data.events,
    lists: data.lists,
    segments: data.segments,
    campaigns: data.campaigns ?? [],
    flows: new Map(),
    flowCreates: [],
    flowRuns: [],
    smsMessages: [],
    templateEscaping: 'json',
    grantedScopes: data.grantedScopes ? new Set(data.grantedScopes) : null,
    conversationsEnabled: data.conversationsEnabled ?? true,
    faults: [],
    requests: [],
    createdEvents: [],
    duplicateEvents: 0,
    conversationMessages: [],
    addProfile(profile) {
      const copy = clone(profile);
      store.profiles.set(copy.id, copy);
      return copy;
    },
    addEvents(events) {
      store.events.push(...clone(events));
    },
    metricNamed(name) {
      let metric = store.metrics.find((m) => m.name === name);
      if (!metric) {
        metric = { id: store.nextId('M'), name, integration: null };
        store.metrics.push(metric);
      }
      return metric;
    },
    findProfiles(field, value) {
      const wanted = field === 'email' ? value.toLowerCase() : value;
      return [...store.profiles.values()].filter((p) => {
        if (field === 'id') return p.id === value;
        const v = p.attributes[field];
        if (typeof v !== 'string') return false;
        return (field === 'email' ? v.toLowerCase() : v) === wanted;
      });
    },
    clearRecords() {
      store.requests.length = 0;
      store.createdEvents.length = 0;
      store.conversationMessages.length = 0;
      store.smsMessages.length = 0;
      store.flowRuns.length = 0;
      store.faults.length = 0;
      store.duplicateEvents = 0;
    },
    nextId(prefix) {
      counter += 1;
      return `${prefix}${String(counter).padStart(6, '0')}${Date.now().toString(36).toUpperCase()}`;
    },
  };
  return store;
}
