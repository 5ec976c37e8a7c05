/**
 * MSW 2 handlers that answer like Klaviyo's API (revision 2026-07-15) for exactly the endpoints the
 * app's client uses: JSON:API shapes, sparse fieldsets, `include=metric`, cursor paging through
 * `links.next`, Klaviyo's error bodies, the `revision` and `Authorization` headers required, and the
 * store's injected faults. Used by Jest (msw/node) and by the local workspace (getResponse).
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { FilterError, parseFilter, type Condition } from './filter';
import type { KlaviyoStore, RecordedRequest, SeedEvent, SeedGroup, SeedProfile } from './store';

export interface KlaviyoHandlerOptions {
  baseUrl?: string;
  /** Added to every answer, to make loading states visible in the workspace. */
  latencyMs?: number;
  /** The only key accepted; when absent any non-placeholder `Klaviyo-API-Key …` is. */
  apiKey?: string;
}

const JSON_API = 'application/vnd.api+json';
const MAX_EVENTS_PAGE = 200;
const METRICS_PAGE = 200;

type Query = URLSearchParams;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly parameter?: string,
  ) {
    super(detail);
  }
}

const invalid = (detail: string, parameter?: string) =>
  new ApiError(400, 'invalid', 'Invalid input.', detail, parameter);

function errorBody(e: ApiError) {
  return {
    errors: [
      {
        id: crypto.randomUUID(),
        status: e.status,
        code: e.code,
        title: e.title,
        detail: e.detail,
        source: e.parameter ? { parameter: e.parameter } : { pointer: '/data/' },
      },
    ],
  };
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new HttpResponse(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_API, ...headers },
  });
}

// ---- what each route accepts (a subset of the spec's declared parameters) ----

const PROFILE_FIELDS = new Set([
  'created',
  'email',
  'external_id',
  'first_name',
  'id',
  'image',
  'last_event_date',
  'last_name',
  'locale',
  'location',
  'organization',
  'phone_number',
  'predictive_analytics',
  'properties',
  'subscriptions',
  'title',
  'updated',
]);
const ROUTE_PARAMS: Record<string, Record<string, (v: string) => boolean>> = {
  accounts: { 'fields[account]': () => true },
  profiles: {
    filter: () => true,
    'fields[profile]': (v) => list(v).every((f) => PROFILE_FIELDS.has(f.split('.')[0]!)),
    'additional-fields[profile]': (v) =>
      list(v).every((f) => f === 'subscriptions' || f === 'predictive_analytics'),
    'page[size]': (v) => intIn(v, 1, 100),
    'page[cursor]': () => true,
    sort: (v) =>
      ['created', '-created', 'email', '-email', 'id', '-id', 'updated', '-updated'].includes(v),
  },
  profile: {
    'fields[profile]': (v) => list(v).every((f) => PROFILE_FIELDS.has(f.split('.')[0]!)),
    'additional-fields[profile]': (v) =>
      list(v).every((f) => f === 'subscriptions' || f === 'predictive_analytics'),
  },
  events: {
    filter: () => true,
    sort: (v) => ['datetime', '-datetime', 'timestamp', '-timestamp'].includes(v),
    include: (v) => list(v).every((f) => ['metric', 'profile', 'attributions'].includes(f)),
    'fields[event]': (v) =>
      list(v).every((f) => ['datetime', 'event_properties', 'id', 'timestamp', 'uuid'].includes(f)),
    'fields[metric]': (v) =>
      list(v).every((f) => ['created', 'id', 'integration', 'name', 'updated'].includes(f)),
    'page[size]': (v) => intIn(v, 1, 1000),
    'page[cursor]': () => true,
  },
  metrics: {
    'fields[metric]': (v) =>
      list(v).every((f) => ['created', 'id', 'integration', 'name', 'updated'].includes(f)),
    'page[cursor]': () => true,
  },
  lists: {
    'fields[list]': (v) =>
      list(v).every((f) => ['created', 'id', 'name', 'opt_in_process', 'updated'].includes(f)),
    'page[size]': (v) => intIn(v, 1, 10),
  },
  segments: {
    'fields[segment]': (v) =>
      list(v).every((f) =>
        ['created', 'id', 'is_active', 'is_processing', 'is_starred', 'name', 'updated'].includes(
          f,
        ),
      ),
    'page[size]': (v) => intIn(v, 1, 10),
  },
  profileConversations: {
    'fields[conversation]': (v) => list(v).every((f) => f === 'channel' || f === 'id'),
  },
  none: {},
};
ROUTE_PARAMS.profileLists = { 'fields[list]': ROUTE_PARAMS.lists!['fields[list]']! };
ROUTE_PARAMS.profileSegments = { 'fields[segment]': ROUTE_PARAMS.segments!['fields[segment]']! };

