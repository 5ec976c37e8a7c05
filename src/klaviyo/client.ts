/**
 * The Klaviyo API client. Plain TypeScript: every call goes through the `Transport` as a ZAF secure
 * request with the authorization placeholder the caller gives, never a key.
 */
import { QueryClient } from '@tanstack/query-core';
import type { Transport } from '../transport';
import { KlaviyoError } from './errors';
import { equalsFilter } from './filter';
import { sendKlaviyo, type HttpContext, type KlaviyoRequest } from './http';
import {
  KLAVIYO_BASE_URL,
  type RawConversationMessageCreate,
  type RawEventCreate,
} from './jsonapi';
import type {
  ConnectionReport,
  EventPage,
  KlaviyoProfile,
  MatchedBy,
  PredictiveAnalytics,
  ProfileLookup,
  ProfileMemberships,
  RequesterIdentity,
} from './model';
import type { OperationId } from './operations';
import {
  many,
  parseDocument,
  toEventPage,
  toNamedGroups,
  toPredictiveAnalytics,
  toProfile,
} from './parse';
import { toE164 } from './phone';
import { createQueryClient, metricIdQuery } from './queries';
import { DEFAULT_RETRY_POLICY, realRetryDeps, type RetryDeps, type RetryPolicy } from './retry';

export interface KlaviyoClientConfig {
  transport: Transport;
  /** The Authorization header value, e.g. `Klaviyo-API-Key {{setting.klaviyo_api_key}}`. */
  authorization: string;
  /** Shared with the UI's React Query provider; one is created when absent. */
  queryClient?: QueryClient;
  /** Namespaces cache keys per Klaviyo account (e.g. Zendesk subdomain + installation id). */
  accountKey?: string;
  /** Default `https://a.klaviyo.com`. */
  baseUrl?: string;
  /** Region for phone numbers written without a country prefix. Default `US`. */
  defaultCountry?: string;
  retryPolicy?: Partial<RetryPolicy>;
  retryDeps?: Partial<RetryDeps>;
}

export interface LookupOptions {
  defaultCountry?: string;
}

export interface SendConversationMessageInput {
  conversationId: string;
  body: string;
  /** Reuse the same key when the agent retries the same message. */
  idempotencyKey: string;
}

export interface SendResult {
  status: 'accepted';
  idempotencyKey: string;
  /** True when this key was already accepted earlier in this session and nothing was sent again. */
  duplicate: boolean;
}

export interface ReplyEventInput {
  metricName: string;
  profile: { id?: string | null; email?: string | null; phone?: string | null };
  text: string;
  ticketId: number | string;
  ticketUrl?: string | null;
  agentName?: string | null;
  /** Klaviyo keeps only the first event per profile + metric + unique_id: a retry is a no-op. */
  uniqueId: string;
}

/** Property names of the reply event, for the flow's SMS template (`{{ event.Text }}`). */
export const REPLY_EVENT_PROPERTIES = {
  text: 'Text',
  ticketId: 'TicketId',
  ticketUrl: 'TicketUrl',
  agentName: 'AgentName',
  source: 'Source',
} as const;

export interface KlaviyoClient {
  readonly accountKey: string;
  readonly queryClient: QueryClient;
  lookupProfile(identity: RequesterIdentity, options?: LookupOptions): Promise<ProfileLookup>;
  /** The agent's manual search: an email, a phone number (any format) or a Klaviyo profile id. */
  searchProfiles(query: string, options?: LookupOptions): Promise<ProfileLookup>;
  getProfile(profileId: string): Promise<KlaviyoProfile>;
  /**
   * Klaviyo's predictions for one profile (GET /api/profiles/{id}, only that field); null when
   * Klaviyo has none. The lookups leave `predictiveAnalytics` null: ask for it on demand.
   */
  getPredictiveAnalytics(profileId: string): Promise<PredictiveAnalytics | null>;
  /** Newest first, `include=metric`, one request. */
  getProfileEvents(profileId: string, options?: { pageSize?: number }): Promise<EventPage>;
  /** Follows `links.next` verbatim; refuses any URL that is not Klaviyo's events endpoint. */
  getEventsPage(nextUrl: string): Promise<EventPage>;
  /** Metric id by exact name, cached per account for a day; null when no such metric. */
  findMetricId(name: string): Promise<string | null>;
  /** The uncached lookup behind `findMetricId`. */
  loadMetricId(name: string): Promise<string | null>;
  getProfileMemberships(profileId: string): Promise<ProfileMemberships>;
  /** The profile's SMS conversation id, null when it has none. */
  getSmsConversationId(profileId: string): Promise<string | null>;
  sendConversationMessage(input: SendConversationMessageInput): Promise<SendResult>;
  createReplyEvent(input: ReplyEventInput): Promise<void>;
  testConnection(): Promise<ConnectionReport>;
}

