/** The setup page rendered in a fake ZAF client against the Zendesk and Klaviyo stand-ins (MSW). */
import { render, type RenderResult } from '@testing-library/react';
import { setupServer } from 'msw/node';
import {
  createKlaviyoStore,
  demoKlaviyoSeed,
  klaviyoHandlers,
  type KlaviyoStore,
} from '../../../dev/klaviyo';
import {
  createZendeskAdminState,
  zendeskAdminHandlers,
  type ZendeskAdminState,
} from '../../../dev/zendesk/admin';
import { zendeskFallbackHandlers, zendeskHandlers } from '../../../dev/zendesk/handlers';
import { createZendeskStore, type ZendeskStore } from '../../../dev/zendesk/store';
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
  admin: ZendeskAdminState;
  zendesk: ZendeskStore;
  klaviyo: KlaviyoStore;
  /** For arranging state through the same API the page uses. */
  transport: Transport;
}

export function standIns(): SetupHarness {
  const admin = createZendeskAdminState();
  const zendesk = createZendeskStore();
  const klaviyo = createKlaviyoStore(demoKlaviyoSeed());
  server.use(
    ...zendeskAdminHandlers(admin),
    ...zendeskHandlers(zendesk),
    ...zendeskFallbackHandlers(),
    ...klaviyoHandlers(klaviyo, { apiKey: TEST_KLAVIYO_KEY }),
  );
  return { admin, zendesk, klaviyo, transport: new ZafTransport(createFakeZafClient()) };
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