function list(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function intIn(v: string, min: number, max: number): boolean {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max;
}

function checkParams(query: Query, route: string): void {
  const allowed = ROUTE_PARAMS[route] ?? {};
  for (const [name, value] of query) {
    const check = allowed[name];
    if (!check) throw invalid(`'${name}' is not a valid parameter for this endpoint.`, name);
    if (!check(value)) throw invalid(`Invalid value for '${name}': '${value}'.`, name);
  }
}

// ---- scopes (x-klaviyo-scopes of the spec) ----

const ROUTE_SCOPES: Record<string, string[]> = {
  accounts: ['accounts:read'],
  profiles: ['profiles:read'],
  profile: ['profiles:read'],
  events: ['events:read'],
  createEvent: ['events:write'],
  metrics: ['metrics:read'],
  lists: ['lists:read'],
  segments: ['segments:read'],
  profileLists: ['lists:read', 'profiles:read'],
  profileSegments: ['profiles:read', 'segments:read'],
  profileConversations: ['conversations:read', 'profiles:read'],
  profileConversationIds: ['conversations:read', 'profiles:read'],
  createConversationMessage: ['conversations:write'],
};

// ---- serialisation ----

function sparse(
  attributes: Record<string, unknown>,
  fields: string | null,
): Record<string, unknown> {
  if (fields === null) return attributes;
  const wanted = list(fields);
  const out: Record<string, unknown> = {};
  for (const f of wanted) {
    const [top, ...rest] = f.split('.');
    if (!(top! in attributes)) continue;
    if (rest.length === 0) {
      out[top!] = attributes[top!];
      continue;
    }
    // Nested sparse field (`contact_information.organization_name`): copy just that leaf.
    let src: unknown = attributes[top!];
    const path = rest;
    const target = (out[top!] ??= {}) as Record<string, unknown>;
    let dst = target;
    for (let k = 0; k < path.length; k++) {
      if (src === null || typeof src !== 'object') break;
      const key = path[k]!;
      const next = (src as Record<string, unknown>)[key];
      if (k === path.length - 1) dst[key] = next;
      else {
        dst = (dst[key] ??= {}) as Record<string, unknown>;
        src = next;
      }
    }
  }
  return out;
}

function profileResource(base: string, p: SeedProfile, query: Query) {
  const additional = new Set(list(query.get('additional-fields[profile]') ?? ''));
  const attributes: Record<string, unknown> = { ...p.attributes };
  if (!additional.has('subscriptions')) delete attributes.subscriptions;
  if (!additional.has('predictive_analytics')) delete attributes.predictive_analytics;
  const fields = query.get('fields[profile]');
  const shown = sparse(attributes, fields);
  // additional-fields are returned even when the sparse fieldset does not name them.
  for (const extra of ['subscriptions', 'predictive_analytics'] as const) {
    if (additional.has(extra) && extra in attributes) shown[extra] = attributes[extra];
  }
  return {
    type: 'profile',
    id: p.id,
    attributes: shown,
    links: { self: `${base}/api/profiles/${p.id}/` },
  };
}

function metricResource(
  base: string,
  m: { id: string; name: string; integration?: unknown },
  fields: string | null,
) {
  const attributes = sparse(
    {
      name: m.name,
      created: '2024-01-01T00:00:00+00:00',
      updated: '2024-01-01T00:00:00+00:00',
      integration: m.integration ?? null,
    },
    fields,
  );
  return { type: 'metric', id: m.id, attributes, links: { self: `${base}/api/metrics/${m.id}/` } };
}

function eventResource(base: string, e: SeedEvent, fields: string | null) {
  const attributes = sparse(
    {
      timestamp: Math.floor(Date.parse(e.datetime) / 1000),
      event_properties: e.properties,
      datetime: e.datetime,
      uuid: e.id,
    },
    fields,
  );
  const rel = (type: string, id: string, name: string) => ({
    data: { type, id },
    links: {
      self: `${base}/api/events/${e.id}/relationships/${name}/`,
      related: `${base}/api/events/${e.id}/${name}/`,
    },
  });
  return {
    type: 'event',
    id: e.id,
    attributes,
    relationships: {
      profile: rel('profile', e.profileId, 'profile'),
      metric: rel('metric', e.metricId, 'metric'),
    },
    links: { self: `${base}/api/events/${e.id}/` },
  };
}

function groupResource(
  base: string,
  type: 'list' | 'segment',
  g: { id: string; name: string },
  fields: string | null,
) {
  const attributes = sparse(
    { name: g.name, created: '2024-01-01T00:00:00+00:00', updated: '2024-01-01T00:00:00+00:00' },
    fields,
  );
  return { type, id: g.id, attributes, links: { self: `${base}/api/${type}s/${g.id}/` } };
}

function encodeCursor(offset: number): string {
  return btoa(`o:${offset}`).replace(/=+$/, '');
}

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  try {
    const m = /^o:(\d+)$/.exec(atob(cursor));
    if (m) return Number(m[1]);
  } catch {
    // fall through
  }
  throw invalid('Invalid page cursor.', 'page[cursor]');
}

