/**
 * The workspace runs Zendesk's triggers after ticket changes made through its Zendesk API, so the
 * setup page's webhook and triggers deliver "Opened Ticket" / "Resolved Ticket" to the Klaviyo
 * stand-in as they would in a real account.
 */
import { join } from 'node:path';
import { loadWorkspaceOptions } from '../../../dev/workspace/config';
import { handleControl } from '../../../dev/workspace/control';
import { readManifest } from '../../../dev/workspace/settings';
import { createWorkspaceState, type WorkspaceState } from '../../../dev/workspace/state';
import { defaultConfig } from '../../../src/metrics/config';
import { provision, removeAll } from '../../../src/metrics/provision';
import type { Transport } from '../../../src/transport';

const KEY = 'pk_test_never_in_the_browser';
let state: WorkspaceState;

/** The app's Zendesk calls, answered by the workspace's in-memory Zendesk. */
const transport: Transport = {
  async send(request) {
    const response = await state.zendeskFetch(
      new Request(new URL(request.url, 'https://demo.zendesk.com'), {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      }),
    );
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: await response.text(),
    };
  },
};

const control = (method: string, path: string, body?: unknown) =>
  handleControl(state, method, path, async () => body ?? {});

beforeEach(async () => {
  const options = loadWorkspaceOptions([], { KLAVIYO_API_KEY: KEY });
  state = createWorkspaceState(readManifest(join(options.rootDir, 'manifest.json')), options);
  await provision(transport, { ...defaultConfig('sms'), enabled: true }, { apiKey: KEY });
});

describe('triggers in the workspace', () => {
  it('sends Opened Ticket to Klaviyo when a ticket comes in, and records the invocation', async () => {
    const created = await control('POST', '/zendesk/tickets', {
      subject: 'Can I change my delivery address?',
      body: 'Hi, I moved last week.',
      requesterId: 1101,
      tags: ['sms'],
    });
    expect(created.status).toBe(201);
    const id = (created.body as { ticket: { id: number } }).ticket.id;

    const events = (await control('GET', '/klaviyo/events')).body as {
      events: Array<{ metricName: string; uniqueId: string }>;
    };
    expect(events.events.map((e) => [e.metricName, e.uniqueId])).toEqual([
      ['Opened Ticket', `zendesk-${id}-opened`],
    ]);
    const admin = (await control('GET', '/zendesk/admin')).body as {
      invocations: Record<string, Array<{ latest_status_code: number }>>;
    };
    expect(
      Object.values(admin.invocations)
        .flat()
        .map((i) => i.latest_status_code),
    ).toEqual([202]);
  });

  it('sends Resolved Ticket when an agent closes a ticket through the API', async () => {
    const put = (status: string) =>
      state.zendeskFetch(
        new Request('https://demo.zendesk.com/api/v2/tickets/101.json', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ticket: { status } }),
        }),
      );
    await put('solved');
    await put('closed');
    await state.settled();
    expect(state.klaviyo.createdEvents.map((e) => [e.metricName, e.uniqueId])).toEqual([
      ['Resolved Ticket', 'zendesk-101-resolved'],
    ]);
  });
});

describe('the webhook key in the workspace’s reports', () => {
  it('is redacted from the Klaviyo requests the control API reports, even after the webhook is gone', async () => {
    const WEBHOOK_KEY = 'pk_test_webhook_key_never_shown';
    // The admin typed a key of its own for the webhook (not the app's setting).
    await provision(transport, { ...defaultConfig('sms'), enabled: true }, { apiKey: WEBHOOK_KEY });
    await control('POST', '/zendesk/tickets', {
      subject: 'Hello',
      body: 'Hi',
      requesterId: 1101,
    });
    const before = await control('GET', '/klaviyo/requests');
    const deliveries = (before.body as { requests: Array<{ headers: Record<string, string> }> })
      .requests;
    expect(deliveries.length).toBeGreaterThan(0);
    expect(JSON.stringify(before.body)).not.toContain(WEBHOOK_KEY);

    await removeAll(transport);
    expect(JSON.stringify((await control('GET', '/klaviyo/requests')).body)).not.toContain(
      WEBHOOK_KEY,
    );
  });
});
