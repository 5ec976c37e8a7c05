/** The setup page rendered in a fake ZAF client against the Zendesk and Klaviyo stand-ins (MSW). */
import { render, type RenderResult } from '@testing-library/react';
import { setupServer } from 'msw/node';
import {
  createKlaviyoStore,
  demoKlaviyoSeed,
  klaviyoHandlers,
  type KlaviyoStore,
} from '../../../dev/klaviyo';
import { createZendeskState, zendeskHandlers, type ZendeskState } from '../../../dev/zendesk';
import type { ZisStandIn } from '../../../dev/zis';
import { createWorkspaceZis } from '../../../dev/zis/workspace';
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
  server.use(
    ...zis.handlers,
    ...zendeskHandlers(zendesk),
    ...klaviyoHandlers(klaviyo, { apiKey: TEST_KLAVIYO_KEY }),
  );
  return {
    admin: zendesk,
    zendesk,
    klaviyo,
    zis,
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
