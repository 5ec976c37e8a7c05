/** What each route accepts in its query: a subset of the parameters the spec declares, checked. */
import { invalid } from './errors';

export function list(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function intIn(v: string, min: number, max: number): boolean {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max;
}

const oneOf =
  (...allowed: string[]) =>
  (v: string) =>
    list(v).every((f) => allowed.includes(f));
const any = () => true;

const PROFILE_FIELDS = [
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
];
const profileFields = (v: string) =>
  list(v).every((f) => PROFILE_FIELDS.includes(f.split('.')[0]!));
const profileAdditional = oneOf('subscriptions', 'predictive_analytics');
const metricFields = oneOf('created', 'id', 'integration', 'name', 'updated');
const listFields = oneOf('created', 'id', 'name', 'opt_in_process', 'updated');
const segmentFields = oneOf(
  'created',
  'id',
  'is_active',
  'is_processing',
  'is_starred',
  'name',
  'updated',
);
const flowFields = (v: string) =>
  list(v).every((f) =>
    [
      'archived',
      'created',
      'definition',
      'id',
      'name',
      'status',
      'trigger_type',
      'updated',
    ].includes(f.split('.')[0]!),
  );
const flowSorts = ['created', 'id', 'name', 'status', 'trigger_type', 'updated'];

type Checks = Record<string, (v: string) => boolean>;

export const ROUTE_PARAMS: Record<string, Checks> = {
  accounts: { 'fields[account]': any },
  profiles: {
    filter: any,
    'fields[profile]': profileFields,
    'additional-fields[profile]': profileAdditional,
    'page[size]': (v) => intIn(v, 1, 100),
    'page[cursor]': any,
    sort: (v) =>
      ['created', '-created', 'email', '-email', 'id', '-id', 'updated', '-updated'].includes(v),
  },
  profile: { 'fields[profile]': profileFields, 'additional-fields[profile]': profileAdditional },
  events: {
    filter: any,
    sort: (v) => ['datetime', '-datetime', 'timestamp', '-timestamp'].includes(v),
    include: oneOf('metric', 'profile', 'attributions'),
    'fields[event]': oneOf('datetime', 'event_properties', 'id', 'timestamp', 'uuid'),
    'fields[metric]': metricFields,
    'fields[attribution]': oneOf('id'),
    'page[size]': (v) => intIn(v, 1, 1000),
    'page[cursor]': any,
  },
  metrics: { filter: any, 'fields[metric]': metricFields, 'page[cursor]': any },
  lists: { 'fields[list]': listFields, 'page[size]': (v) => intIn(v, 1, 10) },
  segments: { 'fields[segment]': segmentFields, 'page[size]': (v) => intIn(v, 1, 10) },
  campaigns: {
    filter: any,
    'fields[campaign]': oneOf(
      'name',
      'status',
      'archived',
      'created_at',
      'updated_at',
      'send_time',
    ),
    'page[cursor]': any,
  },
  profileLists: { 'fields[list]': listFields },
  profileSegments: { 'fields[segment]': segmentFields },
  profileConversations: { 'fields[conversation]': oneOf('channel', 'id') },
  flows: {
    filter: any,
    'fields[flow]': flowFields,
    'page[size]': (v) => intIn(v, 1, 50),
    'page[cursor]': any,
    sort: (v) => flowSorts.includes(v.replace(/^-/, '')),
  },
  flow: { 'fields[flow]': flowFields, 'additional-fields[flow]': oneOf('definition') },
  createFlow: { 'fields[flow]': flowFields, 'additional-fields[flow]': oneOf('definition') },
  none: {},
};

/** Klaviyo's 400 for a parameter the route does not declare, or a value it does not allow. */
export function checkParams(query: URLSearchParams, route: string): void {
  const allowed = ROUTE_PARAMS[route] ?? ROUTE_PARAMS.none!;
  for (const [name, value] of query) {
    const check = allowed[name];
    if (!check) throw invalid(`'${name}' is not a valid parameter for this endpoint.`, name);
    if (!check(value)) throw invalid(`Invalid value for '${name}': '${value}'.`, name);
  }
}
