/**
 * The ZIS stand-in's HTTP API answers as ZIS does: integrations create their OAuth client,
 * uploads are validated and orphan installed job specs, inbound webhooks need the integration's
 * own token, ingest refuses wrong credentials without running anything, connections go through a
 * consent page and renew expired tokens. The flow's Zendesk calls reach an endpoint defined here.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { buildInboundBundle } from '../../../src/inbound/bundle';
import { EVENT_TYPE, jobSpecName, SOURCE_SYSTEM } from '../../../src/inbound/names';
import { createLocalOAuth, createZisStandIn, jqWasm, type ZisStandIn } from '../../../dev/zis';
import { ACCESS_TOKEN_TTL_MS } from '../../../dev/zis/oauth';

// Answers are read loosely and asserted exactly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const BASE = 'https://acme.zendesk.com';
const ZIS = `${BASE}/api/services/zis`;
const KEY = 'kfz_acme';
const server = setupServer();
let zis: ZisStandIn;
let clock = Date.parse('2026-12-01T12:00:00Z');
let session = { signedIn: true, admin: true, userId: 1 };
let zendeskCalls: Array<{ method: string; url: string; auth: string | null }> = [];
const oauth = createLocalOAuth(() => clock);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  session = { signedIn: true, admin: true, userId: 1 };
  zendeskCalls = [];
  zis = createZisStandIn({
    accountId: 7,
    subdomain: 'acme',
    baseUrl: BASE,
    session: () => session,
    oauth,
    // The flow's Zendesk: every ticket search finds nothing, every write succeeds.
    zendesk: async (request) => {
      zendeskCalls.push({
        method: request.method,
        url: request.url,
        auth: request.headers.get('authorization'),
      });
      if (request.method === 'GET') return HttpResponse.json({ tickets: [] });
      if (request.url.includes('/users/'))
        return HttpResponse.json({ user: { id: 9, role: 'end-user' } }, { status: 201 });
      return HttpResponse.json({ ticket: { id: 100 } }, { status: 201 });
    },
    jq: jqWasm,
    now: () => clock,
    sleep: async () => undefined,
  });
  server.resetHandlers(
    ...zis.handlers,
    http.all(`${BASE}/*`, () => HttpResponse.json({}, { status: 599 })),
  );
});

async function call(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, Loose>) : null,
  };
}

const bundle = () =>
  buildInboundBundle({
    key: KEY,
    smsTag: 'sms',
    mapping: { numbers: [], defaultBrandId: null },
    words: { subjectPrefix: 'SMS from', imageNotice: '[image]', unknownName: 'SMS customer' },
  });

async function register() {
  const created = await call('POST', `${ZIS}/registry/${KEY}`, { description: 'test' });
  const token = oauth.issueToken(created.body!.zendesk_oauth_client.id, ['read', 'write']).token;
  return { created, bearer: { Authorization: `Bearer ${token}` } };
}

async function installed() {
  const { bearer } = await register();
  await call('POST', `${ZIS}/registry/${KEY}/bundles`, bundle());
  await call('POST', `${ZIS}/registry/job_specs/install?job_spec_name=${jobSpecName(KEY)}`);
  const hook = await call(
    'POST',
    `${ZIS}/inbound_webhooks/generic/${KEY}`,
    { source_system: SOURCE_SYSTEM, event_type: EVENT_TYPE },
    bearer,
  );
  const basic = `Basic ${Buffer.from(`${hook.body!.username}:${hook.body!.password}`).toString('base64')}`;
  return { bearer, hook: hook.body!, basic };
}

const text = {
  v: '1',
  profile_id: '01HP',
  phone: '+14155550101',
  email: '',
  first_name: 'Ana',
  last_name: '',
  to: '',
  media_url: '',
  text: 'Hello',
};

describe('the ZIS registry', () => {
  it('creates the integration with its zis_ OAuth client, and answers 409 the second time', async () => {
    const { created } = await register();
    expect(created.status).toBe(200);
    expect(created.body!.zendesk_oauth_client).toMatchObject({ identifier: `zis_${KEY}` });
    expect(oauth.findClient(`zis_${KEY}`)).not.toBeNull();
    expect((await call('POST', `${ZIS}/registry/${KEY}`, {})).status).toBe(409);
  });

  it('refuses a name another account owns, and non-admins', async () => {
    zis.registry.takenNames.add('kfz_taken');
    const taken = await call('POST', `${ZIS}/registry/kfz_taken`, {});
    expect(taken.status).toBe(400);
    expect(taken.body!.errors[0].detail).toMatch(/not available for upsert by this account/);
    session = { ...session, admin: false };
    const agent = await call('GET', `${ZIS}/registry/integrations`);
    expect(agent.status).toBe(403);
    expect(agent.body!.errors[0].detail).toBe('Only admin user is allowed');
  });

  it('answers as a plan without Integration Services when ZIS is unavailable', async () => {
    zis.registry.available = false;
    expect((await call('GET', `${ZIS}/registry/integrations`)).status).toBe(403);
  });

  it('refuses an invalid bundle with the reason, and OAuth tokens on upload', async () => {
    const { bearer } = await register();
    const bad = { ...bundle(), zis_template_version: '2021-01-01' };
    const refused = await call('POST', `${ZIS}/registry/${KEY}/bundles`, bad);
    expect(refused.status).toBe(400);
    expect(refused.body!.errors[0].detail).toMatch(/zis_template_version/);
    const oauthUpload = await call('POST', `${ZIS}/registry/${KEY}/bundles`, bundle(), bearer);
    expect(oauthUpload.status).toBe(401);
    expect(oauthUpload.body!.errors[0].detail).toBe('OAuth being disabled for this API request');
  });

  it('leaves job specs uninstalled after upload until installed, as read back', async () => {
    await register();
    await call('POST', `${ZIS}/registry/${KEY}/bundles`, bundle());
    const before = await call('GET', `${ZIS}/registry/${KEY}/job_specs`);
    expect(before.body!.job_specs).toEqual([
      expect.objectContaining({ name: jobSpecName(KEY), installed: false }),
    ]);
    expect(
      (await call('POST', `${ZIS}/registry/job_specs/install?job_spec_name=${jobSpecName(KEY)}`))
        .status,
    ).toBe(204);
    const after = await call('GET', `${ZIS}/registry/${KEY}/job_specs`);
    expect(after.body!.job_specs[0].installed).toBe(true);
    expect(
      (
        await call(
          'POST',
          `${ZIS}/registry/job_specs/install?job_spec_name=zis:${KEY}:job_spec:nope`,
        )
      ).status,
    ).toBe(404);
  });

  it('keeps routing events to the old flow through an orphaned job spec after a re-upload', async () => {
    const { hook, basic } = await installed();
    await call('POST', `${ZIS}/registry/${KEY}/bundles`, bundle());
    const specs = await call('GET', `${ZIS}/registry/${KEY}/job_specs`);
    expect(specs.body!.job_specs[0].installed).toBe(false);
    await call('POST', `${BASE}${hook.path}`, text, { Authorization: basic });
    expect(zis.runs().map((r) => r.flow)).toEqual([`${jobSpecName(KEY)} (orphaned)`]);
  });

  it('stores, replaces and deletes config scopes', async () => {
    await register();
    const configs = `${ZIS}/integrations/${KEY}/configs`;
    expect((await call('POST', configs, { scope: 'kfz_inbound', config: { a: 1 } })).status).toBe(
      201,
    );
    expect((await call('POST', configs, { scope: 'kfz_inbound', config: { a: 1 } })).status).toBe(
      409,
    );
    await call('PUT', `${configs}/kfz_inbound`, { config: { a: 2 } });
    const read = await call('GET', `${configs}?filter[scope]=kfz_inbound`);
    expect(read.body!.configs[0].config).toEqual({ a: 2 });
    expect((await call('DELETE', `${configs}/kfz_inbound`)).status).toBe(204);
    expect((await call('DELETE', `${configs}/kfz_inbound`)).status).toBe(404);
  });
});

describe('ZIS inbound webhooks', () => {
  it('are created only with a token of the integration’s own client', async () => {
    await register();
    const body = { source_system: SOURCE_SYSTEM, event_type: EVENT_TYPE };
    expect((await call('POST', `${ZIS}/inbound_webhooks/generic/${KEY}`, body)).status).toBe(401);
    const other = oauth.createClient('zis_other', 'other');
    const otherToken = oauth.issueToken(other.id, ['read']).token;
    const mismatch = await call('POST', `${ZIS}/inbound_webhooks/generic/${KEY}`, body, {
      Authorization: `Bearer ${otherToken}`,
    });
    expect(mismatch.body!.errors[0].detail).toBe('integration mismatch');
  });

  it('answer 200 and run nothing when no job spec is installed', async () => {
    const { bearer } = await register();
    const hook = await call(
      'POST',
      `${ZIS}/inbound_webhooks/generic/${KEY}`,
      { source_system: SOURCE_SYSTEM, event_type: EVENT_TYPE },
      bearer,
    );
    const basic = `Basic ${Buffer.from(`${hook.body!.username}:${hook.body!.password}`).toString('base64')}`;
    expect(
      (await call('POST', `${BASE}${hook.body!.path}`, text, { Authorization: basic })).status,
    ).toBe(200);
    expect(zis.runs()).toEqual([]);
  });

  it('refuse wrong credentials with 401 and run nothing', async () => {
    const { hook } = await installed();
    const wrong = `Basic ${Buffer.from(`${hook.username}:nope`).toString('base64')}`;
    expect((await call('POST', `${BASE}${hook.path}`, text, { Authorization: wrong })).status).toBe(
      401,
    );
    expect((await call('POST', `${BASE}${hook.path}`, text)).status).toBe(401);
    expect(zis.runs()).toEqual([]);
    expect(zendeskCalls).toEqual([]);
  });

  it('refuse a body that is not JSON (a template Klaviyo did not escape) with 400', async () => {
    const { hook, basic } = await installed();
    const broken = '{"text":"He said "hi""}';
    const answer = await call('POST', `${BASE}${hook.path}`, broken, { Authorization: basic });
    expect(answer.status).toBe(400);
    expect(zis.runs()).toEqual([]);
  });

  it('run the inbound flow to its end before answering, with the connection’s token', async () => {
    const { hook, basic } = await installed();
    zis.registry.integrations.get(KEY)!.connections.set('zendesk', {
      name: 'zendesk',
      accessToken: 'tok-1',
      refreshToken: null,
      tokenExpiry: clock + 60_000,
      createdBy: 1,
    });
    expect((await call('POST', `${BASE}${hook.path}`, text, { Authorization: basic })).status).toBe(
      200,
    );
    const [run] = zis.runs();
    expect(run).toMatchObject({ outcome: 'succeeded', message: 'Ticket created from the text' });
    expect(run!.attempts[0]!.states).toEqual([
      'Constants',
      'Normalize',
      'CheckValid',
      'FindTickets',
      'Pick',
      'Route',
      'BuildUser',
      'UpsertUser',
      'CheckCustomer',
      'BuildTicket',
      'CreateTicket',
      'Recheck',
      'Settle',
      'AfterSettle',
      'DoneCreated',
    ]);
    // Find the customer's tickets, upsert the user, create the ticket, look again for a twin.
    expect(zendeskCalls.map((c) => c.auth)).toEqual([
      'Bearer tok-1',
      'Bearer tok-1',
      'Bearer tok-1',
      'Bearer tok-1',
    ]);
  });

  it('are deleted by uuid', async () => {
    const { hook, bearer } = await installed();
    expect(
      (
        await call(
          'DELETE',
          `${ZIS}/inbound_webhooks/generic/${KEY}/${hook.uuid}`,
          undefined,
          bearer,
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await call(
          'DELETE',
          `${ZIS}/inbound_webhooks/generic/${KEY}/${hook.uuid}`,
          undefined,
          bearer,
        )
      ).status,
    ).toBe(404);
  });
});

describe('ZIS connections', () => {
  async function consent(decision: 'allow' | 'deny') {
    await register();
    const start = await call('POST', `${ZIS}/connections/oauth/start/${KEY}`, {
      name: 'zendesk',
      oauth_client_name: 'zendesk',
      oauth_url_subdomain: 'acme',
      origin_oauth_redirect_url: `${BASE}/agent/apps/klaviyo`,
      permission_scopes: 'read write',
      allow_offline_access: true,
    });
    const page = await fetch(start.body!.redirect_url);
    expect(await page.text()).toContain('Allow');
    const flowToken = new URL(start.body!.redirect_url).searchParams.get('flow_token')!;
    return fetch(`${BASE}/api/services/zis/connections/oauth/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ flow_token: flowToken, decision }).toString(),
      redirect: 'manual',
    });
  }
  const connections = () => call('GET', `${ZIS}/integrations/${KEY}/connections/all`);

  it('store a token once the admin allows, never answering it in clear', async () => {
    const answer = await consent('allow');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(`${BASE}/agent/apps/klaviyo`);
    const [conn] = (await connections()).body!.oauth;
    expect(conn).toMatchObject({ name: 'zendesk', access_token: '*****' });
    expect(Date.parse(conn.token_expiry)).toBe(clock + ACCESS_TOKEN_TTL_MS);
  });

  it('store nothing when the admin denies', async () => {
    const answer = await consent('deny');
    expect(answer.headers.get('location')).toContain('error=access_denied');
    expect((await connections()).body!.oauth).toEqual([]);
  });

  it('renew an expired token with the refresh token when a flow needs it', async () => {
    await consent('allow');
    const integration = zis.registry.integrations.get(KEY)!;
    const first = integration.connections.get('zendesk')!.accessToken;
    await call('POST', `${ZIS}/registry/${KEY}/bundles`, bundle());
    await call('POST', `${ZIS}/registry/job_specs/install?job_spec_name=${jobSpecName(KEY)}`);
    const token = oauth.issueToken(integration.oauthClientId, ['read']).token;
    const hook = await call(
      'POST',
      `${ZIS}/inbound_webhooks/generic/${KEY}`,
      { source_system: SOURCE_SYSTEM, event_type: EVENT_TYPE },
      { Authorization: `Bearer ${token}` },
    );
    clock += ACCESS_TOKEN_TTL_MS + 1;
    const basic = `Basic ${Buffer.from(`${hook.body!.username}:${hook.body!.password}`).toString('base64')}`;
    await call('POST', `${BASE}${hook.body!.path}`, text, { Authorization: basic });
    const renewed = integration.connections.get('zendesk')!.accessToken;
    expect(renewed).not.toBe(first);
    expect(zendeskCalls[0]!.auth).toBe(`Bearer ${renewed}`);
  });
});
