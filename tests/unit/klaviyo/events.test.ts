import { http, HttpResponse } from 'msw';
import { createKlaviyoStore, DEMO_IDS, emptyKlaviyoSeed } from '../../../dev/klaviyo';
import { harness, server, listenWithKlaviyoServer } from './harness';

listenWithKlaviyoServer();

const q = (query: Array<[string, string]>, name: string) => query.find(([k]) => k === name)?.[1];

describe('getProfileEvents', () => {
  it('loads Maria’s latest events newest first, with metric names, in one request', async () => {
    const { client, store } = harness();
    const page = await client.getProfileEvents(DEMO_IDS.maria);
    expect(store.requests).toHaveLength(1);
    const { query } = store.requests[0]!;
    expect(q(query, 'filter')).toBe(`equals(profile_id,"${DEMO_IDS.maria}")`);
    expect(q(query, 'sort')).toBe('-datetime');
    expect(q(query, 'include')).toBe('metric');
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
      },
      {
        id: 'e2',
        metricId: 'gone',
        metricName: null,
        datetime: '2026-01-01T00:00:00.000Z',
        properties: {},
      },
    ]);
  });
});

describe('findMetricId', () => {
  it('finds a metric by name and asks Klaviyo once a day per account', async () => {
    const { client, store } = harness();
    expect(await client.findMetricId('Received SMS')).toBe('SmRcV1');
    expect(await client.findMetricId('Received SMS')).toBe('SmRcV1');
    expect(store.requests.filter((r) => r.path === '/api/metrics')).toHaveLength(1);
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
