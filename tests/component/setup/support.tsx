/** The setup page rendered in a fake ZAF client against the Zendesk and Klaviyo stand-ins (MSW). */
import { render, type RenderResult } from '@testing-library/react';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { join } from 'node:path';
import {
  createKlaviyoStore,
  demoKlaviyoSeed,
  klaviyoHandlers,
  type KlaviyoStore,
} from '../../../dev/klaviyo';
import { createZendeskState, zendeskHandlers, type ZendeskState } from '../../../dev/zendesk';
import type { ZisStandIn } from '../../../dev/zis';
import { createWorkspaceZis } from '../../../dev/zis/workspace';
import { installationsAnswer } from '../../../dev/workspace/installations';
import { readManifest } from '../../../dev/workspace/settings';
import type { WorkspaceState } from '../../../dev/workspace/state';
import SetupRoot from '../../../src/ui/setup/SetupRoot';
import { ZafTransport } from '../../../src/zaf/transport';
import type { Transport } from '../../../src/transport';
import { createFakeZafClient, TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';
import { agent, inZaf, settleZafReads, startZaf } from '../support';

export const server = setupServer();

export function withStandIns(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export interface SetupHarness {
  /** The one Zendesk stand-in, named for what each test reads from it. */
  admin: ZendeskState;
  zendesk: ZendeskState;
  klaviyo: KlaviyoStore;
  /** Integration Services over the same Zendesk (what the inbound section reads and installs). */
  zis: ZisStandIn;
  /** The app installation's settings, as the workspace's installations endpoint keeps them. */
  installation: { settings: Record<string, unknown> };
  /** For arranging state through the same API the page uses. */
  transport: Transport;
}

export function standIns(): SetupHarness {
  const zendesk = createZendeskState();
  const klaviyo = createKlaviyoStore(demoKlaviyoSeed());
  const zis = createWorkspaceZis({
    zendesk: () => zendesk,
    baseUrl: zendesk.baseUrl,
    publicOrigin: () => zendesk.baseUrl,
    zendeskFetch: (request) => fetch(request),
  });
  // The workspace's own installations endpoint, over this harness's Zendesk: the only parts of a
  // workspace it reads are the Zendesk session, the manifest and the settings.
  const installation = {
    zendesk,
    manifest: readManifest(join(__dirname, '../../../manifest.json')),
    settings: {} as Record<string, unknown>,
  };
  server.use(
    http.all(
      `${zendesk.baseUrl}/api/v2/apps/installations*`,
      async ({ request }) =>
        (await installationsAnswer(installation as unknown as WorkspaceState, request)) ??
        undefined,
    ),
    ...zis.handlers,
    ...zendeskHandlers(zendesk),
    ...klaviyoHandlers(klaviyo, { apiKey: TEST_KLAVIYO_KEY }),
  );
  return {
    admin: zendesk,
    zendesk,
    klaviyo,
    zis,
    installation,
    transport: new ZafTransport(createFakeZafClient()),
  };
}

export async function renderSetup(
  role: 'admin' | 'agent' = 'admin',
  locale = 'en-US',
): Promise<RenderResult> {
  const { zaf } = await startZaf({
    context: { location: 'nav_bar' },
    data: { currentUser: agent(role, locale) },
  });
  const result = render(inZaf(zaf, <SetupRoot />, locale));
  await settleZafReads();
  return result;
}
