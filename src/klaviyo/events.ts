/**
 * A profile's events, newest first with their metric names and attributions in one request; older
 * pages by Klaviyo's own `links.next`; and the names of the campaigns and flows the events answer.
 */
import type { KlaviyoHttp } from './context';
import { KlaviyoError } from './errors';
import { anyFilter, equalsFilter, quoteFilterValue } from './filter';
import type { AttributionNames, EventPage, KlaviyoEvent } from './model';
import { parseDocument, toEventPage, toNamedGroups } from './parse';

/** Klaviyo returns at most 200 events a page (the spec's description), whatever page[size] says. */
export const MAX_EVENTS_PAGE = 200;
/** `get_flows` pages hold at most 50; campaigns 100 (the spec's page[size] limits). */
const FLOWS_PAGE = 50;
const CAMPAIGNS_PAGE = 100;

export function eventsResource(http: KlaviyoHttp) {
  async function getProfileEvents(
    profileId: string,
    options: { pageSize?: number } = {},
  ): Promise<EventPage> {
    const size = Math.min(
      MAX_EVENTS_PAGE,
      Math.max(1, Math.floor(options.pageSize ?? MAX_EVENTS_PAGE)),
    );
    const target = http.url('/api/events', [
      ['filter', equalsFilter('profile_id', profileId)],
      ['sort', '-datetime'],
      ['include', 'metric,attributions'],
      ['fields[event]', 'datetime,event_properties'],
      ['fields[metric]', 'name'],
      ['page[size]', String(size)],
    ]);
    return toEventPage(parseDocument(await http.get('get_events', target), 'many', 'event list'));
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
      target.origin !== http.baseOrigin ||
      target.pathname !== '/api/events'
    ) {
      throw new KlaviyoError(
        'invalid-request',
        `Refusing to follow a link outside Klaviyo's events API`,
      );
    }
    return toEventPage(parseDocument(await http.get('get_events', nextUrl), 'many', 'event list'));
  }

  /**
   * The names of the campaigns and flows `events` are attributed to: at most one request for
   * campaigns and one for flows (per 100 / 50 ids). Names stay unknown when the key lacks
   * `campaigns:read` or `flows:read`; other failures reject.
   */
  async function getAttributionNames(events: readonly KlaviyoEvent[]): Promise<AttributionNames> {
    const ids = (pick: 'campaignId' | 'flowId') => [
      ...new Set(
        events
          .map((e) => e.attribution?.[pick])
          .filter((id): id is string => typeof id === 'string'),
      ),
    ];
    const names = async (
      operationId: 'get_campaigns' | 'get_flows',
      all: string[],
      size: number,
      query: (chunk: string[]) => Array<[string, string]>,
    ): Promise<Record<string, string>> => {
      const out: Record<string, string> = {};
      for (let i = 0; i < all.length; i += size) {
        const path = operationId === 'get_campaigns' ? '/api/campaigns' : '/api/flows';
        try {
          const body = await http.get(operationId, http.url(path, query(all.slice(i, i + size))));
          for (const g of toNamedGroups(parseDocument(body, 'many', 'name list')))
            out[g.id] = g.name;
        } catch (error) {
          if (error instanceof KlaviyoError && error.kind === 'missing-scope') return out;
          throw error;
        }
      }
      return out;
    };
    const [campaigns, flows] = await Promise.all([
      names('get_campaigns', ids('campaignId'), CAMPAIGNS_PAGE, (chunk) => [
        [
          'filter',
          `and(equals(messages.channel,${quoteFilterValue('sms')}),${anyFilter('id', chunk)})`,
        ],
        ['fields[campaign]', 'name'],
      ]),
      names('get_flows', ids('flowId'), FLOWS_PAGE, (chunk) => [
        ['filter', anyFilter('id', chunk)],
        ['fields[flow]', 'name'],
        ['page[size]', String(FLOWS_PAGE)],
      ]),
    ]);
    return { campaigns, flows };
  }

  /** When the newest event of metric `metricId` happened (ISO), or null when it has none. */
  async function getLatestEventTime(metricId: string): Promise<string | null> {
    const target = http.url('/api/events', [
      ['filter', equalsFilter('metric_id', metricId)],
      ['sort', '-datetime'],
      ['fields[event]', 'datetime'],
      ['page[size]', '1'],
    ]);
    const page = toEventPage(
      parseDocument(await http.get('get_events', target), 'many', 'event list'),
    );
    return page.events[0]?.datetime ?? null;
  }

  return { getProfileEvents, getEventsPage, getAttributionNames, getLatestEventTime };
}