function page<T>(
  items: T[],
  url: URL,
  size: number,
): { slice: T[]; links: { self: string; next?: string } } {
  const offset = decodeCursor(url.searchParams.get('page[cursor]'));
  const slice = items.slice(offset, offset + size);
  const links: { self: string; next?: string } = { self: url.toString() };
  if (offset + size < items.length) {
    const next = new URL(url.toString());
    next.searchParams.set('page[cursor]', encodeCursor(offset + size));
    links.next = next.toString();
  }
  return { slice, links };
}

// ---- filters ----

const PROFILE_FILTER_FIELDS = new Set(['id', 'email', 'phone_number', 'external_id']);

function conditions(query: Query): Condition[] {
  const text = query.get('filter');
  if (text === null) return [];
  try {
    return parseFilter(text);
  } catch (error) {
    throw invalid(error instanceof FilterError ? error.message : 'Invalid filter.', 'filter');
  }
}

function profilesMatching(store: KlaviyoStore, query: Query): SeedProfile[] {
  let result = [...store.profiles.values()];
  for (const c of conditions(query)) {
    if (!PROFILE_FILTER_FIELDS.has(c.field) || (c.op !== 'equals' && c.op !== 'any')) {
      throw invalid(`'${c.op}' is not a valid operator for the field '${c.field}'.`, 'filter');
    }
    const values = c.value === null ? [] : Array.isArray(c.value) ? c.value : [c.value];
    if (c.op === 'any' && !Array.isArray(c.value))
      throw invalid(`'any' needs a list of values.`, 'filter');
    const ids = new Set(values.flatMap((v) => store.findProfiles(c.field, v).map((p) => p.id)));
    result = result.filter((p) => ids.has(p.id));
  }
  return result;
}

function eventsMatching(store: KlaviyoStore, query: Query): SeedEvent[] {
  let result = [...store.events];
  for (const c of conditions(query)) {
    const v = typeof c.value === 'string' ? c.value : null;
    if (c.field === 'profile_id' && c.op === 'equals' && v !== null) {
      result = result.filter((e) => e.profileId === v);
    } else if (c.field === 'metric_id' && c.op === 'equals' && v !== null) {
      result = result.filter((e) => e.metricId === v);
    } else if (
      c.field === 'datetime' &&
      v !== null &&
      ['greater-than', 'greater-or-equal', 'less-than', 'less-or-equal'].includes(c.op)
    ) {
      const t = Date.parse(v);
      if (Number.isNaN(t)) throw invalid(`Invalid datetime '${v}'.`, 'filter');
      result = result.filter((e) => {
        const d = Date.parse(e.datetime);
        return c.op === 'greater-than'
          ? d > t
          : c.op === 'greater-or-equal'
            ? d >= t
            : c.op === 'less-than'
              ? d < t
              : d <= t;
      });
    } else {
      throw invalid(`'${c.op}' is not a valid operator for the field '${c.field}'.`, 'filter');
    }
  }
  const sort = query.get('sort') ?? 'datetime';
  const dir = sort.startsWith('-') ? -1 : 1;
  return result.sort(
    (a, b) => dir * (Date.parse(a.datetime) - Date.parse(b.datetime)) || a.id.localeCompare(b.id),
  );
}

