/**
 * Provisioning wired as in Zendesk: metrics → zendesk calls → ZafTransport → fake ZAF client
 * (Zendesk proxy rules) → fetch → MSW, answered by the Zendesk stand-in (store + admin objects).
 */
import { setupServer } from 'msw/node';
import {
  createZendeskAdminState,
  zendeskAdminHandlers,
  type ZendeskAdminState,
} from '../../../dev/zendesk/admin';
import { zendeskFallbackHandlers, zendeskHandlers } from '../../../dev/zendesk/handlers';
import { createZendeskStore, type ZendeskStore } from '../../../dev/zendesk/store';
import type { Transport } from '../../../src/transport';
import { ZafTransport } from '../../../src/zaf/transport';
import { createFakeZafClient } from '../../support/fakeZafClient';

export const server = setupServer();

export function withZendeskServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export interface ZendeskHarness {
  admin: ZendeskAdminState;
  store: ZendeskStore;
  transport: Transport;
}

export function zendeskHarness(options: { pageSize?: number } = {}): ZendeskHarness {
  const admin = createZendeskAdminState();
  const store = createZendeskStore();
  server.use(
    ...zendeskAdminHandlers(admin, { pageSize: options.pageSize }),
    ...zendeskHandlers(store),
    ...zendeskFallbackHandlers(),
  );
  return { admin, store, transport: new ZafTransport(createFakeZafClient()) };
}

/** Write requests the admin stand-in received (GETs are not recorded). */
export function writes(admin: ZendeskAdminState): string[] {
  return admin.requests.map((r) => `${r.method} ${r.path}`);
}
