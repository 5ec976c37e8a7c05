/**
 * The ZIS stand-in as the local workspace runs it: over the workspace's Zendesk stand-in (its
 * OAuth clients and tokens, its REST API for the flow's calls, the signed-in agent as the
 * session), jq on jq-wasm, retry delays scaled down 100 times so a rerun takes 0.3 s, not 30 s.
 * `zisControlRoutes` serves `GET /__workspace/zis/runs`.
 */
import type { ZendeskState } from '../zendesk';
import { createZisStandIn, jqWasm, type ZisStandIn } from './index';
import { zendeskStateOAuth } from './zendesk-oauth';

export const WORKSPACE_DELAY_SCALE = 0.01;

export function createWorkspaceZis(options: {
  zendesk: () => ZendeskState;
  baseUrl: string;
  publicOrigin: () => string;
  zendeskFetch: (request: Request) => Promise<Response>;
}): ZisStandIn {
  const { zendesk } = options;
  return createZisStandIn({
    accountId: 1,
    subdomain: new URL(options.baseUrl).hostname.split('.')[0]!,
    baseUrl: options.baseUrl,
    publicOrigin: options.publicOrigin,
    session: () => ({
      signedIn: zendesk().session !== 'anonymous',
      admin: zendesk().session !== 'anonymous' && zendesk().currentUser().role === 'admin',
      userId: zendesk().currentUserId,
    }),
    oauth: zendeskStateOAuth(zendesk),
    zendesk: options.zendeskFetch,
    jq: jqWasm,
    limits: { delayScale: WORKSPACE_DELAY_SCALE },
  });
}

/** Control routes, in the shape of `dev/workspace/control/route.ts`. */
export function zisControlRoutes(zis: (state: unknown) => ZisStandIn) {
  return [
    {
      method: 'GET' as const,
      path: '/zis/runs',
      handle: ({ state }: { state: unknown }) => ({
        status: 200,
        body: { runs: zis(state).runs() },
      }),
    },
  ];
}