// ---- bodies ----

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function readBody(body: unknown): Obj {
  if (!isObj(body) || !isObj(body.data))
    throw invalid('The request body must be a JSON:API document with data.');
  return body.data;
}

function createEvent(store: KlaviyoStore, body: unknown): void {
  const data = readBody(body);
  if (data.type !== 'event') throw invalid("'type' must be 'event'.");
  const a = isObj(data.attributes) ? data.attributes : null;
  if (!a) throw invalid("'attributes' is required.");
  if (!isObj(a.properties)) throw invalid("'properties' is required and must be an object.");
  const metricName =
    isObj(a.metric) && isObj(a.metric.data) && isObj(a.metric.data.attributes)
      ? a.metric.data.attributes.name
      : null;
  if (typeof metricName !== 'string' || metricName.trim() === '')
    throw invalid("The metric 'name' is required.");
  const pd = isObj(a.profile) && isObj(a.profile.data) ? a.profile.data : null;
  if (!pd || pd.type !== 'profile' || !isObj(pd.attributes))
    throw invalid("'profile' with attributes is required.");
  const id = typeof pd.id === 'string' && pd.id !== '' ? pd.id : null;
  const email = typeof pd.attributes.email === 'string' ? pd.attributes.email : null;
  const phone = typeof pd.attributes.phone_number === 'string' ? pd.attributes.phone_number : null;
  if (!id && !email && !phone)
    throw invalid('A profile identifier (id, email or phone_number) is required.');
  if (phone !== null && !/^\+[1-9]\d{6,14}$/.test(phone))
    throw invalid(`Invalid phone number '${phone}'.`);
  let profile: SeedProfile | undefined;
  if (id) {
    profile = store.profiles.get(id);
    if (!profile) throw invalid(`Profile '${id}' does not exist.`);
  } else {
    profile =
      (email ? store.findProfiles('email', email)[0] : undefined) ??
      (phone ? store.findProfiles('phone_number', phone)[0] : undefined);
    profile ??= store.addProfile({
      id: store.nextId('01NEW'),
      attributes: {
        email,
        phone_number: phone,
        created: new Date().toISOString(),
        updated: new Date().toISOString(),
      },
    });
  }
  const uniqueId = typeof a.unique_id === 'string' ? a.unique_id : null;
  const metric = store.metricNamed(metricName);
  const duplicate =
    uniqueId !== null &&
    store.createdEvents.some(
      (e) => e.profileId === profile!.id && e.metricName === metricName && e.uniqueId === uniqueId,
    );
  if (duplicate) {
    store.duplicateEvents += 1;
    return;
  }
  const time =
    typeof a.time === 'string' && !Number.isNaN(Date.parse(a.time))
      ? new Date(a.time).toISOString()
      : new Date().toISOString();
  store.createdEvents.push({
    metricName,
    profileId: profile.id,
    uniqueId,
    properties: a.properties,
    time,
    raw: body,
  });
  store.events.push({
    id: store.nextId('EV'),
    profileId: profile.id,
    metricId: metric.id,
    datetime: time,
    properties: a.properties,
  });
}

function createConversationMessage(store: KlaviyoStore, body: unknown): void {
  const data = readBody(body);
  if (data.type !== 'conversation-message') throw invalid("'type' must be 'conversation-message'.");
  const text = isObj(data.attributes) ? data.attributes.body : null;
  if (typeof text !== 'string' || text.trim() === '') throw invalid("'body' is required.");
  const conv =
    isObj(data.relationships) &&
    isObj(data.relationships.conversation) &&
    isObj(data.relationships.conversation.data)
      ? data.relationships.conversation.data
      : null;
  if (!conv || conv.type !== 'conversation' || typeof conv.id !== 'string')
    throw invalid("The 'conversation' relationship is required.");
  const owner = [...store.profiles.values()].find((p) =>
    p.conversations?.some((c) => c.id === conv.id),
  );
  if (!owner)
    throw new ApiError(404, 'not_found', 'Not found.', `Conversation '${conv.id}' does not exist.`);
  const now = new Date().toISOString();
  store.conversationMessages.push({
    id: store.nextId('CM'),
    conversationId: conv.id,
    profileId: owner.id,
    body: text,
    receivedAt: now,
  });
  // Klaviyo later records the delivered text on the profile as `Received SMS`.
  store.events.push({
    id: store.nextId('EV'),
    profileId: owner.id,
    metricId: store.metricNamed('Received SMS').id,
    datetime: now,
    properties: {
      'Message Body': text,
      'Message Type': 'conversational',
      'Conversation Id': conv.id,
    },
  });
}

