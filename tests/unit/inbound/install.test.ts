/**
 * Install, resume and Remove against the ZIS stand-in, through the app's Zendesk transport as an
 * admin would: every object in order, the consent pop-up as a pause, a failure naming its step
 * and HTTP status, Install again continuing without doubling anything, Remove leaving tickets.
 * The Klaviyo side is a small flows store here that validates bodies against Klaviyo's spec
 * (the Klaviyo stand-in's flows API replaces it once merged).
 */
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { applyPlan } from '../../../src/provision';
import {
  ConsentNeeded,
  healthOf,
  installPlan,
  readInbound,
  removePlan,
  type InboundEnv,
  type KlaviyoFlows,
} from '../../../src/inbound/install';
import type { FlowCreateQuery } from '../../../src/inbound/klaviyo-flow';
import { jobSpecName } from '../../../src/inbound/names';
import { ZendeskError } from '../../../src/zendesk/errors';
import type { Transport } from '../../../src/transport';
import {
  createLocalOAuth,
  createZisStandIn,
  jqWasm,
  zendeskOAuthHandlers,
  type ZisStandIn,
} from '../../../dev/zis';
import { klaviyoSchema } from './klaviyoSpec';

const BASE = 'https://acme.zendesk.com';
const KEY = 'kfz_acme';
const server = setupServer();
let zis: ZisStandIn;
const oauth = createLocalOAuth();

const transport: Transport = {
  async send(request) {
    const url = request.url.startsWith('/') ? `${BASE}${request.url}` : request.url;
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k] = v));
    return { status: response.status, headers, body: await response.text() };
  },
};

class FlowsStore implements KlaviyoFlows {
  flows = new Map<string, { status: string; body: FlowCreateQuery }>();
  failCreate: number | null = null;
  creates = 0;
  async sentSmsMetricId() {
    return 'SmSnT1';
  }
  async findFlow(name: string) {
    for (const [id, f] of this.flows) {
      if (f.body.data.attributes.name === name) return { id, status: f.status };
    }
    return null;
  }
  async createFlow(body: FlowCreateQuery) {
    if (this.failCreate) {
      throw new ZendeskError('forbidden', 'Klaviyo refused', this.failCreate);
    }
    const validate = klaviyoSchema('FlowCreateQuery');
    if (!validate(body)) throw new Error(JSON.stringify(validate.errors));
    this.creates += 1;
    const id = `FL${this.creates}`;
    this.flows.set(id, { status: 'draft', body });
    return id;
  }
  async setFlowStatus(id: string, status: 'live' | 'draft') {
    this.flows.get(id)!.status = status;
  }
  async deleteFlow(id: string) {
    this.flows.delete(id);
  }
}

let klaviyo: FlowsStore;
let env: InboundEnv;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  zis = createZisStandIn({
    accountId: 7,
    subdomain: 'acme',
    baseUrl: BASE,
    session: () => ({ signedIn: true, admin: true, userId: 1 }),
    oauth,
    zendesk: async () => HttpResponse.json({ tickets: [] }),
    jq: jqWasm,
    sleep: async () => undefined,
  });
  const admin = () => ({ signedIn: true, admin: true });
  server.resetHandlers(...zis.handlers, ...zendeskOAuthHandlers(BASE, oauth, admin));
  klaviyo = new FlowsStore();
  env = {
    zendesk: transport,
    klaviyo,
    key: KEY,
    subdomain: 'acme',
    origin: BASE,
    returnUrl: `${BASE}/agent/apps/klaviyo`,
    smsTag: 'sms',
    mapping: { numbers: [], defaultBrandId: null },
    words: { subjectPrefix: 'SMS from', imageNotice: '[image]', unknownName: 'SMS customer' },
    session: {},
  };
});

async function install() {
  return applyPlan(installPlan(env, await readInbound(env)), env);
}

