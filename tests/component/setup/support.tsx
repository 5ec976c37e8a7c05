/** The setup page rendered in a fake ZAF client against the Zendesk and Klaviyo stand-ins (MSW). */
import { act, render, type RenderResult } from '@testing-library/react';
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
import { AppShell } from '../../../src/ui/common/AppShell';
import SetupRoot from '../../../src/ui/setup/SetupRoot';
import { bootstrapZaf } from '../../../src/zaf/bootstrap';
import { ZafProvider } from '../../../src/zaf/context';
import { ZafTransport } from '../../../src/zaf/transport';
import type { Transport } from '../../../src/transport';
import { createFakeZafClient, TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';

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
  const client = createFakeZafClient({
    context: { location: 'nav_bar' },
    data: {
      currentUser: { id: 1, name: 'Alex Agent', email: 'alex.agent@example.com', role, locale },
    },
  });
  const zaf = await bootstrapZaf(client);
  const result = render(
    <AppShell locale={locale}>
      <ZafProvider value={zaf}>
        <SetupRoot />
      </ZafProvider>
    </AppShell>,
  );
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return result;
}
