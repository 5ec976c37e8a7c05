/**
 * Installing, repairing and removing the inbound path, as ordered provisioning plans (the step
 * and outcome types of `src/provision`): the ZIS integration, its Zendesk connection (consent in a
 * pop-up), the inbound webhook, the bundle, the job spec install (confirmed by reading back), the
 * config, and the Klaviyo flow, set live. Each plan is made from what Zendesk and Klaviyo hold
 * now, so Install again resumes where a failure stopped it. The webhook's password lives only in
 * `InstallSession` (page memory) between creating the webhook and creating the Klaviyo flow;
 * when the page lost it, a fresh webhook replaces the old one.
 */
import type { Step } from '../provision';
import type { Transport } from '../transport';
import {
  createAccessToken,
  createInboundWebhook,
  createIntegration,
  deleteConfig,
  deleteInboundWebhook,
  findOAuthClient,
  installJobSpec,
  listIntegrations,
  listJobSpecs,
  readConfig,
  readConnection,
  startZendeskConnection,
  uninstallJobSpec,
  uploadBundle,
  writeConfig,
  type ZisConnectionStatus,
  type ZisInboundWebhook,
} from '../zendesk/zis';
import type { BrandMapping } from './brands';
import { buildInboundBundle, bundleHash, type BundleWords } from './bundle';
import { ingestUrl, klaviyoFlowBody, type FlowCreateQuery } from './klaviyo-flow';
import {
  CONFIG_SCOPE,
  CONNECTION,
  EVENT_TYPE,
  jobSpecName,
  KLAVIYO_FLOW_NAME,
  oauthClientIdentifier,
  SOURCE_SYSTEM,
} from './names';

/** The Klaviyo calls the install makes (through the app's secure Klaviyo transport). */
export interface KlaviyoFlows {
  /** The id of metric `Sent SMS` of integration Klaviyo; null when the account has none. */
  sentSmsMetricId(): Promise<string | null>;
  findFlow(name: string): Promise<{ id: string; status: string } | null>;
  createFlow(body: FlowCreateQuery): Promise<string>;
  setFlowStatus(id: string, status: 'live' | 'draft'): Promise<void>;
  deleteFlow(id: string): Promise<void>;
}

/** What the page keeps in memory between runs; never persisted, never logged. */
export interface InstallSession {
  oauthClientId?: number;
  webhook?: ZisInboundWebhook;
}

export interface InboundEnv {
  zendesk: Transport;
  klaviyo: KlaviyoFlows;
  key: string;
  subdomain: string;
  /** `https://{sub}.zendesk.com`. */
  origin: string;
  /** Where the consent pop-up returns to. */
  returnUrl: string;
  smsTag: string;
  mapping: BrandMapping;
  words: BundleWords;
  session: InstallSession;
}

/** The non-secret record kept in the integration's ZIS config scope. */
export interface InboundRecord {
  webhook_uuid: string | null;
  klaviyo_flow_id: string | null;
  bundle_hash: string | null;
  mapping: BrandMapping;
}

export interface InboundState {
  integration: boolean;
  record: InboundRecord | null;
  jobSpecInstalled: boolean;
  connection: ZisConnectionStatus | null;
  flow: { id: string; status: string } | null;
}

/** The admin must click Allow in the consent pop-up; Install again continues afterwards. */
export class ConsentNeeded extends Error {
  override readonly name = 'ConsentNeeded';
  constructor(readonly redirectUrl: string) {
    super('The Zendesk connection needs the admin’s consent');
  }
}

/** Reads what exists now; everything a plan is made from. */
export async function readInbound(env: InboundEnv): Promise<InboundState> {
  const integrations = await listIntegrations(env.zendesk);
  const flow = await env.klaviyo.findFlow(KLAVIYO_FLOW_NAME);
  if (!integrations.some((i) => i.name === env.key)) {
    return { integration: false, record: null, jobSpecInstalled: false, connection: null, flow };
  }
  const [record, specs, connection] = await Promise.all([
    readConfig<InboundRecord>(env.zendesk, env.key, CONFIG_SCOPE),
    listJobSpecs(env.zendesk, env.key),
    readConnection(env.zendesk, env.key, CONNECTION),
  ]);
  const spec = specs.find((s) => s.name === jobSpecName(env.key) || s.name === 'inbound_sms');
  return {
    integration: true,
    record,
    jobSpecInstalled: spec?.installed === true,
    connection,
    flow,
  };
}

