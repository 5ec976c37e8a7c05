/** Rendering helpers and fixture objects for the sidebar's component tests. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { KlaviyoEvent } from '../../../src/klaviyo/model';
import type { ThreadMessage } from '../../../src/sms/model';
import type { FakeZafClient, FakeZafOptions } from '../../support/fakeZafClient';
import { inZaf, settleZafReads, startZaf } from '../support';

export { agent, profileFixture } from '../support';

export async function renderInZaf(
  ui: ReactElement,
  options: FakeZafOptions & { locale?: string } = {},
): Promise<RenderResult & { client: FakeZafClient }> {
  const { client, zaf } = await startZaf(options);
  const result = render(inZaf(zaf, ui, options.locale));
  await settleZafReads();
  return Object.assign(result, { client });
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
