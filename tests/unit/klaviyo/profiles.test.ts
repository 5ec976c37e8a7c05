import { http, HttpResponse } from 'msw';
import { KlaviyoError } from '../../../src/klaviyo';
import { DEMO_IDS } from '../../../dev/klaviyo';
import { TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';
import { filtersSent, harness, server, listenWithKlaviyoServer } from './harness';

listenWithKlaviyoServer();

describe('lookupProfile', () => {
  it('finds Maria by email with one request carrying the key, revision and JSON:API headers', async () => {
    const { client, store } = harness();
    const result = await client.lookupProfile({
      email: 'maria.garcia@example.com',
      phone: '+1 415 555 0101',
    });
    expect(result).toMatchObject({
      status: 'found',
      matchedBy: 'email',
      profile: { id: DEMO_IDS.maria },
    });
    expect(store.requests).toHaveLength(1);
    const [req] = store.requests;
    expect(req!.headers.authorization).toBe(`Klaviyo-API-Key ${TEST_KLAVIYO_KEY}`);
    expect(req!.headers.revision).toBe('2026-07-15');
    expect(req!.headers.accept).toBe('application/vnd.api+json');
    expect(filtersSent(store, '/api/profiles')).toEqual([
      'equals(email,"maria.garcia@example.com")',
    ]);
  });

  it('normalises the profile: consent and location, leaving predictive analytics for later', async () => {
    const { client } = harness();
    const result = await client.lookupProfile({ email: 'maria.garcia@example.com' });
    if (result.status !== 'found') throw new Error(result.status);
    const p = result.profile;
    expect(p.firstName).toBe('Maria');
    expect(p.phoneNumber).toBe('+14155550101');
    expect(p.location?.timezone).toBe('America/Los_Angeles');
    expect(p.subscriptions?.smsMarketing).toMatchObject({ state: 'subscribed', canReceive: true });
    expect(p.subscriptions?.smsTransactional?.state).toBe('subscribed');
    // Maria has predictions in Klaviyo, but the lookup does not ask for them.
    expect(p.predictiveAnalytics).toBeNull();
  });

  it('never asks a lookup or search for predictive analytics, which would cut the limit to 150/m', async () => {
    const { client, store } = harness();
    await client.lookupProfile({ email: 'sam.taylor@example.com', phone: '+15035550142' });
    await client.lookupProfile({ phone: '+82 10-5550-1234' });
    await client.lookupProfile({ linkedProfileId: DEMO_IDS.sven });
    await client.searchProfiles(DEMO_IDS.jordan);
    await client.searchProfiles('maria.garcia@example.com');
    const paths = store.requests.map((r) => r.path);
    expect(paths).toEqual([
      '/api/profiles',
      '/api/profiles',
      '/api/profiles',
      `/api/profiles/${DEMO_IDS.sven}`,
      '/api/profiles',
      '/api/profiles',
    ]);
    for (const r of store.requests) {
      const query = new URL(r.url).search;
      expect(query).toContain('additional-fields%5Bprofile%5D=subscriptions&');
      expect(query).not.toContain('predictive');
      expect(r.query.filter(([k]) => k === 'additional-fields[profile]')).toEqual([
        ['additional-fields[profile]', 'subscriptions'],
      ]);
    }
  });

  it('reports Jordan as unsubscribed from SMS and email', async () => {
    const { client } = harness();
    const result = await client.lookupProfile({ email: 'jordan.lee@example.com' });
    if (result.status !== 'found') throw new Error(result.status);
    expect(result.profile.subscriptions?.smsMarketing?.state).toBe('unsubscribed');
    expect(result.profile.subscriptions?.emailMarketing?.state).toBe('unsubscribed');
    expect(result.profile.subscriptions?.emailSuppressions).toEqual(['UNSUBSCRIBE']);
  });

  it('uses a linked profile id first, and falls back to the email when that profile is gone', async () => {
    const { client, store } = harness();
    const linked = await client.lookupProfile({
      linkedProfileId: DEMO_IDS.sven,
      email: 'x@example.com',
    });
    expect(linked).toMatchObject({
      status: 'found',
      matchedBy: 'linked',
      profile: { id: DEMO_IDS.sven },
    });
    expect(store.requests.map((r) => r.path)).toEqual([`/api/profiles/${DEMO_IDS.sven}`]);
    store.requests.length = 0;
    const fallback = await client.lookupProfile({
      linkedProfileId: '01DELETED00000000000000000',
      email: 'sven.lindqvist@example.se',
    });
    expect(fallback).toMatchObject({
      status: 'found',
      matchedBy: 'email',
      profile: { id: DEMO_IDS.sven },
    });
  });

  it('finds a phone-only requester by the number normalised to E.164', async () => {
    const { client, store } = harness();
    const result = await client.lookupProfile({ email: null, phone: '+82 10-5550-1234' });
    expect(result).toMatchObject({
      status: 'found',
      matchedBy: 'phone',
      profile: { id: DEMO_IDS.phone },
    });
    expect(filtersSent(store, '/api/profiles')).toEqual(['equals(phone_number,"+821055501234")']);
  });

  it('reads a local-format phone in the default country', async () => {
    const { client, store } = harness();
    const result = await client.lookupProfile(
      { phone: '(212) 555-0199' },
      { defaultCountry: 'US' },
    );
    expect(result).toMatchObject({ status: 'found', profile: { id: DEMO_IDS.jordan } });
    expect(filtersSent(store, '/api/profiles')).toEqual(['equals(phone_number,"+12125550199")']);
  });

  it('returns both of Sam Taylor’s profiles when the email matches one and the phone another', async () => {
    const { client, store } = harness();
    const result = await client.lookupProfile({
      email: 'sam.taylor@example.com',
      phone: '+15035550142',
    });
    expect(result.status).toBe('multiple');
    if (result.status !== 'multiple') return;
    expect(result.profiles.map((p) => p.id)).toEqual([DEMO_IDS.samEmail, DEMO_IDS.samPhone]);
    expect(store.requests).toHaveLength(2);
  });

  it('says none, with what it searched, when nobody matches (Noa)', async () => {
    const { client } = harness();
    expect(await client.lookupProfile({ email: ' Noa.Cohen@example.org ' })).toEqual({
      status: 'none',
      searched: { email: 'noa.cohen@example.org', phone: null },
    });
  });

  it('asks nothing of Klaviyo when the requester has no email and no usable phone', async () => {
    const { client, store } = harness();
    expect(await client.lookupProfile({ email: '', phone: 'call me' })).toEqual({
      status: 'no-identifier',
    });
    expect(await client.lookupProfile({})).toEqual({ status: 'no-identifier' });
    expect(store.requests).toHaveLength(0);
  });

  it('escapes quotes and backslashes and keeps plus signs in an email filter', async () => {
    const { client, store } = harness();
    store.addProfile({
      id: '01HOSTILE00000000000000000',
      attributes: { email: 'o"neil\\x+tag@example.com' },
    });
    const result = await client.lookupProfile({ email: 'o"neil\\x+tag@example.com' });
    expect(result).toMatchObject({
      status: 'found',
      profile: { id: '01HOSTILE00000000000000000' },
    });
    expect(filtersSent(store, '/api/profiles')).toEqual([
      'equals(email,"o\\"neil\\\\x+tag@example.com")',
    ]);
    expect(store.requests[0]!.url).toContain('%2Btag');
  });

  it('tolerates nulls and missing objects where strings and objects belong', async () => {
    const { client, store } = harness();
    store.addProfile({
      id: '01SPARSE000000000000000000',
      attributes: {
        email: 'sparse@example.com',
        first_name: null,
        location: null,
        subscriptions: null,
        predictive_analytics: 'n/a',
      },
    });
    const result = await client.lookupProfile({ email: 'sparse@example.com' });
    if (result.status !== 'found') throw new Error(result.status);
    expect(result.profile).toMatchObject({
      firstName: null,
      location: null,
      subscriptions: null,
      predictiveAnalytics: null,
    });
  });

  it('turns a malformed 2xx body into KlaviyoError("malformed")', async () => {
    const { client } = harness();
    server.use(
      http.get('https://a.klaviyo.com/api/profiles', () =>
        HttpResponse.json({ data: [{ type: 'profile' }] }),
      ),
    );
    await expect(client.lookupProfile({ email: 'maria.garcia@example.com' })).rejects.toMatchObject(
      { kind: 'malformed' },
    );
    server.use(
      http.get(
        'https://a.klaviyo.com/api/profiles',
        () => new HttpResponse('<html>oops</html>', { status: 200 }),
      ),
    );
    const error = await client
      .lookupProfile({ email: 'maria.garcia@example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KlaviyoError);
    expect((error as KlaviyoError).kind).toBe('malformed');
  });
});

describe('searchProfiles', () => {
  it('searches by email, by phone in any format, or by profile id', async () => {
    const { client } = harness();
    expect(await client.searchProfiles('SVEN.LINDQVIST@example.se')).toMatchObject({
      status: 'found',
      matchedBy: 'search',
      profile: { id: DEMO_IDS.sven },
    });
    expect(await client.searchProfiles('415-555-0101')).toMatchObject({
      status: 'found',
      profile: { id: DEMO_IDS.maria },
    });
    expect(await client.searchProfiles(DEMO_IDS.jordan)).toMatchObject({
      status: 'found',
      profile: { id: DEMO_IDS.jordan },
    });
  });

  it('answers no-identifier for text that is neither an email, a phone nor an id', async () => {
    const { client, store } = harness();
    expect(await client.searchProfiles('maria')).toEqual({ status: 'no-identifier' });
    expect(store.requests).toHaveLength(0);
  });
});

describe('getPredictiveAnalytics', () => {
  it("reads Maria's predictions from her profile alone, asking for that one field", async () => {
    const { client, store } = harness();
    const predictions = await client.getPredictiveAnalytics(DEMO_IDS.maria);
    expect(predictions).toMatchObject({
      historicClv: 246.5,
      predictedClv: 180,
      churnProbability: 0.12,
    });
    expect(predictions?.expectedDateOfNextOrder).toEqual(expect.any(String));
    expect(store.requests).toHaveLength(1);
    const [req] = store.requests;
    expect(req!.method).toBe('GET');
    expect(req!.path).toBe(`/api/profiles/${DEMO_IDS.maria}`);
    expect(new URL(req!.url).search).toBe(
      '?additional-fields%5Bprofile%5D=predictive_analytics&fields%5Bprofile%5D=predictive_analytics',
    );
  });

  it('answers null when Klaviyo has no predictions for the profile', async () => {
    const { client, store } = harness();
    await expect(client.getPredictiveAnalytics(DEMO_IDS.sven)).resolves.toBeNull();
    store.addProfile({
      id: '01NOPREDICTIONS00000000000',
      attributes: {
        email: 'new@example.com',
        predictive_analytics: {
          historic_clv: null,
          predicted_clv: null,
          churn_probability: null,
          expected_date_of_next_order: null,
        },
      },
    });
    await expect(client.getPredictiveAnalytics('01NOPREDICTIONS00000000000')).resolves.toBeNull();
  });

  it('says when the profile is gone, and refuses an empty id without a request', async () => {
    const { client, store } = harness();
    await expect(client.getPredictiveAnalytics('01GONE0000000000000000000')).rejects.toMatchObject({
      kind: 'not-found',
    });
    const before = store.requests.length;
    await expect(client.getPredictiveAnalytics('  ')).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    expect(store.requests).toHaveLength(before);
  });
});