// ---- routing ----

interface Route {
  name: string;
  method: string;
  pattern: RegExp;
  handle(ctx: { store: KlaviyoStore; base: string; url: URL; params: string[]; body: unknown }): {
    status: number;
    body: unknown;
  };
}

/** The profile a `/api/profiles/{id}/…` path names, or Klaviyo's 404 for it. */
function profileOr404(store: KlaviyoStore, id: string): SeedProfile {
  const p = store.profiles.get(id);
  if (!p)
    throw new ApiError(404, 'not_found', 'Not found.', `A profile with id ${id} does not exist.`);
  return p;
}

type GroupKind = 'list' | 'segment';

function groupsOf(store: KlaviyoStore, kind: GroupKind): SeedGroup[] {
  return kind === 'list' ? store.lists : store.segments;
}

function groupsAnswer(
  base: string,
  kind: GroupKind,
  groups: SeedGroup[],
  url: URL,
  links: { self: string; next?: string },
) {
  return {
    status: 200,
    body: {
      data: groups.map((g) =>
        groupResource(base, kind, g, url.searchParams.get(`fields[${kind}]`)),
      ),
      links,
    },
  };
}

/** `GET /api/lists` or `/api/segments`: the account's lists or segments, 10 a page by default. */
function groupsRoute(name: string, pattern: RegExp, kind: GroupKind): Route {
  return {
    name,
    method: 'GET',
    pattern,
    handle: ({ store, base, url }) => {
      const { slice, links } = page(
        groupsOf(store, kind),
        url,
        Number(url.searchParams.get('page[size]') ?? 10),
      );
      return groupsAnswer(base, kind, slice, url, links);
    },
  };
}

/** `GET /api/profiles/{id}/lists` or `…/segments`: the ones the profile belongs to, one page. */
function profileGroupsRoute(name: string, pattern: RegExp, kind: GroupKind): Route {
  return {
    name,
    method: 'GET',
    pattern,
    handle: ({ store, base, url, params }) => {
      const p = profileOr404(store, params[0]!);
      const all = groupsOf(store, kind);
      const groups = ((kind === 'list' ? p.listIds : p.segmentIds) ?? [])
        .map((id) => all.find((g) => g.id === id))
        .filter((g) => g !== undefined);
      return groupsAnswer(base, kind, groups, url, { self: url.toString() });
    },
  };
}