async function allow(redirectUrl: string) {
  const token = new URL(redirectUrl).searchParams.get('flow_token')!;
  await fetch(`${BASE}/api/services/zis/connections/oauth/consent`, {
    method: 'POST',
    body: new URLSearchParams({ flow_token: token, decision: 'allow' }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
}

async function installWithConsent() {
  const first = await install();
  if (first.ok || !(first.failed.cause instanceof ConsentNeeded))
    throw new Error('expected consent');
  await allow(first.failed.cause.redirectUrl);
  return install();
}

describe('installing inbound SMS', () => {
  it('stops for the admin’s consent after registering the integration, then finishes every step', async () => {
    const first = await install();
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.done.map((d) => d.key)).toEqual(['integration']);
    expect(first.failed.step.key).toBe('connection');
    await allow((first.failed.cause as ConsentNeeded).redirectUrl);

    const second = await install();
    expect(second.ok ? null : [second.failed.step.key, String(second.failed.cause)]).toBeNull();
    expect(second.done.map((d) => [d.key, d.action])).toEqual([
      ['integration', 'keep'],
      ['connection', 'keep'],
      ['webhook', 'create'],
      ['bundle', 'update'],
      ['job-spec', 'create'],
      ['klaviyo-flow', 'create'],
      ['klaviyo-live', 'update'],
      ['config', 'create'],
    ]);
    const integration = zis.registry.integrations.get(KEY)!;
    expect(integration.jobSpecs.get(jobSpecName(KEY))!.installed).toBe(true);
    const [flow] = [...klaviyo.flows.values()];
    expect(flow!.status).toBe('live');
    const hook = [...zis.registry.webhooks.values()][0]!;
    expect(flow!.body.data.attributes.definition.actions[0]!.data.message.url).toBe(
      `${BASE}/api/services/zis/inbound_webhooks/generic/ingest/${hook.token}`,
    );
    expect(integration.configs.get('kfz_inbound')).toMatchObject({
      webhook_uuid: hook.uuid,
      klaviyo_flow_id: 'FL1',
    });
  });

  it('keeps no password anywhere but in the Klaviyo flow once installed', async () => {
    await installWithConsent();
    const hook = [...zis.registry.webhooks.values()][0]!;
    expect(env.session.webhook).toBeUndefined();
    expect(JSON.stringify([...zis.registry.integrations.get(KEY)!.configs.values()])).not.toContain(
      hook.password,
    );
  });

  it('changes nothing when installed again', async () => {
    await installWithConsent();
    const again = await install();
    expect(again.ok && again.done.map((d) => d.action)).toEqual([
      'keep',
      'keep',
      'keep',
      'keep',
      'keep',
      'keep',
      'keep',
      'keep',
    ]);
    expect(zis.registry.webhooks.size).toBe(1);
    expect(klaviyo.creates).toBe(1);
  });

  it('names the failed step and its HTTP status, and resumes from there without a second webhook', async () => {
    await install().then(
      async (r) => !r.ok && (await allow((r.failed.cause as ConsentNeeded).redirectUrl)),
    );
    klaviyo.failCreate = 403;
    const failed = await install();
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.failed.step.key).toBe('klaviyo-flow');
    expect(failed.failed.httpStatus).toBe(403);
    expect(failed.failed.advice).toBe('setup.advice.permission');

    klaviyo.failCreate = null;
    const resumed = await install();
    expect(resumed.ok).toBe(true);
    expect(zis.registry.webhooks.size).toBe(1);
  });

  it('replaces the webhook when the page lost its password before the Klaviyo flow was made, deleting the old one', async () => {
    await install().then(
      async (r) => !r.ok && (await allow((r.failed.cause as ConsentNeeded).redirectUrl)),
    );
    klaviyo.failCreate = 500;
    await install();
    const oldUuid = [...zis.registry.webhooks.keys()][0];
    env.session = {};
    klaviyo.failCreate = null;
    const resumed = await install();
    expect(resumed.ok).toBe(true);
    expect([...zis.registry.webhooks.keys()]).not.toContain(oldUuid);
    expect(zis.registry.webhooks.size).toBe(1);
  });

  it('reports health from live reads', async () => {
    await installWithConsent();
    const health = healthOf(await readInbound(env), Date.now());
    expect(health).toEqual({
      installed: true,
      jobSpecInstalled: true,
      connection: 'valid',
      flowLive: true,
      flowMatches: true,
    });
  });

  it('removes the job spec install, the Klaviyo flow, the webhook and the config', async () => {
    await installWithConsent();
    const removed = await applyPlan(removePlan(env, await readInbound(env)), env);
    expect(removed.ok).toBe(true);
    expect(zis.registry.integrations.get(KEY)!.jobSpecs.get(jobSpecName(KEY))!.installed).toBe(
      false,
    );
    expect(klaviyo.flows.size).toBe(0);
    expect(zis.registry.webhooks.size).toBe(0);
    const health = healthOf(await readInbound(env), Date.now());
    expect(health).toMatchObject({ installed: false, jobSpecInstalled: false, flowLive: false });
  });
});
