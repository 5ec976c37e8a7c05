/**
 * The Flows API: create (validated against the spec's `FlowCreateQuery`, 100 a day), list (filter by
 * name, status, archived, id), get (the definition with `additional-fields[flow]=definition`), patch
 * the status (the flow and all its actions), delete.
 */
import { invalidAt, notFound, throttled } from '../errors';
import { byNameOrId, conditions } from '../matching';
import { page } from '../paging';
import { list } from '../params';
import { sparse } from '../resources';
import { flowFromCreate } from '../flows/definition';
import type { FlowStatus, StoredFlow } from '../flows/types';
import { validateFlowCreate, validateFlowUpdate } from '../flows/validate';
import type { KlaviyoStore } from '../store';
import type { Route } from './types';

/** `POST /api/flows`: 100 a day (the spec's `x-klaviyo-ratelimit`). */
export const FLOW_CREATES_PER_DAY = 100;
const DAY_MS = 24 * 60 * 60_000;
const FLOW_PAGE = 50;
const STATUSES: FlowStatus[] = ['draft', 'manual', 'live'];

function flowResource(base: string, f: StoredFlow, url: URL, withDefinition: boolean) {
  const attributes: Record<string, unknown> = {
    name: f.name,
    status: f.status,
    archived: f.archived,
    created: f.created,
    updated: f.updated,
    trigger_type: f.triggerType,
  };
  if (withDefinition) attributes.definition = f.definition;
  const fields = url.searchParams.get('fields[flow]');
  const self = `${base}/api/flows/${f.id}/`;
  const rel = (name: string) => ({
    links: {
      self: `${base}/api/flows/${f.id}/relationships/${name}/`,
      related: `${base}/api/flows/${f.id}/${name}/`,
    },
  });
  return {
    type: 'flow',
    id: f.id,
    attributes: sparse(attributes, fields),
    relationships: { 'flow-actions': rel('flow-actions'), tags: rel('tags') },
    links: { self },
  };
}

const wantsDefinition = (url: URL) =>
  list(url.searchParams.get('additional-fields[flow]') ?? '').includes('definition');

function flowOr404(store: KlaviyoStore, id: string): StoredFlow {
  const f = store.flows.get(id);
  if (!f) throw notFound(`A flow with id ${id} does not exist.`);
  return f;
}

function checkDailyLimit(store: KlaviyoStore, now: number): void {
  const recent = store.flowCreates.filter((t) => now - t < DAY_MS);
  store.flowCreates.splice(0, store.flowCreates.length, ...recent);
  if (recent.length >= FLOW_CREATES_PER_DAY) {
    const seconds = Math.ceil((recent[0]! + DAY_MS - now) / 1000);
    throw throttled(`Request was throttled. Expected available in ${seconds} seconds.`, seconds);
  }
}

function matchingFlows(store: KlaviyoStore, url: URL): StoredFlow[] {
  let found = [...store.flows.values()];
  for (const c of conditions(url.searchParams)) {
    found = byNameOrId(found, c, {
      'equals(status)': (f, v) => f.status === v,
      'equals(archived)': (f, v) => String(f.archived) === v,
      'equals(trigger_type)': (f, v) => f.triggerType === v,
    });
  }
  const sort = url.searchParams.get('sort');
  if (sort) {
    const key = sort.replace(/^-/, '') as keyof StoredFlow;
    const dir = sort.startsWith('-') ? -1 : 1;
    found.sort((a, b) => dir * String(a[key]).localeCompare(String(b[key])));
  }
  return found;
}

export const flowRoutes: Route[] = [
  {
    name: 'flows',
    method: 'GET',
    pattern: /^\/api\/flows\/?$/,
    handle: ({ store, base, url }) => {
      const size = Number(url.searchParams.get('page[size]') ?? FLOW_PAGE);
      const { slice, links } = page(matchingFlows(store, url), url, size);
      return {
        status: 200,
        body: { data: slice.map((f) => flowResource(base, f, url, false)), links },
      };
    },
  },
  {
    name: 'createFlow',
    method: 'POST',
    pattern: /^\/api\/flows\/?$/,
    handle: ({ store, base, url, body, engine }) => {
      const now = engine.now();
      checkDailyLimit(store, now);
      validateFlowCreate(body);
      const flow = flowFromCreate(store, body);
      store.flows.set(flow.id, flow);
      store.flowCreates.push(now);
      // Klaviyo answers the new definition, with the real action ids.
      return {
        status: 201,
        body: {
          data: flowResource(base, flow, url, true),
          links: { self: `${base}/api/flows/${flow.id}/` },
        },
      };
    },
  },
  {
    name: 'flow',
    method: 'GET',
    pattern: /^\/api\/flows\/([^/]+)\/?$/,
    handle: ({ store, base, url, params }) => {
      const flow = flowOr404(store, params[0]!);
      return {
        status: 200,
        body: {
          data: flowResource(base, flow, url, wantsDefinition(url)),
          links: { self: url.toString() },
        },
      };
    },
  },
  {
    name: 'updateFlow',
    method: 'PATCH',
    pattern: /^\/api\/flows\/([^/]+)\/?$/,
    params: 'none',
    handle: ({ store, base, url, params, body }) => {
      const flow = flowOr404(store, params[0]!);
      validateFlowUpdate(body);
      const data = (body as { data: { id: string; attributes: { status: string } } }).data;
      if (data.id !== flow.id)
        throw invalidAt('/data/id', `The id '${data.id}' does not match the flow in the path.`);
      const status = data.attributes.status as FlowStatus;
      if (!STATUSES.includes(status))
        throw invalidAt(
          '/data/attributes/status',
          `'${data.attributes.status}' is not a valid status (draft, manual, live).`,
        );
      flow.status = status;
      for (const action of flow.definition.actions) {
        action.data = { ...(action.data ?? {}), status };
      }
      flow.updated = new Date(Date.now()).toISOString();
      return {
        status: 200,
        body: {
          data: flowResource(base, flow, url, false),
          links: { self: `${base}/api/flows/${flow.id}/` },
        },
      };
    },
  },
  {
    name: 'deleteFlow',
    method: 'DELETE',
    pattern: /^\/api\/flows\/([^/]+)\/?$/,
    params: 'none',
    handle: ({ store, params }) => {
      flowOr404(store, params[0]!);
      store.flows.delete(params[0]!);
      return { status: 204, body: null };
    },
  },
];
