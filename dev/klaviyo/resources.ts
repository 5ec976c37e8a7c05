/** JSON:API serialisation as Klaviyo answers: sparse fieldsets, additional fields, links. */
import { list } from './params';
import type { SeedEvent, SeedProfile } from './store';

/** The attributes a sparse fieldset names (`contact_information.organization_name` copies a leaf). */
export function sparse(
  attributes: Record<string, unknown>,
  fields: string | null,
): Record<string, unknown> {
  if (fields === null) return attributes;
  const out: Record<string, unknown> = {};
  for (const f of list(fields)) {
    const [top, ...path] = f.split('.') as [string, ...string[]];
    if (!(top in attributes)) continue;
    if (path.length === 0) {
      out[top] = attributes[top];
      continue;
    }
    let src: unknown = attributes[top];
    let dst = (out[top] ??= {}) as Record<string, unknown>;
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

export function profileResource(base: string, p: SeedProfile, query: URLSearchParams) {
  const additional = new Set(list(query.get('additional-fields[profile]') ?? ''));
  const attributes: Record<string, unknown> = { ...p.attributes };
  if (!additional.has('subscriptions')) delete attributes.subscriptions;
  if (!additional.has('predictive_analytics')) delete attributes.predictive_analytics;
  const shown = sparse(attributes, query.get('fields[profile]'));
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

export function metricResource(
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

function relationship(base: string, eventId: string, name: string, data: unknown) {
  return {
    data,
    links: {
      self: `${base}/api/events/${eventId}/relationships/${name}/`,
      related: `${base}/api/events/${eventId}/${name}/`,
    },
  };
}

/** The attribution id Klaviyo would give `e`'s link to the message it answers. */
export const attributionId = (e: SeedEvent) => `AT${e.id}`;

export function eventResource(
  base: string,
  e: SeedEvent,
  fields: string | null,
  withAttributions: boolean,
) {
  const attributes = sparse(
    {
      timestamp: Math.floor(Date.parse(e.datetime) / 1000),
      event_properties: e.properties,
      datetime: e.datetime,
      uuid: e.id,
    },
    fields,
  );
  const relationships: Record<string, unknown> = {
    profile: relationship(base, e.id, 'profile', { type: 'profile', id: e.profileId }),
    metric: relationship(base, e.id, 'metric', { type: 'metric', id: e.metricId }),
  };
  if (withAttributions) {
    const data = e.attributedTo ? [{ type: 'attribution', id: attributionId(e) }] : [];
    relationships.attributions = relationship(base, e.id, 'attributions', data);
  }
  return {
    type: 'event',
    id: e.id,
    attributes,
    relationships,
    links: { self: `${base}/api/events/${e.id}/` },
  };
}

/** The included `attribution` of `e`: the event it answers, and that event's campaign or flow. */
export function attributionResource(base: string, e: SeedEvent, answered: SeedEvent | undefined) {
  const rel = (type: string, id: string) => ({ data: { type, id } });
  const relationships: Record<string, unknown> = { event: rel('event', e.id) };
  if (answered) {
    relationships['attributed-event'] = rel('event', answered.id);
    if (answered.campaignId) relationships.campaign = rel('campaign', answered.campaignId);
    if (answered.flowId) relationships.flow = rel('flow', answered.flowId);
  }
  const id = attributionId(e);
  return {
    type: 'attribution',
    id,
    relationships,
    links: { self: `${base}/api/attributions/${id}/` },
  };
}

export function groupResource(
  base: string,
  type: 'list' | 'segment' | 'campaign',
  g: { id: string; name: string },
  fields: string | null,
) {
  const attributes = sparse(
    { name: g.name, created: '2024-01-01T00:00:00+00:00', updated: '2024-01-01T00:00:00+00:00' },
    fields,
  );
  return { type, id: g.id, attributes, links: { self: `${base}/api/${type}s/${g.id}/` } };
}
