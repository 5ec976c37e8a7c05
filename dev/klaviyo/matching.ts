/** Klaviyo's `filter` parameter applied to the stand-in's records, refusing what Klaviyo refuses. */
import { invalid } from './errors';
import { FilterError, parseFilter, type Condition } from './filter';
import type { KlaviyoStore, SeedEvent, SeedMetric, SeedProfile } from './store';

export function conditions(query: URLSearchParams): Condition[] {
  const text = query.get('filter');
  if (text === null) return [];
  try {
    return parseFilter(text);
  } catch (error) {
    throw invalid(error instanceof FilterError ? error.message : 'Invalid filter.', 'filter');
  }
}

export const badOperator = (c: Condition) =>
  invalid(`'${c.op}' is not a valid operator for the field '${c.field}'.`, 'filter');

const PROFILE_FILTER_FIELDS = new Set(['id', 'email', 'phone_number', 'external_id']);

export function profilesMatching(store: KlaviyoStore, query: URLSearchParams): SeedProfile[] {
  let result = [...store.profiles.values()];
  for (const c of conditions(query)) {
    if (!PROFILE_FILTER_FIELDS.has(c.field) || (c.op !== 'equals' && c.op !== 'any')) {
      throw badOperator(c);
    }
    const values = c.value === null ? [] : Array.isArray(c.value) ? c.value : [c.value];
    if (c.op === 'any' && !Array.isArray(c.value))
      throw invalid(`'any' needs a list of values.`, 'filter');
    const ids = new Set(values.flatMap((v) => store.findProfiles(c.field, v).map((p) => p.id)));
    result = result.filter((p) => ids.has(p.id));
  }
  return result;
}

const COMPARE: Record<string, (d: number, t: number) => boolean> = {
  'greater-than': (d, t) => d > t,
  'greater-or-equal': (d, t) => d >= t,
  'less-than': (d, t) => d < t,
  'less-or-equal': (d, t) => d <= t,
};

export function eventsMatching(store: KlaviyoStore, query: URLSearchParams): SeedEvent[] {
  let result = [...store.events];
  for (const c of conditions(query)) {
    const v = typeof c.value === 'string' ? c.value : null;
    const compare = COMPARE[c.op];
    if (c.field === 'profile_id' && c.op === 'equals' && v !== null) {
      result = result.filter((e) => e.profileId === v);
    } else if (c.field === 'metric_id' && c.op === 'equals' && v !== null) {
      result = result.filter((e) => e.metricId === v);
    } else if (c.field === 'datetime' && v !== null && compare) {
      const t = Date.parse(v);
      if (Number.isNaN(t)) throw invalid(`Invalid datetime '${v}'.`, 'filter');
      result = result.filter((e) => compare(Date.parse(e.datetime), t));
    } else {
      throw badOperator(c);
    }
  }
  const sort = query.get('sort') ?? 'datetime';
  const dir = sort.startsWith('-') ? -1 : 1;
  return result.sort(
    (a, b) => dir * (Date.parse(a.datetime) - Date.parse(b.datetime)) || a.id.localeCompare(b.id),
  );
}

/** `GET /api/metrics` filters: `integration.name` and `integration.category`, `equals` only. */
export function metricsMatching(store: KlaviyoStore, query: URLSearchParams): SeedMetric[] {
  let result = [...store.metrics];
  for (const c of conditions(query)) {
    const key =
      c.field === 'integration.name'
        ? 'name'
        : c.field === 'integration.category'
          ? 'category'
          : null;
    if (key === null || c.op !== 'equals' || typeof c.value !== 'string') throw badOperator(c);
    const wanted = c.value;
    result = result.filter((m) => m.integration?.[key] === wanted);
  }
  return result;
}

/** String conditions on a named record: `equals`, `contains`, `starts-with`, `ends-with`, `any(id)`. */
export function byNameOrId<T extends { id: string; name: string }>(
  items: T[],
  c: Condition,
  extra: Record<string, (item: T, value: string) => boolean> = {},
): T[] {
  const v = typeof c.value === 'string' ? c.value : null;
  if (c.field === 'id' && c.op === 'any' && Array.isArray(c.value)) {
    const ids = new Set(c.value);
    return items.filter((i) => ids.has(i.id));
  }
  if (c.field === 'name' && v !== null) {
    const test: Record<string, (n: string) => boolean> = {
      equals: (n) => n === v,
      contains: (n) => n.includes(v),
      'starts-with': (n) => n.startsWith(v),
      'ends-with': (n) => n.endsWith(v),
    };
    const t = test[c.op];
    if (t) return items.filter((i) => t(i.name));
  }
  const other = extra[`${c.op}(${c.field})`];
  if (other && v !== null) return items.filter((i) => other(i, v));
  throw badOperator(c);
}
