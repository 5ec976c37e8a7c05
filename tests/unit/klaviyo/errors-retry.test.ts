import { createKlaviyoStore, demoKlaviyoSeed, klaviyoHandlers } from '../../../dev/klaviyo';
import { createKlaviyoClient, KlaviyoError } from '../../../src/klaviyo';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  retryDelay,
} from '../../../src/klaviyo/retry';
import { ZafTransport } from '../../../src/zaf/transport';
import { KLAVIYO_AUTHORIZATION } from '../../../src/zaf/klaviyo-auth';
import { createFakeZafClient } from '../../support/fakeZafClient';
import { harness, server, listenWithKlaviyoServer } from './harness';

listenWithKlaviyoServer();

const maria = { email: 'maria.garcia@example.com' };

describe('retry policy', () => {
  const policy = DEFAULT_RETRY_POLICY;
  it('waits for Retry-After on 429, up to the cap, for any request', () => {
    expect(
      retryDelay(
        { type: 'status', status: 429, retryAfterSeconds: 4 },
        0,
        'once',
        policy,
        () => 0.5,
      ),
    ).toBe(4000);
    expect(
      retryDelay(
        { type: 'status', status: 429, retryAfterSeconds: 6 },
        0,
        'safe',
        policy,
        () => 0.5,
      ),
    ).toBeNull();
  });
  it('backs off with full jitter on 5xx and network failures only for repeatable requests', () => {
    expect(retryDelay({ type: 'network' }, 1, 'safe', policy, () => 0.5)).toBe(500);
    expect(
      retryDelay(
        { type: 'status', status: 502, retryAfterSeconds: null },
        0,
        'safe',
        policy,
        () => 0.999,
      ),
    ).toBe(499);
    expect(retryDelay({ type: 'network' }, 0, 'once', policy, () => 0.5)).toBeNull();
    expect(
      retryDelay(
        { type: 'status', status: 500, retryAfterSeconds: null },
        0,
        'once',
        policy,
        () => 0.5,
      ),
    ).toBeNull();
  });
  it('stops after the bounded number of retries and never retries other errors', () => {
    expect(retryDelay({ type: 'network' }, 2, 'safe', policy, () => 0.5)).toBeNull();
    for (const status of [400, 401, 403, 404, 409]) {
      expect(
        retryDelay(
          { type: 'status', status, retryAfterSeconds: null },
          0,
          'safe',
          policy,
          () => 0.5,
        ),
      ).toBeNull();
    }
  });
  it('caps the backoff and reads Retry-After as seconds or an HTTP date', () => {
    expect(backoffDelay(10, policy, () => 0.999)).toBeLessThan(policy.maxDelayMs);
    expect(parseRetryAfter('12', 0)).toBe(12);
    expect(parseRetryAfter(new Date(20_000).toUTCString(), 0)).toBe(20);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe('errors and retries against the stand-in', () => {
  it('retries a GET after a 429 with the Retry-After wait, then succeeds', async () => {
    const { client, store, sleeps } = harness();
    store.faults.push({
      method: 'GET',
      path: '/api/profiles',
      status: 429,
      retryAfter: 3,
      times: 1,
    });
    await expect(client.lookupProfile(maria)).resolves.toMatchObject({ status: 'found' });
    expect(sleeps).toEqual([3000]);
    expect(store.requests).toHaveLength(2);
  });

  it('gives up on a long Retry-After at once and exposes it', async () => {
    const { client, store, sleeps } = harness();
    store.faults.push({
      method: 'GET',
      path: '/api/profiles',
      status: 429,
      retryAfter: 120,
      times: 1,
    });
    await expect(client.lookupProfile(maria)).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterSeconds: 120,
    });
    expect(sleeps).toEqual([]);
    expect(store.requests).toHaveLength(1);
  });

  it('retries 5xx and dropped connections twice at most, then reports which it was', async () => {
    const { client, store, sleeps } = harness();
    store.faults.push({ method: 'GET', path: '/api/profiles', status: 503, times: 5 });
    await expect(client.lookupProfile(maria)).rejects.toMatchObject({
      kind: 'server',
      status: 503,
    });
    expect(store.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    store.faults.length = 0;
    store.requests.length = 0;
    store.faults.push({ method: 'GET', path: '/api/profiles', networkError: true, times: 1 });
    await expect(client.lookupProfile(maria)).resolves.toMatchObject({ status: 'found' });
  });

  it('treats a wrong key as bad-key, without retrying', async () => {
    const store = createKlaviyoStore(demoKlaviyoSeed());
    server.use(...klaviyoHandlers(store, { apiKey: 'pk_test_some_other_key' }));
    const client = createKlaviyoClient({
      transport: new ZafTransport(createFakeZafClient()),
      authorization: KLAVIYO_AUTHORIZATION,
    });
    const error = await client.lookupProfile(maria).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KlaviyoError);
    expect(error).toMatchObject({
      kind: 'bad-key',
      status: 401,
      errors: [{ code: 'authentication_failed' }],
    });
    expect(store.requests).toHaveLength(1);
  });

  it('names the missing scope on a 403', async () => {
    const { client, store } = harness();
    store.grantedScopes = new Set(['profiles:read']);
    await expect(client.getProfileEvents('x')).rejects.toMatchObject({
      kind: 'missing-scope',
      scope: 'events:read',
    });
    await expect(client.getProfileMemberships('x')).rejects.toMatchObject({
      kind: 'missing-scope',
    });
  });

  it('distinguishes not-found and invalid-request', async () => {
    const { client, store } = harness();
    await expect(client.getProfile('01NOPE00000000000000000000')).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    store.faults.push({ method: 'GET', path: '/api/events', status: 400, times: 1 });
    await expect(client.getProfileEvents('p')).rejects.toMatchObject({
      kind: 'invalid-request',
      status: 400,
    });
    await expect(client.getProfile('  ')).rejects.toMatchObject({
      kind: 'invalid-request',
      status: null,
    });
  });

  it('rejects requests without the revision header as Klaviyo does', async () => {
    harness();
    const response = await fetch('https://a.klaviyo.com/api/accounts', {
      headers: { Authorization: 'Klaviyo-API-Key pk_test_never_in_the_browser' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].detail).toMatch(/revision/);
  });
});

describe('testConnection', () => {
  it('reports the account and no missing scopes for a full key', async () => {
    const { client } = harness();
    expect(await client.testConnection()).toEqual({
      ok: true,
      account: { id: 'AbC123', name: 'Acme' },
      missingScopes: [],
      conversationsAccess: true,
    });
  });

  it('lists the scopes the key lacks and whether Conversations work', async () => {
    const { client, store } = harness();
    store.grantedScopes = new Set([
      'accounts:read',
      'profiles:read',
      'events:read',
      'metrics:read',
    ]);
    const report = await client.testConnection();
    expect(report).toMatchObject({
      ok: false,
      account: { id: 'AbC123' },
      conversationsAccess: false,
    });
    expect(report.missingScopes).toEqual(['conversations:read', 'lists:read', 'segments:read']);
  });

  it('says the key does not work, without an exception, when it is wrong', async () => {
    const store = createKlaviyoStore(demoKlaviyoSeed());
    server.use(...klaviyoHandlers(store, { apiKey: 'pk_test_some_other_key' }));
    const client = createKlaviyoClient({
      transport: new ZafTransport(createFakeZafClient()),
      authorization: KLAVIYO_AUTHORIZATION,
    });
    expect(await client.testConnection()).toEqual({
      ok: false,
      account: null,
      missingScopes: [],
      conversationsAccess: null,
    });
  });

  it('keeps the probes cheap: one item a page where the endpoint allows it', async () => {
    const { client, store } = harness();
    await client.testConnection();
    for (const r of store.requests.filter((r) =>
      ['/api/profiles', '/api/events', '/api/lists', '/api/segments'].includes(r.path),
    )) {
      expect(r.query).toContainEqual(['page[size]', '1']);
    }
  });
});
