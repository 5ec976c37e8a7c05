/**
 * Provisioning wired as in Zendesk: metrics → zendesk calls → ZafTransport → fake ZAF client
 * (Zendesk proxy rules) → fetch → MSW, answered by the Zendesk stand-in (store + admin objects).
 */
import { setupServer } from 'msw/node';
import {
  adminWrites,
  createZendeskState,
  zendeskHandlers,
  type ZendeskState,
} from '../../../dev/zendesk';
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
  /** The one Zendesk stand-in, named for what each test reads from it. */
  admin: ZendeskState;
  store: ZendeskState;
  transport: Transport;
}

export function zendeskHarness(options: { pageSize?: number } = {}): ZendeskHarness {
  const state = createZendeskState(undefined, { pageSize: options.pageSize });
  server.use(...zendeskHandlers(state));
  return { admin: state, store: state, transport: new ZafTransport(createFakeZafClient()) };
}

/** The admin's configuration writes the stand-in answered (GETs are not listed). */
export function writes(admin: ZendeskState): string[] {
  return adminWrites(admin).map((r) => `${r.method} ${r.path}`);
}
