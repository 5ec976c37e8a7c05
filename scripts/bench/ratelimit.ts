/**
 * Rate-limit budget: a pure model of how many Klaviyo requests a support team's sidebars send per
 * minute, per endpoint, against the account-wide limits (a private key's quota is shared by every
 * agent). No I/O: the caller passes the limits table text (../shared/klaviyo-openapi/README.md).
 *
 * What a ticket view costs follows the app's caching (src/klaviyo/queries.ts): a cold view looks the
 * profile up (one GET /api/profiles, a second when the email's profile has a different phone) and
 * loads the latest events (one GET /api/events). The cache lives in the agent's own browser, so only
 * the same agent reopening a requester saves requests, and only within each query's fresh window;
 * after it the data is shown at once and revalidated in the background, which costs a request again.
 * Conversations endpoints are touched only when an agent sends. The lookup never asks for
 * predictive analytics (on GET /api/profiles that field cuts the limit to 10/s, 150/m): the agent
 * opens them in some views, one GET /api/profiles/{id}, which Klaviyo limits as its own endpoint
 * (get_profile), cached an hour in that agent's browser.
 */
import {
  DEFAULT_RETRY_POLICY,
  EVENTS_STALE_MS,
  KLAVIYO_OPERATIONS,
  PREDICTIVE_STALE_MS,
  PROFILE_STALE_MS,
} from '../../src/klaviyo';

export interface EndpointLimit {
  operationId: string;
  method: string;
  path: string;
  burstPerSecond: number;
  steadyPerMinute: number;
}

export interface LimitsSource {
  limits: EndpointLimit[];
  source: 'readme' | 'fallback';
  note: string | null;
}