const ROUTES: Route[] = [
  {
    name: 'accounts',
    method: 'GET',
    pattern: /^\/api\/accounts\/?$/,
    handle: ({ store, base, url }) => ({
      status: 200,
      body: {
        data: [
          {
            type: 'account',
            id: store.account.id,
            attributes: sparse(
              {
                test_account: false,
                contact_information: {
                  default_sender_name: store.account.organizationName,
                  default_sender_email: 'hello@example.com',
                  website_url: 'https://example.com',
                  organization_name: store.account.organizationName,
                  street_address: {
                    address1: '1 Main St',
                    address2: null,
                    city: 'Boston',
                    region: 'MA',
                    country: 'US',
                    zip: '02110',
                  },
                },
                industry: 'Retail',
                timezone: 'America/New_York',
                preferred_currency: 'USD',
                public_api_key: 'AbC123',
                locale: 'en-US',
              },
              url.searchParams.get('fields[account]'),
            ),
            links: { self: `${base}/api/accounts/${store.account.id}/` },
          },
        ],
        links: { self: url.toString() },
      },
    }),
  },
  {
    name: 'profiles',
    method: 'GET',
    pattern: /^\/api\/profiles\/?$/,
    handle: ({ store, base, url }) => {
      const size = Number(url.searchParams.get('page[size]') ?? 20);
      const { slice, links } = page(profilesMatching(store, url.searchParams), url, size);
      return {
        status: 200,
        body: { data: slice.map((p) => profileResource(base, p, url.searchParams)), links },
      };
    },
  },
  {
    name: 'profile',
    method: 'GET',
    pattern: /^\/api\/profiles\/([^/]+)\/?$/,
    handle: ({ store, base, url, params }) => {
      const p = profileOr404(store, params[0]!);
      return {
        status: 200,
        body: { data: profileResource(base, p, url.searchParams), links: { self: url.toString() } },
      };
    },
  },
  {
    name: 'events',
    method: 'GET',
    pattern: /^\/api\/events\/?$/,
    handle: ({ store, base, url }) => {
      const size = Math.min(
        MAX_EVENTS_PAGE,
        Number(url.searchParams.get('page[size]') ?? MAX_EVENTS_PAGE),
      );
      const { slice, links } = page(eventsMatching(store, url.searchParams), url, size);
      const include = list(url.searchParams.get('include') ?? '');
      const body: Obj = {
        data: slice.map((e) => eventResource(base, e, url.searchParams.get('fields[event]'))),
        links,
      };
      if (include.includes('metric')) {
        const ids = [...new Set(slice.map((e) => e.metricId))];
        body.included = ids
          .map((id) => store.metrics.find((m) => m.id === id))
          .filter((m): m is NonNullable<typeof m> => m !== undefined)
          .map((m) => metricResource(base, m, url.searchParams.get('fields[metric]')));
      }
      return { status: 200, body };
    },
  },
  {
    name: 'createEvent',
    method: 'POST',
    pattern: /^\/api\/events\/?$/,
    handle: ({ store, body }) => {
      createEvent(store, body);
      return { status: 202, body: null };
    },
  },
  {
    name: 'metrics',
    method: 'GET',
    pattern: /^\/api\/metrics\/?$/,
    handle: ({ store, base, url }) => {
      const { slice, links } = page(store.metrics, url, METRICS_PAGE);
      return {
        status: 200,
        body: {
          data: slice.map((m) => metricResource(base, m, url.searchParams.get('fields[metric]'))),
          links,
        },
      };
    },
  },
  groupsRoute('lists', /^\/api\/lists\/?$/, 'list'),
  groupsRoute('segments', /^\/api\/segments\/?$/, 'segment'),
  profileGroupsRoute('profileLists', /^\/api\/profiles\/([^/]+)\/lists\/?$/, 'list'),
  profileGroupsRoute('profileSegments', /^\/api\/profiles\/([^/]+)\/segments\/?$/, 'segment'),
  {
    name: 'profileConversations',
    method: 'GET',
    pattern: /^\/api\/profiles\/([^/]+)\/conversations\/?$/,
    handle: ({ store, base, url, params }) => {
      const p = profileOr404(store, params[0]!);
      const fields = url.searchParams.get('fields[conversation]');
      const data = (p.conversations ?? []).map((c) => ({
        type: 'conversation',
        id: c.id,
        attributes: sparse({ channel: c.channel }, fields),
        relationships: { profile: { data: { type: 'profile', id: p.id } } },
        links: { self: `${base}/api/conversations/${c.id}/` },
      }));
      return { status: 200, body: { data, links: { self: url.toString() } } };
    },
  },
  {
    name: 'profileConversationIds',
    method: 'GET',
    pattern: /^\/api\/profiles\/([^/]+)\/relationships\/conversations\/?$/,
    handle: ({ store, url, params }) => {
      const p = profileOr404(store, params[0]!);
      const data = (p.conversations ?? []).map((c) => ({ type: 'conversation', id: c.id }));
      return { status: 200, body: { data, links: { self: url.toString() } } };
    },
  },
  {
    name: 'createConversationMessage',
    method: 'POST',
    pattern: /^\/api\/conversation-messages\/?$/,
    handle: ({ store, body }) => {
      createConversationMessage(store, body);
      return { status: 202, body: null };
    },
  },
];

function paramsFor(route: string): string {
  if (
    route === 'profileConversationIds' ||
    route === 'createEvent' ||
    route === 'createConversationMessage'
  )
    return 'none';
  return route;
}

function authOk(header: string | null, apiKey: string | undefined): 'ok' | 'missing' | 'wrong' {
  if (!header || header.trim() === '') return 'missing';
  const m = /^Klaviyo-API-Key\s+(\S+)$/.exec(header.trim());
  if (!m || m[1]!.includes('{{')) return 'wrong';
  if (apiKey !== undefined && m[1] !== apiKey) return 'wrong';
  return 'ok';
}

