/** Rendering helpers and fixture objects for the sidebar's component tests. */
import { act, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { KlaviyoEvent, KlaviyoProfile } from '../../../src/klaviyo/model';
import type { ThreadMessage } from '../../../src/sms/model';
import { AppShell } from '../../../src/ui/common/AppShell';
import { bootstrapZaf } from '../../../src/zaf/bootstrap';
import { ZafProvider } from '../../../src/zaf/context';
import {
  createFakeZafClient,
  type FakeZafClient,
  type FakeZafOptions,
} from '../../support/fakeZafClient';

export async function renderInZaf(
  ui: ReactElement,
  options: FakeZafOptions & { locale?: string } = {},
): Promise<RenderResult & { client: FakeZafClient }> {
  const client = createFakeZafClient(options);
  const zaf = await bootstrapZaf(client);
  const result = render(
    <AppShell locale={options.locale ?? zaf.currentUser.locale ?? 'en-US'}>
      <ZafProvider value={zaf}>{ui}</ZafProvider>
    </AppShell>,
  );
  // Let the first reads from ZAF (requester, user) settle inside act().
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return Object.assign(result, { client });
}

export function agent(role: 'admin' | 'agent', locale = 'en-US') {
  return { id: 1, name: 'Alex Agent', email: 'alex.agent@example.com', role, locale };
}

export function profileFixture(overrides: Partial<KlaviyoProfile> = {}): KlaviyoProfile {
  return {
    id: '01TESTPROFILE0000000000000',
    email: 'maria.garcia@example.com',
    phoneNumber: '+14155550101',
    externalId: null,
    firstName: 'Maria',
    lastName: 'Garcia',
    organization: null,
    location: {
      address1: null,
      city: 'San Francisco',
      region: 'CA',
      country: 'United States',
      zip: null,
      timezone: 'America/Los_Angeles',
    },
    created: '2023-03-01T10:00:00Z',
    updated: '2026-11-01T10:00:00Z',
    lastEventDate: '2026-11-20T10:00:00Z',
    subscriptions: null,
    predictiveAnalytics: null,
    ...overrides,
  };
}

export function eventFixture(
  metricName: string,
  datetime: string,
  properties: Record<string, unknown> = {},
  id = `ev-${metricName}-${datetime}`,
): KlaviyoEvent {
  return { id, metricId: `m-${metricName}`, metricName, datetime, properties };
}

export function messageFixture(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    id: `msg-${Math.random().toString(36).slice(2)}`,
    direction: 'inbound',
    text: 'Hello',
    datetime: '2026-11-20T10:00:00Z',
    status: 'received',
    source: null,
    hasMedia: false,
    failureReason: null,
    ...overrides,
  };
}