function parseRate(text: string, unit: 's' | 'm'): number | null {
  const m = new RegExp(`(\\d+)\\s*/\\s*${unit}\\b`).exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Rows of the markdown table `| operation | path | limit | scope |` whose limit reads like
 * `75/s, 750/m`; rows that do not parse are skipped.
 */
export function parseLimitsTable(markdown: string): EndpointLimit[] {
  const limits: EndpointLimit[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const cells = line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
    if (cells.length < 3) continue;
    const [operationId, route, limit] = cells as [string, string, string];
    if (!/^[a-z_]+$/.test(operationId)) continue;
    const routeMatch = /^(GET|POST|PUT|PATCH|DELETE)\s+(\/\S+)$/.exec(route);
    if (!routeMatch) continue;
    const burst = parseRate(limit, 's');
    const steady = parseRate(limit, 'm');
    if (burst === null || steady === null) continue;
    limits.push({
      operationId,
      method: routeMatch[1]!,
      path: routeMatch[2]!,
      burstPerSecond: burst,
      steadyPerMinute: steady,
    });
  }
  return limits;
}

/** The limits the app itself declares (src/klaviyo/operations.ts, checked against the spec). */
export function fallbackLimits(): EndpointLimit[] {
  return KLAVIYO_OPERATIONS.map((op) => ({
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    burstPerSecond: parseRate(op.rateLimit.burst, 's') ?? 0,
    steadyPerMinute: parseRate(op.rateLimit.steady, 'm') ?? 0,
  }));
}

/**
 * The README's table when it is there and readable, else the app's constants, with a note. An
 * operation the app calls that the table lacks (get_profile, for the linked-profile lookup and the
 * on-demand predictive analytics) takes the app's declared limit, which the contract test checks
 * against the spec's `x-klaviyo-ratelimit`; the note names those.
 */
export function loadLimits(markdown: string | null): LimitsSource {
  if (markdown !== null) {
    const limits = parseLimitsTable(markdown);
    if (limits.length > 0) {
      const listed = new Set(limits.map((l) => l.operationId));
      const added = fallbackLimits().filter((l) => !listed.has(l.operationId));
      return {
        limits: [...limits, ...added],
        source: 'readme',
        note:
          added.length === 0
            ? null
            : `${added.map((l) => l.operationId).join(', ')} not in the table of ../shared/klaviyo-openapi/README.md; used the limits declared in src/klaviyo/operations.ts (checked against the spec)`,
      };
    }
    return {
      limits: fallbackLimits(),
      source: 'fallback',
      note: 'the limits table in ../shared/klaviyo-openapi/README.md has no readable rows; used the limits declared in src/klaviyo/operations.ts',
    };
  }
  return {
    limits: fallbackLimits(),
    source: 'fallback',
    note: '../shared/klaviyo-openapi/README.md is absent; used the limits declared in src/klaviyo/operations.ts',
  };
}

export interface TeamModel {
  agents: number;
  /** Ticket views each agent opens per minute. */
  viewsPerAgentPerMinute: number;
  /** Share (0–1) of views that reopen a requester the same agent viewed before (tab switches,
   *  follow-ups). Repeat customers served by another agent share nothing: the cache is per browser. */
  repeatShare: number;
  /** Mean time between a view and the same agent's revisit (exponentially distributed). */
  meanRevisitGapMs: number;
  /** Fresh windows of the app's caches. */
  profileFreshMs: number;
  eventsFreshMs: number;
  /** Share of cold lookups that need a second GET /api/profiles (email profile, different phone). */
  secondLookupShare: number;
  /** SMS replies sent per ticket view. */
  repliesPerView: number;
  replyMode: 'conversations' | 'flow';
  /** Share of replies that must look the SMS conversation up first (the first reply in a view). */
  conversationLookupShare: number;
  /** GET /api/events the sidebar sends after a reply to show it in the thread. */
  eventsRefetchPerReply: number;
  /** POST /api/events that Zendesk's webhooks send per new ticket (Opened + Resolved Ticket),
   *  with the same key, so they count against the same quota. */
  metricEventsPerNewTicket: number;
  /** Share (0–1) of views in which the agent opens "lifetime value and churn risk": one
   *  GET /api/profiles/{id} for predictive analytics, unless that agent loaded them within the
   *  fresh window. */
  predictiveShare: number;
  predictiveFreshMs: number;
  /** The sidebar refetches on every re-activation whatever the fresh window (as measured when the
   *  bench sees requests on a warm view); then a revisit costs what a cold view does. */
  revisitsRefetch: boolean;
}

export function defaultTeamModel(agents: number): TeamModel {
  return {
    agents,
    viewsPerAgentPerMinute: 1,
    repeatShare: 0.3,
    meanRevisitGapMs: 3 * 60_000,
    profileFreshMs: PROFILE_STALE_MS,
    eventsFreshMs: EVENTS_STALE_MS,
    secondLookupShare: 0.05,
    repliesPerView: 0.2,
    replyMode: 'conversations',
    conversationLookupShare: 1,
    eventsRefetchPerReply: 1,
    metricEventsPerNewTicket: 2,
    predictiveShare: 0.1,
    predictiveFreshMs: PREDICTIVE_STALE_MS,
    revisitsRefetch: false,
  };
}

/** Probability that a revisit comes after the fresh window, i.e. costs a request again. */
export function revisitMissShare(freshMs: number, meanGapMs: number): number {
  if (meanGapMs <= 0) return 0;
  if (freshMs <= 0) return 1;
  return Math.exp(-freshMs / meanGapMs);
}

/** Requests per ticket view (averaged over cold and repeat views), by operation id. */
export function requestsPerView(m: TeamModel): Record<string, number> {
  const cold = 1 - m.repeatShare;
  const miss = (freshMs: number) =>
    m.revisitsRefetch ? 1 : revisitMissShare(freshMs, m.meanRevisitGapMs);
  const profileMiss = cold + m.repeatShare * miss(m.profileFreshMs);
  const eventsMiss = cold + m.repeatShare * miss(m.eventsFreshMs);
  const out: Record<string, number> = {
    get_profiles: profileMiss * (1 + m.secondLookupShare),
    get_events: eventsMiss + m.repliesPerView * m.eventsRefetchPerReply,
    create_event: cold * m.metricEventsPerNewTicket,
  };
  if (m.predictiveShare > 0) {
    out.get_profile = m.predictiveShare * (cold + m.repeatShare * miss(m.predictiveFreshMs));
  }
  if (m.replyMode === 'conversations') {
    out.get_conversations_for_profile = m.repliesPerView * m.conversationLookupShare;
    out.create_conversation_message = m.repliesPerView;
  } else {
    out.create_event = (out.create_event ?? 0) + m.repliesPerView;
  }
  return out;
}

/** P(Poisson(lambda) > k): the share of seconds busier than a burst limit of k. */
export function poissonTail(lambda: number, k: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 500) {
    const z = (k + 0.5 - lambda) / Math.sqrt(lambda);
    // Abramowitz–Stegun approximation of the normal upper tail.
    const t = 1 / (1 + 0.2316419 * Math.abs(z));
    const d = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const tail =
      d *
      t *
      (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    return z >= 0 ? tail : 1 - tail;
  }
  let p = Math.exp(-lambda);
  let cumulative = p;
  for (let i = 1; i <= k; i++) {
    p *= lambda / i;
    cumulative += p;
  }
  return Math.max(0, 1 - cumulative);
}

/** Smallest k with P(Poisson(lambda) <= k) >= q: the busiest second one can expect. */
export function poissonQuantile(lambda: number, q: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 500) {
    // Normal approximation where the series would underflow.
    const z = q >= 0.999 ? 3.09 : q >= 0.99 ? 2.33 : 1.65;
    return Math.ceil(lambda + z * Math.sqrt(lambda));
  }
  let p = Math.exp(-lambda);
  let cumulative = p;
  let k = 0;
  while (cumulative < q && k < 100_000) {
    k += 1;
    p *= lambda / k;
    cumulative += p;
  }
  return k;
}