const summary = (action: string, object: string) => ({
  key: `setup.plan.${action}`,
  object: `setup.inbound.objects.${object}`,
});

function step(
  key: string,
  action: Step<InboundEnv>['action'],
  targetId: string | number | null,
  run?: Step<InboundEnv>['run'],
): Step<InboundEnv> {
  return {
    key,
    object: `setup.inbound.objects.${key}`,
    action,
    targetId,
    summary: summary(action, key),
    ...(run ? { run } : {}),
  };
}

async function setupToken(env: InboundEnv): Promise<string> {
  let clientId = env.session.oauthClientId;
  if (clientId === undefined) {
    const client = await findOAuthClient(env.zendesk, oauthClientIdentifier(env.key));
    if (!client) throw new Error(`OAuth client ${oauthClientIdentifier(env.key)} not found`);
    clientId = client.id;
    env.session.oauthClientId = clientId;
  }
  return createAccessToken(env.zendesk, clientId);
}

function recordOf(env: InboundEnv, state: InboundState): InboundRecord {
  return (
    state.record ?? {
      webhook_uuid: null,
      klaviyo_flow_id: null,
      bundle_hash: null,
      mapping: env.mapping,
    }
  );
}

/** The saved record already says what this install would write. */
function recordFresh(
  state: InboundState,
  mapping: BrandMapping,
  hash: string,
  flowFresh: boolean,
): boolean {
  const r = state.record;
  return (
    r !== null &&
    flowFresh &&
    state.flow?.status === 'live' &&
    r.bundle_hash === hash &&
    r.klaviyo_flow_id === state.flow.id &&
    JSON.stringify(r.mapping) === JSON.stringify(mapping)
  );
}

/** The install (and repair) plan: only what is missing or different is written. */
export function installPlan(env: InboundEnv, state: InboundState): Step<InboundEnv>[] {
  const record = recordOf(env, state);
  const hash = bundleHash(buildInboundBundle({ ...env }));
  const flowOk = state.flow !== null && state.flow.id === record.klaviyo_flow_id;
  const webhookOk =
    record.webhook_uuid !== null && (flowOk || env.session.webhook?.uuid === record.webhook_uuid);
  const flowFresh = webhookOk && flowOk;
  const bundleOk = record.bundle_hash === hash;
  const oldWebhook = !webhookOk ? record.webhook_uuid : null;
  let written: InboundRecord = { ...record, bundle_hash: hash, mapping: env.mapping };
  let savedOnce = false;
  const save = async (e: InboundEnv, changes: Partial<InboundRecord>) => {
    written = { ...written, ...changes };
    await writeConfig(e.zendesk, e.key, CONFIG_SCOPE, written, state.record !== null || savedOnce);
    savedOnce = true;
  };

  return [
    state.integration
      ? step('integration', 'keep', env.key)
      : step('integration', 'create', null, async (e) => {
          const client = await createIntegration(
            e.zendesk,
            e.key,
            'Klaviyo for Zendesk inbound SMS',
          );
          if (client) e.session.oauthClientId = client.id;
          return e.key;
        }),
    state.connection?.hasToken
      ? step('connection', 'keep', CONNECTION)
      : step('connection', 'create', null, async (e) => {
          const now = await readConnection(e.zendesk, e.key, CONNECTION);
          if (now?.hasToken) return CONNECTION;
          const start = await startZendeskConnection(e.zendesk, e.key, e.subdomain, e.returnUrl);
          throw new ConsentNeeded(start.redirectUrl);
        }),
    webhookOk
      ? step('webhook', 'keep', record.webhook_uuid)
      : step('webhook', 'create', null, async (e) => {
          const hook = await createInboundWebhook(
            e.zendesk,
            e.key,
            await setupToken(e),
            SOURCE_SYSTEM,
            EVENT_TYPE,
          );
          e.session.webhook = hook;
          await save(e, { webhook_uuid: hook.uuid, klaviyo_flow_id: null });
          return hook.uuid;
        }),
    bundleOk && state.jobSpecInstalled
      ? step('bundle', 'keep', hash)
      : step('bundle', 'update', hash, async (e) => {
          await uploadBundle(e.zendesk, e.key, buildInboundBundle({ ...e }));
          return hash;
        }),
    bundleOk && state.jobSpecInstalled
      ? step('job-spec', 'keep', jobSpecName(env.key))
      : step('job-spec', 'create', null, async (e) => {
          await installJobSpec(e.zendesk, jobSpecName(e.key));
          const specs = await listJobSpecs(e.zendesk, e.key);
          const spec = specs.find((s) => s.name === jobSpecName(e.key) || s.name === 'inbound_sms');
          if (!spec?.installed) throw new Error('The job spec does not read back as installed');
          return jobSpecName(e.key);
        }),
    flowFresh
      ? step('klaviyo-flow', 'keep', state.flow!.id)
      : step('klaviyo-flow', 'create', null, async (e) => {
          const hook = e.session.webhook;
          if (!hook) throw new Error('The ingest credentials are gone; install again');
          const existing = await e.klaviyo.findFlow(KLAVIYO_FLOW_NAME);
          if (existing) await e.klaviyo.deleteFlow(existing.id);
          const metric = await e.klaviyo.sentSmsMetricId();
          if (!metric) throw new Error('This Klaviyo account has no Sent SMS metric yet');
          const id = await e.klaviyo.createFlow(
            klaviyoFlowBody(metric, { url: ingestUrl(e.origin, hook.path), ...hook }),
          );
          return id;
        }),
    state.flow?.status === 'live' && flowFresh
      ? step('klaviyo-live', 'keep', state.flow.id)
      : step('klaviyo-live', 'update', null, async (e, earlier) => {
          const id = String(earlier.id('klaviyo-flow'));
          await e.klaviyo.setFlowStatus(id, 'live');
          return id;
        }),
    recordFresh(state, env.mapping, hash, flowFresh)
      ? step('config', 'keep', CONFIG_SCOPE)
      : step('config', state.record ? 'update' : 'create', CONFIG_SCOPE, async (e, earlier) => {
          await save(e, { klaviyo_flow_id: String(earlier.id('klaviyo-flow')) });
          // The password is in Klaviyo now; the page forgets it.
          delete e.session.webhook;
          return CONFIG_SCOPE;
        }),
    ...(oldWebhook
      ? [
          step('old-webhook', 'delete', oldWebhook, async (e) => {
            await deleteInboundWebhook(e.zendesk, e.key, await setupToken(e), oldWebhook);
            return null;
          }),
        ]
      : []),
  ];
}

