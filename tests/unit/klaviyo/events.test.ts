import { http, HttpResponse } from 'msw';
import { createKlaviyoStore, DEMO_IDS, emptyKlaviyoSeed } from '../../../dev/klaviyo';
import { harness, server, listenWithKlaviyoServer } from './harness';

listenWithKlaviyoServer();

const q = (query: Array<[string, string]>, name: string) => query.find(([k]) => k === name)?.[1];

describe('getProfileEvents', () => {
  it('loads Maria’s latest events newest first, with metric names and attributions, in one request', async () => {
    const { client, store } = harness();
    const page = await client.getProfileEvents(DEMO_IDS.maria);
    expect(store.requests).toHaveLength(1);
    const { query } = store.requests[0]!;
    expect(q(query, 'filter')).toBe(`equals(profile_id,"${DEMO_IDS.maria}")`);
    expect(q(query, 'sort')).toBe('-datetime');
    expect(q(query, 'include')).toBe('metric,attributions');
    expect(q(query, 'fields[metric]')).toBe('name');
    expect(q(query, 'page[size]')).toBe('200');
    const sms = page.events.filter(
      (e) => e.metricName === 'Sent SMS' || e.metricName === 'Received SMS',
    );
    expect(sms.length).toBeGreaterThanOrEqual(60);
    expect(page.events.some((e) => e.metricName === 'Failed to Deliver SMS')).toBe(true);
    const times = page.events.map((e) => Date.parse(e.datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.nextUrl).toBeNull();
  });

  it('follows links.next verbatim for older events', async () => {
    const { client, store } = harness();
    const first = await client.getProfileEvents(DEMO_IDS.maria, { pageSize: 30 });
    expect(first.events).toHaveLength(30);
    expect(first.nextUrl).toMatch(/^https:\/\/a\.klaviyo\.com\/api\/events\?/);
    const second = await client.getEventsPage(first.nextUrl!);
    expect(store.requests[1]!.url).toBe(first.nextUrl);
    expect(second.events[0]!.id).not.toBe(first.events[0]!.id);
    expect(Date.parse(second.events[0]!.datetime)).toBeLessThanOrEqual(
      Date.parse(first.events[29]!.datetime),
    );
  });

  it('refuses to follow a next link that is not Klaviyo’s events endpoint over https', async () => {
    const { client, store } = harness();
    for (const bad of [
      'https://evil.example.com/api/events?page[cursor]=x',
      'http://a.klaviyo.com/api/events?page[cursor]=x',
      'https://a.klaviyo.com/api/profiles?page[cursor]=x',
      'not a url',
    ]) {
      await expect(client.getEventsPage(bad)).rejects.toMatchObject({ kind: 'invalid-request' });
    }
    expect(store.requests).toHaveLength(0);
  });

  it('keeps events whose properties or metric are missing, with empty properties and null names', async () => {
    const { client } = harness();
    server.use(
      http.get('https://a.klaviyo.com/api/events', () =>
        HttpResponse.json({
          data: [
            {
              type: 'event',
              id: 'e1',
              attributes: { datetime: '2026-01-01T00:00:00+00:00', event_properties: null },
            },
            {
              type: 'event',
              id: 'e2',
              attributes: { timestamp: 1767225600 },
              relationships: { metric: { data: { type: 'metric', id: 'gone' } } },
            },
            { type: 'event', id: 'e3', attributes: {} },
          ],
          links: { self: 'https://a.klaviyo.com/api/events' },
        }),
      ),
    );
    const page = await client.getProfileEvents('p1');
    expect(page.events).toEqual([
      {
        id: 'e1',
        metricId: null,
        metricName: null,
        datetime: '2026-01-01T00:00:00+00:00',
        properties: {},
        attribution: null,
      },
      {
        id: 'e2',
        metricId: 'gone',
        metricName: null,
        datetime: '2026-01-01T00:00:00.000Z',
        properties: {},
        attribution: null,
      },
    ]);
  });
});

describe('findMetricId', () => {
  it('finds a metric by name without caching it: each call asks Klaviyo', async () => {
    const { client, store } = harness();
    expect(await client.findMetricId('Received SMS')).toBe('SmRcV1');
    expect(await client.findMetricId('Received SMS')).toBe('SmRcV1');
    expect(store.requests.filter((r) => r.path === '/api/metrics')).toHaveLength(2);
  });

  it('lists one integration’s metrics with Klaviyo’s integration filter', async () => {
    const { client, store } = harness();
    const klaviyo = await client.listMetrics({ integrationName: 'Klaviyo' });
    expect(klaviyo.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Sent SMS', 'Received SMS']),
    );
    expect(klaviyo.every((m) => m.integration?.name === 'Klaviyo')).toBe(true);
    expect(q(store.requests[0]!.query, 'filter')).toBe('equals(integration.name,"Klaviyo")');
    expect(await client.listMetrics({ integrationName: 'Zendesk' })).toEqual([]);
  });

  it('pages through metrics and answers null when none has the name', async () => {
    const store = createKlaviyoStore(emptyKlaviyoSeed());
    for (let i = 0; i < 250; i++) store.metricNamed(`Metric ${i}`);
    const { client } = harness({ store });
    expect(await client.findMetricId('Metric 240')).toMatch(/^M/);
    expect(store.requests.filter((r) => r.path === '/api/metrics')).toHaveLength(2);
    expect(await client.findMetricId('Zendesk SMS Reply')).toBeNull();
  });
});

describe('attributions', () => {
  it('names the campaign and flow a customer’s texts answer, in one request each', async () => {
    const { client, store } = harness();
    store.campaigns.push({ id: 'CmSummer', name: 'Summer Sale SMS' });
    store.flows.set('FlWelcome', {
      id: 'FlWelcome',
      name: 'Welcome series',
      status: 'live',
      archived: false,
      created: '2026-01-01T00:00:00Z',
      updated: '2026-01-01T00:00:00Z',
      triggerType: 'Metric',
      definition: { triggers: [], actions: [], entry_action_id: null },
    });
    const maria = store.events
      .filter((e) => e.profileId === DEMO_IDS.maria)
      .sort((a, b) => Date.parse(b.datetime) - Date.parse(a.datetime));
    const [newest, second, third, fourth] = maria;
    third!.campaignId = 'CmSummer';
    fourth!.flowId = 'FlWelcome';
    newest!.attributedTo = third!.id;
    second!.attributedTo = fourth!.id;
    const page = await client.getProfileEvents(DEMO_IDS.maria, { pageSize: 5 });
    expect(page.events[0]!.attribution).toEqual({
      campaignId: 'CmSummer',
      flowId: null,
      attributedEventId: third!.id,
    });
    expect(page.events[1]!.attribution).toEqual({
      campaignId: null,
      flowId: 'FlWelcome',
      attributedEventId: fourth!.id,
    });
    expect(page.events[2]!.attribution).toBeNull();
    store.requests.length = 0;
    expect(await client.getAttributionNames(page.events)).toEqual({
      campaigns: { CmSummer: 'Summer Sale SMS' },
      flows: { FlWelcome: 'Welcome series' },
    });
    expect(store.requests.map((r) => r.path).sort()).toEqual(['/api/campaigns', '/api/flows']);
  });

  it('asks nothing when no event is attributed, and leaves names unknown without the scopes', async () => {
    const { client, store } = harness();
    const page = await client.getProfileEvents(DEMO_IDS.maria, { pageSize: 5 });
    store.requests.length = 0;
    expect(await client.getAttributionNames(page.events)).toEqual({ campaigns: {}, flows: {} });
    expect(store.requests).toHaveLength(0);
    store.grantedScopes = new Set(['events:read']);
    const attributed = [
      {
        ...page.events[0]!,
        attribution: { campaignId: 'C1', flowId: 'F1', attributedEventId: null },
      },
    ];
    expect(await client.getAttributionNames(attributed)).toEqual({ campaigns: {}, flows: {} });
  });
});

describe('getProfileMemberships', () => {
  it('names Maria’s lists and segments', async () => {
    const { client, store } = harness();
    const m = await client.getProfileMemberships(DEMO_IDS.maria);
    expect(m.lists.map((l) => l.name)).toContain('Newsletter');
    expect(m.segments.map((s) => s.name)).toContain('VIP customers');
    expect(store.requests.map((r) => r.path).sort()).toEqual([
      `/api/profiles/${DEMO_IDS.maria}/lists`,
      `/api/profiles/${DEMO_IDS.maria}/segments`,
    ]);
  });
});
