/**
 * Routes one event to the flows whose job specs listen for it (installed, or orphaned by an
 * upload) and runs them to their end, recording each run in the log.
 */
import type { ZisFlowDefinition } from '../../src/inbound/zis-types';
import type { ZisContext } from './context';
import type { IntegrationRecord } from './registry';
import { runFlow, ZIS_LIMITS, type RunLog, type RunnerDeps } from './runner';

/** The connection's token, renewed with its refresh token when it expired. */
function connectionToken(ctx: ZisContext, integration: IntegrationRecord, name: string) {
  const connection = integration.connections.get(name);
  if (!connection?.accessToken) return null;
  if (connection.tokenExpiry !== null && connection.tokenExpiry <= ctx.now()) {
    const renewed = connection.refreshToken
      ? ctx.deps.oauth.refresh(connection.refreshToken)
      : null;
    if (!renewed) {
      connection.accessToken = null;
      return null;
    }
    connection.accessToken = renewed.token;
    connection.refreshToken = renewed.refreshToken;
    connection.tokenExpiry = renewed.expiresAt;
  }
  return connection.accessToken;
}

function runnerDeps(ctx: ZisContext, integration: IntegrationRecord, log: RunLog): RunnerDeps {
  return {
    baseUrl: ctx.base,
    customAction: (name) => integration.actions.get(name),
    connectionToken: async (name) => connectionToken(ctx, integration, name),
    fetch: (request) => ctx.deps.zendesk(request),
    jq: (data, expr) => ctx.deps.jq(data, expr),
    loadConfig: (scope) => integration.configs.get(scope) ?? null,
    patchConfig: (scope, config) => {
      const merged = { ...(integration.configs.get(scope) as object), ...(config as object) };
      integration.configs.set(scope, merged);
      return merged;
    },
    onHttp: (call) => log.httpCalls.push(call),
    now: ctx.now,
    sleep: ctx.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    limits: { ...ZIS_LIMITS, ...ctx.deps.limits },
  };
}

function listeners(integration: IntegrationRecord, source: string, type: string) {
  const flows: Array<{ name: string; flow: ZisFlowDefinition }> = [];
  for (const spec of integration.jobSpecs.values()) {
    const flow = integration.flows.get(spec.flow_name.split(':').pop() ?? '');
    if (spec.installed && flow && spec.event_source === source && spec.event_type === type) {
      flows.push({ name: spec.flow_name, flow });
    }
  }
  for (const [name, orphan] of integration.orphans) {
    if (orphan.event_source === source && orphan.event_type === type) {
      flows.push({ name: `${name} (orphaned)`, flow: orphan.flow });
    }
  }
  return flows;
}

let runCounter = 0;

/** Runs every listening flow for the event; resolves when all have finished. */
export async function dispatchEvent(
  ctx: ZisContext,
  integration: IntegrationRecord,
  source: string,
  type: string,
  input: unknown,
): Promise<RunLog[]> {
  const runs = listeners(integration, source, type).map(({ name, flow }) => {
    runCounter += 1;
    const log: RunLog = {
      id: `run-${runCounter}`,
      integration: integration.name,
      flow: name,
      startedAt: new Date(ctx.now()).toISOString(),
      finishedAt: null,
      outcome: 'running',
      message: null,
      error: null,
      attempts: [],
      httpCalls: [],
    };
    ctx.registry.runs.push(log);
    const envelope = {
      account_id: ctx.deps.accountId,
      subdomain: ctx.deps.subdomain,
      integration_key: integration.name,
      input,
    };
    return runFlow(flow, envelope, runnerDeps(ctx, integration, log), log);
  });
  return Promise.all(runs);
}