/** Remove: stops texts becoming tickets; the tickets already made stay. */
export function removePlan(env: InboundEnv, state: InboundState): Step<InboundEnv>[] {
  const record = state.record;
  const steps: Step<InboundEnv>[] = [];
  if (state.integration) {
    steps.push(
      step('job-spec', 'delete', jobSpecName(env.key), async (e) => {
        await uninstallJobSpec(e.zendesk, jobSpecName(e.key));
        return null;
      }),
    );
  }
  if (state.flow) {
    const id = state.flow.id;
    steps.push(
      step('klaviyo-flow', 'delete', id, async (e) => {
        await e.klaviyo.deleteFlow(id);
        return null;
      }),
    );
  }
  if (record?.webhook_uuid) {
    const uuid = record.webhook_uuid;
    steps.push(
      step('webhook', 'delete', uuid, async (e) => {
        await deleteInboundWebhook(e.zendesk, e.key, await setupToken(e), uuid);
        return null;
      }),
    );
  }
  if (record) {
    steps.push(
      step('config', 'delete', CONFIG_SCOPE, async (e) => {
        await deleteConfig(e.zendesk, e.key, CONFIG_SCOPE);
        return null;
      }),
    );
  }
  return steps;
}

export type ConnectionHealth = 'valid' | 'renewable' | 'expired' | 'missing';

export interface InboundHealth {
  installed: boolean;
  jobSpecInstalled: boolean;
  connection: ConnectionHealth;
  flowLive: boolean;
  /** The config's Klaviyo flow is the one Klaviyo holds (not edited or replaced by hand). */
  flowMatches: boolean;
}

/** Health, each part from the live read. A token past its expiry renews if ZIS holds a refresh token. */
export function healthOf(state: InboundState, now: number): InboundHealth {
  const c = state.connection;
  let connection: ConnectionHealth = 'missing';
  if (c?.hasToken) {
    const expiry = c.tokenExpiry ? Date.parse(c.tokenExpiry) : Number.POSITIVE_INFINITY;
    connection = expiry > now ? 'valid' : 'renewable';
  } else if (c) connection = 'expired';
  const flowMatches = state.flow !== null && state.flow.id === state.record?.klaviyo_flow_id;
  return {
    installed: state.integration && state.record !== null,
    jobSpecInstalled: state.jobSpecInstalled,
    connection,
    flowLive: state.flow?.status === 'live',
    flowMatches,
  };
}
