import { join } from 'node:path';
import { loadWorkspaceOptions } from '../../../dev/workspace/config';
import { handleControl } from '../../../dev/workspace/control';
import { readManifest } from '../../../dev/workspace/settings';
import { createWorkspaceState, type WorkspaceState } from '../../../dev/workspace/state';
import { updateTicket } from '../../../dev/zendesk';

const KEY = 'pk_test_never_in_the_browser';
let state: WorkspaceState;

beforeEach(() => {
  const options = loadWorkspaceOptions([], { KLAVIYO_API_KEY: KEY });
  state = createWorkspaceState(readManifest(join(options.rootDir, 'manifest.json')), options);
});

const control = (method: string, path: string, body?: unknown) =>
  handleControl(state, method, path, async () => body ?? {});

describe('the workspace control API', () => {
  it('changes non-secure settings and never shows the secure key', async () => {
    const answer = await control('POST', '/settings', { reply_mode: 'flow' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      settings: { reply_mode: 'flow' },
      secure: { klaviyo_api_key: { set: true } },
    });
    expect(JSON.stringify(answer.body)).not.toContain(KEY);
    expect(state.settings.reply_mode).toBe('flow');
  });

  it('refuses an unknown setting with a message that names it, changing nothing', async () => {
    const answer = await control('POST', '/settings', { replyMode: 'flow' });
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toContain('unknown setting "replyMode"');
    expect(state.settings.reply_mode).toBe('conversations');
  });

  it('hands Klaviyo faults to the stand-in, a path pattern as a regular expression', async () => {
    const answer = await control('POST', '/klaviyo/faults', {
      method: 'post',
      pathPattern: '^/api/conversation-messages$',
      status: 429,
      retryAfter: 7,
      times: 2,
    });
    expect(answer.status).toBe(201);
    expect(state.klaviyo.faults).toEqual([
      expect.objectContaining({ method: 'POST', status: 429, retryAfter: 7, times: 2 }),
    ]);
    expect((state.klaviyo.faults[0]!.path as RegExp).test('/api/conversation-messages')).toBe(true);
  });

  it('explains what a fault is missing', async () => {
    const answer = await control('POST', '/klaviyo/faults', {
      method: 'GET',
      path: '/api/profiles',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'fault needs status, networkError or delayMs.' });
  });

  it('redacts the key from the Klaviyo requests it reports', async () => {
    await state.klaviyoFetch(
      new Request('https://a.klaviyo.com/api/accounts', {
        headers: { Authorization: `Klaviyo-API-Key ${KEY}`, revision: '2026-07-15' },
      }),
    );
    const answer = await control('GET', '/klaviyo/requests');
    expect(JSON.stringify(answer.body)).not.toContain(KEY);
    expect(JSON.stringify(answer.body)).toContain('Klaviyo-API-Key [redacted]');
  });

  it('reset brings back the demo data and the start-up settings', async () => {
    await control('POST', '/settings', { reply_mode: 'flow' });
    updateTicket(state.zendesk, 101, { comment: { body: 'hello' } }, { userId: 1, via: 'web' });
    await control('POST', '/reset');
    expect(state.settings.reply_mode).toBe('conversations');
    const ticket = (await control('GET', '/zendesk/tickets/101')).body as { comments: unknown[] };
    expect(ticket.comments).toHaveLength(4);
  });

  it('records a webhook invocation for the setup page’s health table, or says there is no webhook', async () => {
    const none = await control('POST', '/zendesk/admin/invocations', { statusCode: 202 });
    expect(none.status).toBe(400);
    expect(none.body).toEqual({
      error: 'No webhook yet: save the setup page (or create one) first.',
    });

    const created = await state.zendeskFetch(
      new Request('https://demo.zendesk.com/api/v2/webhooks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          webhook: {
            name: 'Klaviyo events',
            endpoint: 'https://a.klaviyo.com/api/events',
            http_method: 'POST',
            request_format: 'json',
            status: 'active',
            subscriptions: ['conditional_ticket_events'],
          },
        }),
      }),
    );
    expect(created.status).toBe(201);
    const answer = await control('POST', '/zendesk/admin/invocations', { statusCode: 400 });
    expect(answer.status).toBe(201);
    const admin = (await control('GET', '/zendesk/admin')).body as {
      invocations: Record<string, Array<{ latest_status_code: number; status: string }>>;
    };
    expect(Object.values(admin.invocations).flat()).toEqual([
      expect.objectContaining({ latest_status_code: 400, status: 'failed' }),
    ]);
  });

  it('refuses webhook and trigger changes to an agent who is not an admin, and everything to a signed-out session, as Zendesk does', async () => {
    const call = (method: string, path: string, body?: unknown) =>
      state.zendeskFetch(
        new Request(`https://demo.zendesk.com/api/v2${path}`, {
          method,
          headers: { 'Content-Type': 'application/json' },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        }),
      );
    const trigger = {
      trigger: {
        title: 'Agent-made',
        conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }], any: [] },
        actions: [{ field: 'status', value: 'open' }],
      },
    };
    expect((await call('GET', '/webhooks')).status).toBe(200);

    await control('POST', '/zendesk/session', { role: 'agent' });
    const refused = await call('POST', '/triggers', trigger);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'Forbidden' });
    expect((await call('GET', '/webhooks')).status).toBe(403);
    expect((await call('POST', '/webhooks', { webhook: {} })).status).toBe(403);
    expect(state.zendesk.triggers.size).toBe(0);
    // Agents still read what they need: ticket fields.
    expect((await call('GET', '/ticket_fields')).status).toBe(200);

    await control('POST', '/zendesk/session', { session: 'anonymous', role: 'admin' });
    expect((await call('GET', '/triggers')).status).toBe(401);
  });

  it('points to the list of endpoints when one does not exist', async () => {
    const answer = await control('GET', '/nope');
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).toContain('GET /__workspace/ lists them');
  });
});

describe('the installations API of the workspace’s app', () => {
  const put = (settings: unknown) =>
    state.zendeskFetch(
      new Request(`https://demo.zendesk.com/api/v2/apps/installations/2002.json`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ settings }),
      }),
    );

  it('changes the settings new app instances get, as the setup page does through the API', async () => {
    const answer = await put({ reply_mode: 'flow' });
    expect(answer.status).toBe(200);
    expect(
      ((await answer.json()) as { settings: Record<string, unknown> }).settings.reply_mode,
    ).toBe('flow');
    expect(state.settings.reply_mode).toBe('flow');
  });

  it('refuses an unknown setting with 422 and changes nothing', async () => {
    const answer = await put({ no_such_setting: true });
    expect(answer.status).toBe(422);
    expect(state.settings.no_such_setting).toBeUndefined();
  });

  it('is for admins only', async () => {
    await control('POST', '/zendesk/session', { role: 'agent' });
    expect((await put({ reply_mode: 'flow' })).status).toBe(403);
    expect(state.settings.reply_mode).toBe('conversations');
  });
});
