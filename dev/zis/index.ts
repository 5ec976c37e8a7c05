/**
 * The Zendesk Integration Services stand-in: MSW handlers over
 * `{baseUrl}/api/services/zis/...` (registry, configs, inbound webhooks, connections) and a flow
 * runner on a real jq engine, with the run log the control API serves at
 * `GET /__workspace/zis/runs`.
 */
import type { RequestHandler } from 'msw';
import { zisConnectionHandlers } from './connection-handlers';
import type { ZisContext, ZisStandInDeps } from './context';
import { createZisRegistry, type ZisRegistry } from './registry';
import { zisRegistryHandlers } from './registry-handlers';
import type { RunLog } from './runner';
import { zisWebhookHandlers } from './webhook-handlers';

export type { ZisStandInDeps } from './context';
export { createLocalOAuth, zendeskOAuthHandlers, type ZendeskOAuth } from './oauth';
export type { RunLog } from './runner';
export { jqWasm } from './jq';

export interface ZisStandIn {
  registry: ZisRegistry;
  handlers: RequestHandler[];
  /** Every flow run, oldest first. */
  runs(): RunLog[];
  reset(): void;
}

export function createZisStandIn(deps: ZisStandInDeps): ZisStandIn {
  const ctx: ZisContext = {
    registry: createZisRegistry(),
    deps,
    base: deps.baseUrl.replace(/\/$/, ''),
    now: deps.now ?? Date.now,
  };
  return {
    get registry() {
      return ctx.registry;
    },
    handlers: [
      ...zisWebhookHandlers(ctx),
      ...zisConnectionHandlers(ctx),
      ...zisRegistryHandlers(ctx),
    ],
    runs: () => ctx.registry.runs,
    reset() {
      ctx.registry = createZisRegistry();
    },
  };
}

/** The control API's answer for `GET /__workspace/zis/runs`. */
export function zisRunsAnswer(standIn: ZisStandIn) {
  return { status: 200, body: { runs: standIn.runs() } };
}
