/**
 * The composer wired the way the sidebar wires it in Zendesk: Klaviyo client → ZafTransport → fake
 * ZAF client (Zendesk proxy rules) → fetch → MSW, answered by the Klaviyo and Zendesk stand-ins.
 */
import { render, type RenderResult } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactElement } from 'react';
import {
  createKlaviyoStore,
  demoKlaviyoSeed,
  DEMO_IDS,
  klaviyoHandlers,
  type KlaviyoStore,
} from '../../../dev/klaviyo';
import { createZendeskState, zendeskHandlers, type ZendeskState } from '../../../dev/zendesk';
import type { KlaviyoClient } from '../../../src/klaviyo';
import type { KlaviyoProfile } from '../../../src/klaviyo/model';
import type { ConsentSummary, LocalTimeStatus, ThreadMessage } from '../../../src/sms/model';
import type { LocalMessageUpdate } from '../../../src/ui/sidebar/composer/types';
import { createZafKlaviyoClient } from '../../../src/zaf/klaviyo';
import {
  TEST_KLAVIYO_KEY,
  type FakeZafClient,
  type FakeZafOptions,
} from '../../support/fakeZafClient';
import { inZaf, profileFixture, startZaf } from '../support';

export const server = setupServer();

export function withStandIns(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    sessionStorage.clear();
  });
  afterAll(() => server.close());
}

export interface World {
  klaviyoStore: KlaviyoStore;
  zendeskStore: ZendeskState;
}

export function standIns(configure?: (store: KlaviyoStore) => void): World {
  const klaviyoStore = createKlaviyoStore(demoKlaviyoSeed());
  configure?.(klaviyoStore);
  const zendeskStore = createZendeskState();
  for (const list of zendeskStore.comments.values()) for (const c of list) seeded.add(c.id);
  server.use(
    ...klaviyoHandlers(klaviyoStore, { apiKey: TEST_KLAVIYO_KEY }),
    ...zendeskHandlers(zendeskStore),
  );
  return { klaviyoStore, zendeskStore };
}

export const MARIA: KlaviyoProfile = profileFixture({
  id: DEMO_IDS.maria,
  created: null,
  updated: null,
  lastEventDate: null,
});

export const MAY_TEXT: ConsentSummary = {
  smsMarketing: 'subscribed',
  smsTransactional: 'subscribed',
  emailMarketing: 'subscribed',
  canText: true,
  reason: null,
};

export const DAYTIME: LocalTimeStatus = {
  timezone: 'America/Los_Angeles',
  source: 'profile',
  now: new Date('2026-11-21T18:30:00Z'),
  inWindow: true,
  opensAt: null,
};

export const NIGHT: LocalTimeStatus = {
  timezone: 'America/Los_Angeles',
  source: 'profile',
  // 23:15 in San Francisco
  now: new Date('2026-11-22T07:15:00Z'),
  inWindow: false,
  opensAt: new Date('2026-11-22T16:00:00Z'),
};

/** Keeps the composer's local messages as the thread would (upsert by id, remove). */
export function threadRecorder() {
  const updates: LocalMessageUpdate[] = [];
  const messages = new Map<string, ThreadMessage>();
  return {
    updates,
    messages,
    onLocalMessage(update: LocalMessageUpdate) {
      updates.push(update);
      if (update.type === 'upsert') messages.set(update.message.id, update.message);
      else messages.delete(update.id);
    },
  };
}

export async function renderWithZaf(
  ui: (ctx: { klaviyo: KlaviyoClient; client: FakeZafClient }) => ReactElement,
  options: FakeZafOptions = {},
): Promise<RenderResult & { client: FakeZafClient; klaviyo: KlaviyoClient; rerenderUi(): void }> {
  const { client, zaf } = await startZaf(options);
  const klaviyo = createZafKlaviyoClient({ transport: zaf.transport, accountKey: 'test' });
  const tree = () => inZaf(zaf, ui({ klaviyo, client }));
  const result = render(tree());
  return Object.assign(result, { client, klaviyo, rerenderUi: () => result.rerender(tree()) });
}

/** Messages that reached the Klaviyo stand-in's conversation endpoint. */
export function postedMessages(store: KlaviyoStore) {
  return store.conversationMessages.map((m) => ({
    conversationId: m.conversationId,
    body: m.body,
  }));
}

const seeded = new Set<number>();

/** Internal notes added to the ticket since the stand-in was seeded. */
export function internalNotes(store: ZendeskState, ticketId: number) {
  return (store.comments.get(ticketId) ?? [])
    .filter((c) => !c.public && !seeded.has(c.id))
    .map((c) => c.body);
}
