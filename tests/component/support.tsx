/**
 * What the component tests share: a root mounted as Zendesk mounts it (fake ZAF client, the app's
 * bootstrap, Garden theme, translations and the ZAF context), the demo agent and a profile fixture.
 */
import { act } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { KlaviyoProfile } from '../../src/klaviyo/model';
import { AppShell } from '../../src/ui/common/AppShell';
import { bootstrapZaf } from '../../src/zaf/bootstrap';
import { ZafProvider, type ZafValue } from '../../src/zaf/context';
import {
  createFakeZafClient,
  type FakeZafClient,
  type FakeZafOptions,
} from '../support/fakeZafClient';

/** A fake ZAF client and the app bootstrapped on it, as `main.tsx` does. */
export async function startZaf(
  options: FakeZafOptions = {},
): Promise<{ client: FakeZafClient; zaf: ZafValue }> {
  const client = createFakeZafClient(options);
  return { client, zaf: await bootstrapZaf(client) };
}

/** `ui` inside the providers every root has; the agent's locale unless `locale` is given. */
export function inZaf(zaf: ZafValue, ui: ReactElement, locale?: string): ReactElement {
  return (
    <AppShell locale={locale ?? zaf.currentUser.locale ?? 'en-US'}>
      <ZafProvider value={zaf}>{ui}</ZafProvider>
    </AppShell>
  );
}

/** Lets the first reads from ZAF (requester, user) settle inside act(). */
export async function settleZafReads(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export function agent(role: 'admin' | 'agent', locale = 'en-US') {
  return { id: 1, name: 'Alex Agent', email: 'alex.agent@example.com', role, locale };
}

/** Maria Garcia of the demo roster, as the app reads her profile. */
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
