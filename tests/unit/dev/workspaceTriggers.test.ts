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

describe('the control API drives tickets as Zendesk’s channels would', () => {
  type Summary = {
    id: number;
    status: string;
    tags: string[];
    external_id: string | null;
    brand_id: number;
    requester_id: number;
    via_followup_source_id: number | null;
    comments: Array<{ id: number; author_id: number; public: boolean; body: string; via: string }>;
  };
  const tickets = async () =>
    ((await control('GET', '/zendesk/tickets')).body as { tickets: Summary[] }).tickets;

  it('lists every ticket with its status, tags, external id, brand, requester and comments', async () => {
    const list = await tickets();
    expect(list.map((t) => t.id)).toEqual([101, 102, 103, 104, 105, 106]);
    expect(list[5]).toMatchObject({
      brand_id: 2,
      requester_id: 1106,
      via_followup_source_id: null,
    });
    expect(list[0]!.comments[0]).toEqual(
      expect.objectContaining({ author_id: 1101, public: true, via: expect.any(String) }),
    );
  });

  it('closes a ticket as an agent would, and the Resolved Ticket trigger runs', async () => {
    const answer = await control('POST', '/zendesk/tickets/102/status', { status: 'closed' });
    expect(answer.status).toBe(200);
    expect((await tickets()).find((t) => t.id === 102)!.status).toBe('closed');
    const events = (await control('GET', '/klaviyo/events')).body as {
      events: Array<{ metricName: string }>;
    };
    expect(events.events.map((e) => e.metricName)).toEqual(['Resolved Ticket']);
  });

  it('adds a comment as the mobile app would, and refuses a channel Zendesk has no name for', async () => {
    const added = await control('POST', '/zendesk/tickets/101/comments', {
      body: 'On my way',
      public: true,
      authorId: 1,
      via: 'mobile',
    });
    expect(added.status).toBe(201);
    expect((await tickets())[0]!.comments.at(-1)).toMatchObject({
      body: 'On my way',
      author_id: 1,
      via: 'mobile',
    });
    const refused = await control('POST', '/zendesk/tickets/101/comments', {
      body: 'x',
      via: 'pigeon',
    });
    expect(refused.status).toBe(400);
  });

  it('lists the new endpoints at GET /__workspace/', async () => {
    const listing = JSON.stringify((await control('GET', '/')).body);
    for (const endpoint of [
      'GET    /__workspace/zendesk/tickets',
      'POST   /__workspace/zendesk/tickets/:id/status',
      'POST   /__workspace/zendesk/tickets/:id/comments',
      'POST   /__workspace/zendesk/faults',
    ]) {
      expect(listing).toContain(endpoint);
    }
  });

  it('retries a webhook whose answer was lost, and Klaviyo keeps one event thanks to its unique id', async () => {
    await control('POST', '/zendesk/faults', { webhookDelivery: { times: 1 } });
    await control('POST', '/zendesk/tickets', { subject: 'Hi', body: 'Hello', requesterId: 1101 });
    const admin = (await control('GET', '/zendesk/admin')).body as {
      invocations: Record<
        string,
        Array<{ status: string; attempts: Array<{ status_code: number }> }>
      >;
    };
    const [invocation] = Object.values(admin.invocations).flat();
    expect(invocation!.status).toBe('success');
    expect(invocation!.attempts.map((a) => a.status_code)).toEqual([0, 202]);
    expect(state.klaviyo.createdEvents.map((e) => e.metricName)).toEqual(['Opened Ticket']);
  });

  it('answers the app’s Zendesk calls with 429 and Retry-After under a rate-limit fault', async () => {
    await control('POST', '/zendesk/faults', { rateLimit: { retryAfterSeconds: 3, times: 1 } });
    const limited = await state.zendeskFetch(
      new Request('https://demo.zendesk.com/api/v2/users/me.json'),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await control('GET', '/zendesk/faults')).body).toEqual({
      rateLimit: null,
      webhookDelivery: null,
      serverError: null,
    });
  });
});
