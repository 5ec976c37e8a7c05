import { http, HttpResponse } from 'msw';
import { listBrands } from '../../../src/zendesk/brands';
import { isZendeskError, ZendeskError } from '../../../src/zendesk/errors';
import { triggers } from '../../../src/zendesk/rules';
import { addInternalNote } from '../../../src/zendesk/tickets';
import { getUserKlaviyoProfileId, setUserKlaviyoProfileId } from '../../../src/zendesk/users';
import { listWebhookInvocations } from '../../../src/zendesk/webhooks';
import { provision } from '../../../src/metrics/provision';
import { defaultConfig } from '../../../src/metrics/config';
import { server, withZendeskServer, zendeskHarness } from '../metrics/harness';

withZendeskServer();

describe('Zendesk REST calls', () => {
  it('reads every page of a list by following next_page', async () => {
    const { admin, transport } = zendeskHarness({ pageSize: 2 });
    for (let i = 0; i < 5; i += 1) {
      admin.triggers.set(i + 1, {
        id: i + 1,
        title: `Trigger ${i + 1}`,
        description: null,
        active: true,
        position: i + 1,
        conditions: { all: [{ field: 'status', operator: 'is', value: 'new' }], any: [] },
        actions: [{ field: 'status', value: 'open' }],
        url: '',
        created_at: '',
        updated_at: '',
      });
    }
    const list = await triggers.list(transport);
    expect(list.map((t) => t.title)).toEqual([
      'Trigger 1',
      'Trigger 2',
      'Trigger 3',
      'Trigger 4',
      'Trigger 5',
    ]);
  });

  it('lists the account brands', async () => {
    const { transport } = zendeskHarness();
    expect((await listBrands(transport)).map((b) => b.name)).toEqual(['Acme', 'Acme Outlet']);
  });

  it('turns a 422 into one error with Zendesk’s description and field details', async () => {
    const { transport } = zendeskHarness();
    const failure = await triggers
      .create(transport, {
        title: '',
        description: '',
        active: true,
        conditions: { all: [], any: [] },
        actions: [],
      })
      .catch((e: unknown) => e);
    expect(isZendeskError(failure)).toBe(true);
    const error = failure as ZendeskError;
    expect(error.kind).toBe('invalid');
    expect(error.status).toBe(422);
    expect(error.error).toBe('RecordInvalid');
    expect(error.details).toEqual(['Title: cannot be blank']);
  });

  it('reports a signed-out session as forbidden and a 429 with its Retry-After', async () => {
    const { transport } = zendeskHarness();
    server.use(
      http.get('https://demo.zendesk.com/api/v2/brands', () =>
        HttpResponse.json(
          { error: 'APIRateLimitExceeded' },
          { status: 429, headers: { 'Retry-After': '17' } },
        ),
      ),
      http.get('https://demo.zendesk.com/api/v2/webhooks/abc/invocations', () =>
        HttpResponse.json({ error: "Couldn't authenticate you" }, { status: 401 }),
      ),
    );
    const limited = (await listBrands(transport).catch((e: unknown) => e)) as ZendeskError;
    expect(limited.kind).toBe('rate-limited');
    expect(limited.retryAfterSeconds).toBe(17);
    const denied = (await listWebhookInvocations(transport, 'abc').catch(
      (e: unknown) => e,
    )) as ZendeskError;
    expect(denied.kind).toBe('forbidden');
  });

  it('reads a webhook’s invocations newest first', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(
      transport,
      { ...defaultConfig('sms'), enabled: true },
      { apiKey: 'pk_test_never_in_the_browser' },
    );
    const id = [...admin.webhooks.keys()][0]!;
    admin.addInvocation(id, { statusCode: 202, at: '2026-11-21T05:00:00Z' });
    admin.addInvocation(id, { statusCode: 400, at: '2026-11-21T05:10:00Z' });
    const list = await listWebhookInvocations(transport, id);
    expect(list.map((i) => i.latest_status_code)).toEqual([400, 202]);
  });

  it('adds an internal note as a private comment', async () => {
    const { store, transport } = zendeskHarness();
    await addInternalNote(transport, 101, 'SMS sent to +14155550101: "On its way!"');
    const last = store.comments.get(101)!.at(-1)!;
    expect(last.public).toBe(false);
    expect(last.body).toBe('SMS sent to +14155550101: "On its way!"');
  });

  it('links a Klaviyo profile on a user once the setup page made the user field', async () => {
    const { store, transport } = zendeskHarness();
    await provision(
      transport,
      { ...defaultConfig('sms'), enabled: true },
      { apiKey: 'pk_test_never_in_the_browser' },
    );
    await setUserKlaviyoProfileId(transport, 1101, '01DEMOMARIA000000000000000');
    expect(store.getUser(1101).user_fields.klaviyo_profile_id).toBe('01DEMOMARIA000000000000000');
    expect(await getUserKlaviyoProfileId(transport, 1101)).toBe('01DEMOMARIA000000000000000');
    await setUserKlaviyoProfileId(transport, 1101, null);
    expect(await getUserKlaviyoProfileId(transport, 1101)).toBeNull();
  });

  it('says so when the user field does not exist, instead of silently linking nothing', async () => {
    const { transport } = zendeskHarness();
    server.use(
      // What Zendesk does with a value for an unknown user field: ignores it.
      http.put('https://demo.zendesk.com/api/v2/users/1101', () =>
        HttpResponse.json({
          user: { id: 1101, name: 'Maria Garcia', email: null, role: 'end-user', user_fields: {} },
        }),
      ),
    );
    const failure = (await setUserKlaviyoProfileId(
      transport,
      1101,
      '01DEMOMARIA000000000000000',
    ).catch((e: unknown) => e)) as ZendeskError;
    expect(failure.error).toBe('UserFieldMissing');
  });
});
