/**
 * The Klaviyo client wired to the Klaviyo stand-in the way the app is wired in Zendesk: client →
 * ZafTransport → fake ZAF client (Zendesk proxy rules, key substituted server-side) → fetch → MSW.
 */
import { setupServer } from 'msw/node';
import {
  createKlaviyoClient,
  type KlaviyoClient,
  type KlaviyoClientConfig,
} from '../../../src/klaviyo';
import { ZafTransport } from '../../../src/zaf/transport';
import { KLAVIYO_AUTHORIZATION } from '../../../src/zaf/klaviyo-auth';
import { createFakeZafClient, TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';
import {
  createKlaviyoStore,
  demoKlaviyoSeed,
  klaviyoHandlers,
  type KlaviyoStore,
} from '../../../dev/klaviyo';

export const server = setupServer();

export function listenWithKlaviyoServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export interface Harness {
  store: KlaviyoStore;
  client: KlaviyoClient;
  sleeps: number[];
}

/** A fresh demo store answering on a.klaviyo.com, and a client whose sleeps are recorded, not waited. */
export function harness(
  options: { store?: KlaviyoStore; config?: Partial<KlaviyoClientConfig> } = {},
): Harness {
  const store = options.store ?? createKlaviyoStore(demoKlaviyoSeed());
  server.use(...klaviyoHandlers(store, { apiKey: TEST_KLAVIYO_KEY }));
  const sleeps: number[] = [];
  const client = createKlaviyoClient({
    transport: new ZafTransport(createFakeZafClient()),
    authorization: KLAVIYO_AUTHORIZATION,
    accountKey: 'test',
    retryDeps: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
    },
    ...options.config,
  });
  return { store, client, sleeps };
}

/** `filter` query value of each recorded request to `path`. */
export function filtersSent(store: KlaviyoStore, path: string): string[] {
  return store.requests
    .filter((r) => r.path === path)
    .map((r) => r.query.find(([k]) => k === 'filter')?.[1] ?? '');
}