export function klaviyoHandlers(
  store: KlaviyoStore,
  options: KlaviyoHandlerOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? 'https://a.klaviyo.com').replace(/\/+$/, '');
  return [
    http.all(`${base}/api/*`, async ({ request }) => {
      const url = new URL(request.url);
      const text =
        request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
      let parsedBody: unknown = null;
      if (text !== '') {
        try {
          parsedBody = JSON.parse(text);
        } catch {
          parsedBody = text;
        }
      }
      const record: RecordedRequest = {
        method: request.method,
        url: request.url,
        path: url.pathname,
        query: [...url.searchParams.entries()],
        headers: Object.fromEntries(
          [...request.headers.entries()].map(([k, v]) => [k.toLowerCase(), v]),
        ),
        body: parsedBody,
        status: 0,
        responseBody: '',
      };
      store.requests.push(record);
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        record.status = status;
        record.responseBody = body === null ? '' : JSON.stringify(body);
        return jsonResponse(status, body, headers);
      };

      const fault = store.faults.find(
        (f) =>
          f.times > 0 &&
          f.method.toUpperCase() === request.method &&
          (typeof f.path === 'string' ? f.path === url.pathname : f.path.test(url.pathname)),
      );
      if (fault) {
        fault.times -= 1;
        if (fault.delayMs) await delay(fault.delayMs);
        if (fault.networkError) return HttpResponse.error();
        if (fault.status) {
          const headers: Record<string, string> =
            fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
          const body =
            fault.body ??
            errorBody(
              fault.status === 429
                ? new ApiError(
                    429,
                    'throttled',
                    'Request was throttled.',
                    'Request was throttled. Expected available in 1 second.',
                  )
                : fault.status >= 500
                  ? new ApiError(
                      fault.status,
                      'error',
                      'A server error occurred.',
                      'A server error occurred.',
                    )
                  : new ApiError(fault.status, 'error', 'Error.', `Injected ${fault.status}.`),
            );
          return answer(fault.status, body, headers);
        }
      }
      if (options.latencyMs) await delay(options.latencyMs);

      try {
        const revision = request.headers.get('revision');
        if (!revision || !/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(revision)) {
          throw new ApiError(
            400,
            'invalid',
            'Invalid input.',
            'The `revision` header is required and must be a valid revision (YYYY-MM-DD).',
          );
        }
        const auth = authOk(request.headers.get('authorization'), options.apiKey);
        if (auth === 'missing')
          throw new ApiError(
            401,
            'not_authenticated',
            'Authentication credentials were not provided.',
            'Missing or invalid private key.',
          );
        if (auth === 'wrong')
          throw new ApiError(
            401,
            'authentication_failed',
            'Incorrect authentication credentials.',
            'Incorrect authentication credentials.',
          );

        const route = ROUTES.find(
          (r) => r.method === request.method && r.pattern.test(url.pathname),
        );
        if (!route) {
          const exists = ROUTES.some((r) => r.pattern.test(url.pathname));
          throw exists
            ? new ApiError(
                405,
                'method_not_allowed',
                'Method not allowed.',
                `Method "${request.method}" not allowed.`,
              )
            : new ApiError(404, 'not_found', 'Not found.', 'Not found.');
        }
        const scopes = ROUTE_SCOPES[route.name] ?? [];
        const lacking = store.grantedScopes
          ? scopes.filter((s) => !store.grantedScopes!.has(s))
          : [];
        if (lacking.length > 0) {
          throw new ApiError(
            403,
            'permission_denied',
            'You do not have permission to perform this action.',
            `This API key is missing required scopes: ${lacking.join(', ')}.`,
          );
        }
        if (route.name.toLowerCase().includes('conversation') && !store.conversationsEnabled) {
          throw new ApiError(
            403,
            'permission_denied',
            'You do not have permission to perform this action.',
            'This account does not have access to the Conversations API.',
          );
        }
        checkParams(url.searchParams, paramsFor(route.name));
        if (request.method === 'POST') {
          const type = request.headers.get('content-type') ?? '';
          if (!type.includes('json'))
            throw new ApiError(
              415,
              'unsupported_media_type',
              'Unsupported media type.',
              `Unsupported media type "${type}" in request.`,
            );
          if (typeof parsedBody !== 'object' || parsedBody === null)
            throw invalid('JSON parse error.');
        }
        const params = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent);
        const result = route.handle({ store, base, url, params, body: parsedBody });
        return answer(result.status, result.body);
      } catch (error) {
        if (error instanceof ApiError) return answer(error.status, errorBody(error));
        throw error;
      }
    }),
  ];
}