/** Fields the sidebar shows; `subscriptions` also needs additional-fields. */
export const PROFILE_FIELDS = [
  'email',
  'phone_number',
  'external_id',
  'first_name',
  'last_name',
  'organization',
  'location',
  'created',
  'updated',
  'last_event_date',
  'subscriptions',
] as const;

/**
 * The lookup never asks for `predictive_analytics`: on GET /api/profiles that additional field
 * drops the account's limit from 75/s, 750/m to 10/s, 150/m (the spec's description of
 * get_profiles), for every agent together. Predictions are a separate request, on demand.
 */
const PROFILE_QUERY: Array<[string, string]> = [
  ['additional-fields[profile]', 'subscriptions'],
  ['fields[profile]', PROFILE_FIELDS.join(',')],
];

const PREDICTIVE_QUERY: Array<[string, string]> = [
  ['additional-fields[profile]', 'predictive_analytics'],
  ['fields[profile]', 'predictive_analytics'],
];

/** Klaviyo returns at most 200 events a page (the spec's description), whatever page[size] says. */
export const MAX_EVENTS_PAGE = 200;
const METRIC_PAGES_MAX = 10;

/** Scopes the app cannot work without, and those only the Conversations reply mode needs. */
export const REQUIRED_SCOPES = [
  'accounts:read',
  'profiles:read',
  'events:read',
  'events:write',
  'metrics:read',
  'lists:read',
  'segments:read',
] as const;
export const CONVERSATION_SCOPES = ['conversations:read', 'conversations:write'] as const;

function cleanEmail(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(text) ? text : null;
}

const PROFILE_ID = /^[0-9A-Za-z]{20,32}$/;

