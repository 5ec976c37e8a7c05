import { DEMO_IDS, demoKlaviyoSeed, createKlaviyoStore } from '../../../dev/klaviyo';
import { TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';
import { harness, listenWithKlaviyoServer } from './harness';

listenWithKlaviyoServer();

const headers = { Authorization: `Klaviyo-API-Key ${TEST_KLAVIYO_KEY}`, revision: '2026-07-15' };

describe('the Klaviyo stand-in', () => {
  it('holds the demo roster with a recent, long SMS thread for Maria', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const seed = demoKlaviyoSeed(now);
    const metric = new Map(seed.metrics.map((m) => [m.id, m.name]));
    const maria = seed.events.filter((e) => e.profileId === DEMO_IDS.maria);
    const sms = maria.filter((e) =>
      ['Sent SMS', 'Received SMS', 'Failed to Deliver SMS'].includes(metric.get(e.metricId)!),
    );
    expect(sms.length).toBeGreaterThan(50);
    expect(sms.some((e) => e.properties['Campaign Name'])).toBe(true);
    expect(sms.some((e) => e.properties['$flow'])).toBe(true);
    expect(
      maria
        .filter((e) => metric.get(e.metricId) === 'Placed Order')
        .every((e) => typeof e.properties.$value === 'number'),
    ).toBe(true);
    expect(seed.events.every((e) => now.getTime() - Date.parse(e.datetime) < 62 * 86_400_000)).toBe(
      true,
    );
    const store = createKlaviyoStore(seed);
    expect(store.findProfiles('email', 'noa.cohen@example.org')).toEqual([]);
    expect(store.findProfiles('phone_number', '+15035550142').map((p) => p.id)).toEqual([
      DEMO_IDS.samPhone,
    ]);
  });

  it('answers an unsupported filter or parameter with Klaviyo’s 400', async () => {
    harness();
    const bad = await fetch(
      `https://a.klaviyo.com/api/profiles?filter=${encodeURIComponent('contains(email,"x")')}`,
      { headers },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0]).toMatchObject({
      code: 'invalid',
      source: { parameter: 'filter' },
    });
    const or = await fetch(
      `https://a.klaviyo.com/api/profiles?filter=${encodeURIComponent('or(equals(email,"a"),equals(phone_number,"+1"))')}`,
      { headers },
    );
    expect(or.status).toBe(400);
    const unknown = await fetch('https://a.klaviyo.com/api/events?page[size]=5000', { headers });
    expect(unknown.status).toBe(400);
  });

  it('requires the key', async () => {
    harness();
    const none = await fetch('https://a.klaviyo.com/api/accounts', {
      headers: { revision: '2026-07-15' },
    });
    expect(none.status).toBe(401);
    expect((await none.json()).errors[0].code).toBe('not_authenticated');
    const placeholder = await fetch('https://a.klaviyo.com/api/accounts', {
      headers: {
        revision: '2026-07-15',
        Authorization: 'Klaviyo-API-Key {{setting.klaviyo_api_key}}',
      },
    });
    expect(placeholder.status).toBe(401);
  });

  it('consumes injected faults in order, then answers normally', async () => {
    const { store } = harness();
    store.faults.push(
      { method: 'GET', path: /^\/api\/accounts/, status: 429, retryAfter: 5, times: 1 },
      { method: 'GET', path: '/api/accounts', status: 500, times: 1 },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch('https://a.klaviyo.com/api/accounts', { headers })).status);
    expect(statuses).toEqual([429, 500, 200]);
    expect(store.requests.map((r) => r.status)).toEqual([429, 500, 200]);
  });
});