export interface EndpointBudget {
  operationId: string;
  route: string;
  perMinute: number;
  steadyLimitPerMinute: number;
  /** (limit − demand) / limit in %; negative when over. */
  steadyHeadroomPct: number;
  /** The busiest second at the 99.9th percentile, with views arriving at random. */
  peakPerSecond: number;
  burstLimitPerSecond: number;
  burstHeadroomPct: number;
  /** Share of seconds (%) busier than the burst limit: those get short 429s. */
  burstExceedPct: number;
  /** Agents this endpoint's steady limit can serve with the same habits. */
  maxAgents: number;
  withinLimits: boolean;
}

export interface ScenarioResult {
  agents: number;
  viewsPerMinute: number;
  endpoints: EndpointBudget[];
  withinLimits: boolean;
  /** Share of this load's requests Klaviyo would refuse at the tightest endpoint (0 when within). */
  throttledShare: number;
  throttledEndpoint: string | null;
}

const pct = (limit: number, demand: number) =>
  limit > 0 ? Math.round(((limit - demand) / limit) * 1000) / 10 : -Infinity;

export function simulate(model: TeamModel, limits: EndpointLimit[]): ScenarioResult {
  const perView = requestsPerView(model);
  const viewsPerMinute = model.agents * model.viewsPerAgentPerMinute;
  const endpoints: EndpointBudget[] = [];
  for (const [operationId, rate] of Object.entries(perView)) {
    const limit = limits.find((l) => l.operationId === operationId);
    const perMinute = rate * viewsPerMinute;
    const perAgentPerMinute = rate * model.viewsPerAgentPerMinute;
    const peak = poissonQuantile(perMinute / 60, 0.999);
    const steadyLimit = limit?.steadyPerMinute ?? 0;
    const burstLimit = limit?.burstPerSecond ?? 0;
    endpoints.push({
      operationId,
      route: limit ? `${limit.method} ${limit.path}` : operationId,
      perMinute: Math.round(perMinute * 10) / 10,
      steadyLimitPerMinute: steadyLimit,
      steadyHeadroomPct: pct(steadyLimit, perMinute),
      peakPerSecond: peak,
      burstLimitPerSecond: burstLimit,
      burstHeadroomPct: pct(burstLimit, peak),
      burstExceedPct: Math.round(poissonTail(perMinute / 60, burstLimit) * 100_000) / 1000,
      maxAgents: perAgentPerMinute > 0 ? Math.floor(steadyLimit / perAgentPerMinute) : Infinity,
      // Within: the steady limit holds and fewer than 1 second in 1000 is over the burst limit.
      withinLimits: perMinute <= steadyLimit && poissonTail(perMinute / 60, burstLimit) < 0.001,
    });
  }
  let throttledShare = 0;
  let throttledEndpoint: string | null = null;
  for (const e of endpoints) {
    const over =
      e.perMinute > 0 ? Math.max(0, e.perMinute - e.steadyLimitPerMinute) / e.perMinute : 0;
    if (over > throttledShare) {
      throttledShare = Math.round(over * 1000) / 1000;
      throttledEndpoint = e.operationId;
    }
  }
  return {
    agents: model.agents,
    viewsPerMinute,
    endpoints,
    withinLimits: endpoints.every((e) => e.withinLimits),
    throttledShare,
    throttledEndpoint,
  };
}

export interface ThrottlePolicy {
  /** Retries per request at most, each only after Klaviyo's Retry-After. */
  maxRetries: number;
  /** Longest Retry-After the client sits out for the agent; longer ones surface as a notice. */
  maxRetryAfterSeconds: number;
  /** Requests one view can cause in the worst case while throttled (first try + retries). */
  worstCaseAttemptsPerRequest: number;
  summary: string;
}

/** What the app does on 429, from its retry policy (src/klaviyo/retry.ts). */
export function throttlePolicy(policy = DEFAULT_RETRY_POLICY): ThrottlePolicy {
  return {
    maxRetries: policy.maxRetries,
    maxRetryAfterSeconds: policy.maxRetryAfterSeconds,
    worstCaseAttemptsPerRequest: 1 + policy.maxRetries,
    summary:
      `On 429 the client waits the Retry-After (up to ${policy.maxRetryAfterSeconds} s, at most ` +
      `${policy.maxRetries} retries); a longer wait is not sat out: the sidebar keeps cached data, ` +
      `says when it will try again and refetches once then. Sends are never repeated on their own.`,
  };
}
