/** Events (with `include=metric,attributions`), creating events, metrics and campaigns. */
import { invalid } from '../errors';
import { createEventFromBody } from '../events';
import { badOperator, conditions, eventsMatching, metricsMatching, byNameOrId } from '../matching';
import { page } from '../paging';
import { list } from '../params';
import { attributionResource, eventResource, groupResource, metricResource } from '../resources';
import { runFlowsFor } from '../flows/engine';
import type { Obj, Route } from './types';

const MAX_EVENTS_PAGE = 200;
const METRICS_PAGE = 200;
const CAMPAIGNS_PAGE = 100;

export const eventRoutes: Route[] = [
  {
    name: 'events',
    method: 'GET',
    pattern: /^\/api\/events\/?$/,
    handle: ({ store, base, url }) => {
      const q = url.searchParams;
      const size = Math.min(MAX_EVENTS_PAGE, Number(q.get('page[size]') ?? MAX_EVENTS_PAGE));
      const { slice, links } = page(eventsMatching(store, q), url, size);
      const include = list(q.get('include') ?? '');
      const withAttributions = include.includes('attributions');
      const body: Obj = {
        data: slice.map((e) => eventResource(base, e, q.get('fields[event]'), withAttributions)),
        links,
      };
      const included: unknown[] = [];
      if (include.includes('metric')) {
        const ids = [...new Set(slice.map((e) => e.metricId))];
        for (const id of ids) {
          const m = store.metrics.find((x) => x.id === id);
          if (m) included.push(metricResource(base, m, q.get('fields[metric]')));
        }
      }
      if (withAttributions) {
        for (const e of slice.filter((x) => x.attributedTo)) {
          const answered = store.events.find((x) => x.id === e.attributedTo);
          included.push(attributionResource(base, e, answered));
        }
      }
      if (include.length > 0) body.included = included;
      return { status: 200, body };
    },
  },
  {
    name: 'createEvent',
    method: 'POST',
    pattern: /^\/api\/events\/?$/,
    params: 'none',
    handle: async ({ store, body, engine }) => {
      const outcome = createEventFromBody(store, body);
      // Klaviyo runs the flows later; the stand-in answers once they ran, so a test (or the
      // workspace's control API) reads their outcome without polling.
      if (!outcome.duplicate) await runFlowsFor(store, outcome.event, engine);
      return { status: 202, body: null };
    },
  },
  {
    name: 'metrics',
    method: 'GET',
    pattern: /^\/api\/metrics\/?$/,
    handle: ({ store, base, url }) => {
      const { slice, links } = page(metricsMatching(store, url.searchParams), url, METRICS_PAGE);
      const fields = url.searchParams.get('fields[metric]');
      return {
        status: 200,
        body: { data: slice.map((m) => metricResource(base, m, fields)), links },
      };
    },
  },
  {
    name: 'campaigns',
    method: 'GET',
    pattern: /^\/api\/campaigns\/?$/,
    handle: ({ store, base, url }) => {
      // Klaviyo requires a channel filter on this endpoint: `equals(messages.channel,'sms')`.
      let found = store.campaigns;
      let channel = false;
      for (const c of conditions(url.searchParams)) {
        if (c.field === 'messages.channel') {
          if (c.op !== 'equals') throw badOperator(c);
          channel = true;
        } else found = byNameOrId(found, c);
      }
      if (!channel)
        throw invalid("A channel filter is required: equals(messages.channel,'sms').", 'filter');
      const { slice, links } = page(found, url, CAMPAIGNS_PAGE);
      const fields = url.searchParams.get('fields[campaign]');
      return {
        status: 200,
        body: { data: slice.map((g) => groupResource(base, 'campaign', g, fields)), links },
      };
    },
  },
];