export function createKlaviyoClient(config: KlaviyoClientConfig): KlaviyoClient {
  const baseUrl = (config.baseUrl ?? KLAVIYO_BASE_URL).replace(/\/+$/, '');
  const baseOrigin = new URL(baseUrl).origin;
  const accountKey = config.accountKey ?? 'default';
  const queryClient = config.queryClient ?? createQueryClient();
  const ctx: HttpContext = {
    transport: config.transport,
    authorization: config.authorization,
    policy: { ...DEFAULT_RETRY_POLICY, ...config.retryPolicy },
    deps: { ...realRetryDeps, ...config.retryDeps },
  };
  const accepted = new Map<string, Promise<SendResult>>();

  function url(path: string, query: Array<[string, string]> = []): string {
    const qs = new URLSearchParams(query).toString();
    return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  function get(operationId: OperationId, target: string): Promise<string> {
    const req: KlaviyoRequest = { operationId, method: 'GET', url: target, repeatability: 'safe' };
    return sendKlaviyo(ctx, req).then((r) => r.body);
  }

  const country = (options?: LookupOptions) =>
    options?.defaultCountry ?? config.defaultCountry ?? 'US';

  async function profilesWhere(field: 'email' | 'phone_number' | 'id', value: string) {
    const body = await get(
      'get_profiles',
      url('/api/profiles', [['filter', equalsFilter(field, value)], ...PROFILE_QUERY]),
    );
    return many(parseDocument(body, 'many', 'profile list')).map(toProfile);
  }

  async function oneProfile(profileId: string, query: Array<[string, string]>) {
    const id = typeof profileId === 'string' ? profileId.trim() : '';
    if (id === '') throw new KlaviyoError('invalid-request', 'A profile id is required');
    const body = await get('get_profile', url(`/api/profiles/${encodeURIComponent(id)}`, query));
    const doc = parseDocument(body, 'one', 'profile');
    if (!doc.data || Array.isArray(doc.data))
      throw new KlaviyoError('not-found', 'No such profile', 404);
    return doc.data;
  }

  async function getProfile(profileId: string): Promise<KlaviyoProfile> {
    return toProfile(await oneProfile(profileId, PROFILE_QUERY));
  }

  async function getPredictiveAnalytics(profileId: string): Promise<PredictiveAnalytics | null> {
    return toPredictiveAnalytics(await oneProfile(profileId, PREDICTIVE_QUERY));
  }

  function result(profiles: KlaviyoProfile[], matchedBy: MatchedBy): ProfileLookup | null {
    if (profiles.length === 0) return null;
    if (profiles.length === 1) return { status: 'found', profile: profiles[0]!, matchedBy };
    return { status: 'multiple', profiles, matchedBy };
  }

  async function lookupProfile(
    identity: RequesterIdentity,
    options?: LookupOptions,
  ): Promise<ProfileLookup> {
    const linked =
      typeof identity.linkedProfileId === 'string' ? identity.linkedProfileId.trim() : '';
    if (linked !== '') {
      try {
        return { status: 'found', profile: await getProfile(linked), matchedBy: 'linked' };
      } catch (error) {
        // A linked profile that was deleted or merged away: look the requester up afresh.
        if (!(error instanceof KlaviyoError && error.kind === 'not-found')) throw error;
      }
    }
    const email = cleanEmail(identity.email);
    const phone = toE164(identity.phone, country(options));
    if (email === null && phone === null) return { status: 'no-identifier' };

    if (email !== null) {
      const byEmail = await profilesWhere('email', email);
      if (byEmail.length > 1) return { status: 'multiple', profiles: byEmail, matchedBy: 'email' };
      const match = byEmail[0];
      if (match) {
        // Klaviyo keeps phone numbers unique: when the email's profile has the requester's phone,
        // no other profile can, and one request was enough.
        if (phone === null || match.phoneNumber === phone) {
          return { status: 'found', profile: match, matchedBy: 'email' };
        }
        const others = (await profilesWhere('phone_number', phone)).filter(
          (p) => p.id !== match.id,
        );
        return others.length === 0
          ? { status: 'found', profile: match, matchedBy: 'email' }
          : { status: 'multiple', profiles: [match, ...others], matchedBy: 'email' };
      }
    }
    if (phone !== null) {
      const found = result(await profilesWhere('phone_number', phone), 'phone');
      if (found) return found;
    }
    return { status: 'none', searched: { email, phone } };
  }

  async function searchProfiles(query: string, options?: LookupOptions): Promise<ProfileLookup> {
    const text = typeof query === 'string' ? query.trim() : '';
    const email = text.includes('@') ? cleanEmail(text) : null;
    if (email !== null) {
      return (
        result(await profilesWhere('email', email), 'search') ?? {
          status: 'none',
          searched: { email, phone: null },
        }
      );
    }
    if (PROFILE_ID.test(text) && /[A-Za-z]/.test(text)) {
      return (
        result(await profilesWhere('id', text), 'search') ?? {
          status: 'none',
          searched: { email: null, phone: null },
        }
      );
    }
    const phone = text.includes('@') ? null : toE164(text, country(options));
    if (phone !== null) {
      return (
        result(await profilesWhere('phone_number', phone), 'search') ?? {
          status: 'none',
          searched: { email: null, phone },
        }
      );
    }
    return { status: 'no-identifier' };
  }

  async function getProfileEvents(
    profileId: string,
    options: { pageSize?: number } = {},
  ): Promise<EventPage> {
    const size = Math.min(
      MAX_EVENTS_PAGE,
      Math.max(1, Math.floor(options.pageSize ?? MAX_EVENTS_PAGE)),
    );
    const body = await get(
      'get_events',
      url('/api/events', [
        ['filter', equalsFilter('profile_id', profileId)],
        ['sort', '-datetime'],
        ['include', 'metric'],
        ['fields[event]', 'datetime,event_properties'],
        ['fields[metric]', 'name'],
        ['page[size]', String(size)],
      ]),
    );
    return toEventPage(parseDocument(body, 'many', 'event list'));
  }

  async function getEventsPage(nextUrl: string): Promise<EventPage> {
    let target: URL;
    try {
      target = new URL(nextUrl);
    } catch {
      throw new KlaviyoError('invalid-request', 'Refusing to follow a link that is not a URL');
    }
    if (
      target.protocol !== 'https:' ||
      target.origin !== baseOrigin ||
      target.pathname !== '/api/events'
    ) {
      throw new KlaviyoError(
        'invalid-request',
        `Refusing to follow a link outside Klaviyo's events API`,
      );
    }
    const body = await get('get_events', nextUrl);
    return toEventPage(parseDocument(body, 'many', 'event list'));
  }

  async function loadMetricId(name: string): Promise<string | null> {
    let target: string | null = url('/api/metrics', [['fields[metric]', 'name']]);
    for (let page = 0; target !== null && page < METRIC_PAGES_MAX; page++) {
      const doc = parseDocument(await get('get_metrics', target), 'many', 'metric list');
      const hit = many(doc).find((m) => m.attributes.name === name);
      if (hit) return hit.id;
      target = doc.next !== null && new URL(doc.next).origin === baseOrigin ? doc.next : null;
    }
    return null;
  }

  async function getProfileMemberships(profileId: string): Promise<ProfileMemberships> {
    const id = encodeURIComponent(profileId);
    const [lists, segments] = await Promise.all([
      get('get_lists_for_profile', url(`/api/profiles/${id}/lists`, [['fields[list]', 'name']])),
      get(
        'get_segments_for_profile',
        url(`/api/profiles/${id}/segments`, [['fields[segment]', 'name']]),
      ),
    ]);
    return {
      lists: toNamedGroups(parseDocument(lists, 'many', 'list memberships')),
      segments: toNamedGroups(parseDocument(segments, 'many', 'segment memberships')),
    };
  }

  async function getSmsConversationId(profileId: string): Promise<string | null> {
    const body = await get(
      'get_conversations_for_profile',
      url(`/api/profiles/${encodeURIComponent(profileId)}/conversations`, [
        ['fields[conversation]', 'channel'],
      ]),
    );
    const sms = many(parseDocument(body, 'many', 'conversation list')).find(
      (c) =>
        typeof c.attributes.channel === 'string' && c.attributes.channel.toLowerCase() === 'sms',
    );
    return sms?.id ?? null;
  }

  function sendConversationMessage(input: SendConversationMessageInput): Promise<SendResult> {
    const key = typeof input.idempotencyKey === 'string' ? input.idempotencyKey.trim() : '';
    if (key === '') {
      return Promise.reject(new KlaviyoError('invalid-request', 'An idempotency key is required'));
    }
    if (typeof input.body !== 'string' || input.body.trim() === '') {
      return Promise.reject(new KlaviyoError('invalid-request', 'The message is empty'));
    }
    if (typeof input.conversationId !== 'string' || input.conversationId.trim() === '') {
      return Promise.reject(new KlaviyoError('invalid-request', 'A conversation id is required'));
    }
    const earlier = accepted.get(key);
    if (earlier) return earlier.then((r) => ({ ...r, duplicate: true }));
    const body: RawConversationMessageCreate = {
      data: {
        type: 'conversation-message',
        attributes: { body: input.body },
        relationships: {
          conversation: { data: { type: 'conversation', id: input.conversationId } },
        },
      },
    };
    const sending = sendKlaviyo(ctx, {
      operationId: 'create_conversation_message',
      method: 'POST',
      url: url('/api/conversation-messages'),
      body,
      // Klaviyo declares no idempotency header for this endpoint: never repeat it on our own.
      repeatability: 'once',
    }).then((): SendResult => ({ status: 'accepted', idempotencyKey: key, duplicate: false }));
    accepted.set(key, sending);
    // Only an accepted message is remembered; a failed one may be retried with the same key.
    sending.catch(() => accepted.delete(key));
    return sending;
  }

  async function createReplyEvent(input: ReplyEventInput): Promise<void> {
    const id = input.profile.id?.trim() || undefined;
    const email = cleanEmail(input.profile.email) ?? undefined;
    const phone = toE164(input.profile.phone, config.defaultCountry ?? 'US') ?? undefined;
    if (!id && !email && !phone) {
      throw new KlaviyoError(
        'invalid-request',
        'The reply event needs a profile id, email or phone',
      );
    }
    if (!input.uniqueId?.trim())
      throw new KlaviyoError('invalid-request', 'A unique id is required');
    if (!input.metricName?.trim())
      throw new KlaviyoError('invalid-request', 'A metric name is required');
    const P = REPLY_EVENT_PROPERTIES;
    const properties: Record<string, unknown> = {
      [P.text]: input.text,
      [P.ticketId]: String(input.ticketId),
      [P.source]: 'Zendesk',
    };
    if (input.ticketUrl) properties[P.ticketUrl] = input.ticketUrl;
    if (input.agentName) properties[P.agentName] = input.agentName;
    const body: RawEventCreate = {
      data: {
        type: 'event',
        attributes: {
          properties,
          time: new Date(ctx.deps.now()).toISOString(),
          unique_id: input.uniqueId,
          metric: { data: { type: 'metric', attributes: { name: input.metricName.trim() } } },
          profile: {
            data: {
              type: 'profile',
              ...(id ? { id } : {}),
              attributes: {
                ...(email ? { email } : {}),
                ...(phone ? { phone_number: phone } : {}),
              },
            },
          },
        },
      },
    };
    await sendKlaviyo(ctx, {
      operationId: 'create_event',
      method: 'POST',
      url: url('/api/events'),
      body,
      // Klaviyo records one event per profile, metric and unique_id: repeating it is harmless.
      repeatability: 'safe',
    });
  }

  async function testConnection(): Promise<ConnectionReport> {
    const missing = new Set<string>();
    let account: ConnectionReport['account'] = null;
    const probe = async (operationId: OperationId, target: string): Promise<string | null> => {
      try {
        return await get(operationId, target);
      } catch (error) {
        if (
          error instanceof KlaviyoError &&
          (error.kind === 'missing-scope' || error.kind === 'conversations-unavailable')
        ) {
          if (error.scope) missing.add(error.scope);
          return null;
        }
        throw error;
      }
    };
    try {
      const body = await probe(
        'get_accounts',
        url('/api/accounts', [['fields[account]', 'contact_information.organization_name']]),
      );
      if (body !== null) {
        const first = many(parseDocument(body, 'many', 'account list'))[0];
        if (first) {
          const info = first.attributes.contact_information as {
            organization_name?: unknown;
          } | null;
          const name =
            info && typeof info.organization_name === 'string' ? info.organization_name : null;
          account = { id: first.id, name };
        }
      }
    } catch (error) {
      if (error instanceof KlaviyoError && error.kind === 'bad-key') {
        return { ok: false, account: null, missingScopes: [], conversationsAccess: null };
      }
      throw error;
    }
    const profilesBody = await probe(
      'get_profiles',
      url('/api/profiles', [
        ['fields[profile]', 'email'],
        ['page[size]', '1'],
      ]),
    );
    await Promise.all([
      probe(
        'get_events',
        url('/api/events', [
          ['fields[event]', 'datetime'],
          ['page[size]', '1'],
        ]),
      ),
      probe('get_metrics', url('/api/metrics', [['fields[metric]', 'name']])),
      probe(
        'get_lists',
        url('/api/lists', [
          ['fields[list]', 'name'],
          ['page[size]', '1'],
        ]),
      ),
      probe(
        'get_segments',
        url('/api/segments', [
          ['fields[segment]', 'name'],
          ['page[size]', '1'],
        ]),
      ),
    ]);
    let conversationsAccess: boolean | null = null;
    const someProfile = profilesBody
      ? many(parseDocument(profilesBody, 'many', 'profile list'))[0]
      : undefined;
    if (someProfile) {
      const ids = await probe(
        'get_conversation_ids_for_profile',
        url(`/api/profiles/${encodeURIComponent(someProfile.id)}/relationships/conversations`),
      );
      conversationsAccess = ids !== null;
    }
    const missingScopes = [...missing].sort();
    const ok =
      account !== null &&
      !missingScopes.some((s) => (REQUIRED_SCOPES as readonly string[]).includes(s));
    return { ok, account, missingScopes, conversationsAccess };
  }

  const client: KlaviyoClient = {
    accountKey,
    queryClient,
    lookupProfile,
    searchProfiles,
    getProfile,
    getPredictiveAnalytics,
    getProfileEvents,
    getEventsPage,
    findMetricId: (name) => queryClient.fetchQuery(metricIdQuery(client, name)),
    loadMetricId,
    getProfileMemberships,
    getSmsConversationId,
    sendConversationMessage,
    createReplyEvent,
    testConnection,
  };
  return client;
}
