import { http, HttpResponse } from 'msw';
import { defaultConfig, type MetricSyncConfig } from '../../../src/metrics/config';
import { MARKERS, TITLES } from '../../../src/metrics/objects';
import {
  configFromSetup,
  provision,
  ProvisionError,
  readSetup,
  removeAll,
} from '../../../src/metrics/provision';
import { server, withZendeskServer, writes, zendeskHarness } from './harness';

withZendeskServer();

const KEY = 'pk_test_never_in_the_browser';

function config(overrides: Partial<MetricSyncConfig> = {}): MetricSyncConfig {
  return { ...defaultConfig('sms'), enabled: true, ...overrides };
}

const outcomes = (report: { steps: Array<{ object: string; outcome: string }> }) =>
  Object.fromEntries(report.steps.map((s) => [s.object, s.outcome]));

describe('provisioning the metric sync', () => {
  it('creates the webhook with the typed key, both triggers and the user field on the first run', async () => {
    const { admin, store, transport } = zendeskHarness();
    const report = await provision(transport, config(), { apiKey: KEY });

    expect(outcomes(report)).toEqual({
      webhook: 'created',
      'user-field': 'created',
      'opened-trigger': 'created',
      'resolved-trigger': 'created',
      automation: 'skipped',
      view: 'skipped',
    });
    const [hook] = [...admin.webhooks.values()];
    expect(hook).toMatchObject({
      endpoint: 'https://a.klaviyo.com/api/events',
      http_method: 'POST',
      request_format: 'json',
      status: 'active',
      subscriptions: ['conditional_ticket_events'],
      custom_headers: { revision: '2026-07-15' },
    });
    expect(admin.authenticationOf(hook!.id)).toEqual({
      type: 'api_key',
      add_position: 'header',
      data: { name: 'Authorization', value: `Klaviyo-API-Key ${KEY}` },
    });
    // Zendesk never gives the key back.
    expect(JSON.stringify(hook)).not.toContain(KEY);

    const triggers = [...admin.triggers.values()];
    expect(triggers.map((t) => t.title).sort()).toEqual([
      TITLES['opened-trigger'],
      TITLES['resolved-trigger'],
    ]);
    const opened = triggers.find((t) => t.description?.includes(MARKERS['opened-trigger']))!;
    const resolved = triggers.find((t) => t.description?.includes(MARKERS['resolved-trigger']))!;
    expect(opened.conditions.all).toEqual([
      { field: 'update_type', operator: 'is', value: 'Create' },
    ]);
    expect(resolved.conditions.all).toContainEqual({
      field: 'status',
      operator: 'value',
      value: 'closed',
    });
    for (const t of [opened, resolved]) {
      expect(t.active).toBe(true);
      expect(t.conditions.any).toEqual([]);
      const action = t.actions![0]!;
      expect(action.field).toBe('notification_webhook');
      expect((action.value as string[])[0]).toBe(hook!.id);
    }
    // The body carries the account's active custom ticket fields, not inactive or system ones.
    const body = (opened.actions![0]!.value as string[])[1]!;
    expect(body).toContain('"Order number"');
    expect(body).toContain('ticket_field_option_title_360000102');
    expect(body).not.toContain('Retired field');
    expect(body).toContain('"Opened Ticket"');

    expect(store.userFields.map((f) => f.key)).toContain('klaviyo_profile_id');
  });

  it('changes nothing on a second run with the same settings', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(
      transport,
      config({ smsView: true, closeSolvedSms: { enabled: true, hours: 24 } }),
      { apiKey: KEY },
    );
    admin.requests.length = 0;

    const report = await provision(
      transport,
      config({ smsView: true, closeSolvedSms: { enabled: true, hours: 24 } }),
    );

    expect(new Set(report.steps.map((s) => s.outcome))).toEqual(new Set(['unchanged']));
    expect(writes(admin)).toEqual([]);
    expect(admin.webhooks.size).toBe(1);
    expect(admin.triggers.size).toBe(2);
  });

  it('repairs drift without touching the stored key when none is typed', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(transport, config(), { apiKey: KEY });
    const hook = [...admin.webhooks.values()][0]!;
    hook.endpoint = 'https://a.klaviyo.com/api/old-endpoint';
    const opened = [...admin.triggers.values()].find((t) => t.title === TITLES['opened-trigger'])!;
    opened.title = 'Renamed by someone';
    opened.conditions.all = [];
    opened.conditions.any = [{ field: 'status', operator: 'is', value: 'new' }];

    const report = await provision(transport, config());

    expect(outcomes(report)).toMatchObject({
      webhook: 'updated',
      'opened-trigger': 'updated',
      'resolved-trigger': 'unchanged',
    });
    expect(hook.endpoint).toBe('https://a.klaviyo.com/api/events');
    expect(admin.authenticationOf(hook.id)?.data?.value).toBe(`Klaviyo-API-Key ${KEY}`);
    expect(writes(admin).find((w) => w.includes('/webhooks/'))).toMatch(/^PATCH /);
    const repaired = admin.triggers.get(opened.id)!;
    expect(repaired.title).toBe(TITLES['opened-trigger']);
    expect(repaired.conditions).toEqual({
      all: [{ field: 'update_type', operator: 'is', value: 'Create' }],
      any: [],
    });
    expect(admin.triggers.size).toBe(2);
  });

  it('replaces the webhook key when the admin types a new one', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(transport, config(), { apiKey: KEY });
    const report = await provision(transport, config(), { apiKey: 'pk_test_second_fake_key' });
    expect(outcomes(report).webhook).toBe('updated');
    const hook = [...admin.webhooks.values()][0]!;
    expect(admin.authenticationOf(hook.id)?.data?.value).toBe(
      'Klaviyo-API-Key pk_test_second_fake_key',
    );
    expect(admin.webhooks.size).toBe(1);
  });

  it('limits both triggers to the chosen brands, and lifts the limit again', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(transport, config({ brandIds: [2] }), { apiKey: KEY });
    for (const t of admin.triggers.values()) {
      expect(t.conditions.any).toEqual([{ field: 'brand_id', operator: 'is', value: '2' }]);
    }
    const report = await provision(transport, config({ brandIds: [2, 1] }));
    expect(outcomes(report)).toMatchObject({
      'opened-trigger': 'updated',
      'resolved-trigger': 'updated',
    });
    for (const t of admin.triggers.values()) {
      expect(t.conditions.any).toEqual([
        { field: 'brand_id', operator: 'is', value: '1' },
        { field: 'brand_id', operator: 'is', value: '2' },
      ]);
    }
    await provision(transport, config({ brandIds: [] }));
    for (const t of admin.triggers.values()) expect(t.conditions.any).toEqual([]);
  });

  it('reads back what it made as the setup page settings', async () => {
    const { transport } = zendeskHarness();
    const wanted = config({
      brandIds: [2],
      smsView: true,
      closeSolvedSms: { enabled: true, hours: 6 },
    });
    await provision(transport, wanted, { apiKey: KEY });
    expect(configFromSetup(await readSetup(transport), 'sms', defaultConfig('sms'))).toEqual(
      wanted,
    );
  });

  it('adds, changes and removes the optional automation and view', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(
      transport,
      config({ smsView: true, closeSolvedSms: { enabled: true, hours: 24 } }),
      { apiKey: KEY },
    );
    const automation = [...admin.automations.values()][0]!;
    expect(automation.title).toBe(TITLES.automation);
    expect(automation.conditions.all).toEqual([
      { field: 'status', operator: 'is', value: 'solved' },
      { field: 'SOLVED', operator: 'greater_than', value: '24' },
      { field: 'current_tags', operator: 'includes', value: 'sms' },
    ]);
    expect(automation.actions).toEqual([{ field: 'status', value: 'closed' }]);
    const view = [...admin.views.values()][0]!;
    expect(view.conditions.all).toEqual([
      { field: 'status', operator: 'less_than', value: 'closed' },
      { field: 'current_tags', operator: 'includes', value: 'sms' },
    ]);

    let report = await provision(
      transport,
      config({ smsView: true, closeSolvedSms: { enabled: true, hours: 4 } }),
    );
    expect(outcomes(report)).toMatchObject({ automation: 'updated', view: 'unchanged' });
    expect(admin.automations.get(automation.id)!.conditions.all[1]!.value).toBe('4');

    report = await provision(transport, config());
    expect(outcomes(report)).toMatchObject({ automation: 'removed', view: 'removed' });
    expect(admin.automations.size).toBe(0);
    expect(admin.views.size).toBe(0);
  });

  it('switching the sync off deactivates the triggers and keeps the webhook', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(transport, config(), { apiKey: KEY });
    const report = await provision(transport, config({ enabled: false }));
    expect(outcomes(report)).toMatchObject({
      webhook: 'unchanged',
      'opened-trigger': 'updated',
      'resolved-trigger': 'updated',
    });
    expect([...admin.triggers.values()].map((t) => t.active)).toEqual([false, false]);
    expect(admin.webhooks.size).toBe(1);
  });

  it('removes copies of its own objects so there is only ever one of each', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(transport, config(), { apiKey: KEY });
    const opened = [...admin.triggers.values()].find((t) => t.title === TITLES['opened-trigger'])!;
    admin.triggers.set(opened.id + 1000, { ...structuredClone(opened), id: opened.id + 1000 });

    const report = await provision(transport, config());

    expect(report.steps).toContainEqual({
      object: 'opened-trigger',
      outcome: 'removed',
      id: opened.id + 1000,
    });
    expect(admin.triggers.size).toBe(2);
  });

  it('needs a key to create the webhook, and writes nothing without one', async () => {
    const { admin, transport } = zendeskHarness();
    const failure = await provision(transport, config()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProvisionError);
    expect((failure as ProvisionError).reason).toBe('key-required');
    expect(writes(admin)).toEqual([]);
  });

  it('refuses something that is not a private key before calling Zendesk', async () => {
    const { admin, transport } = zendeskHarness();
    for (const [key, problem] of [
      ['AbC123', 'public-key'],
      ['pk_abc def123456', 'whitespace'],
      ['sk_live_something', 'not-private'],
    ] as const) {
      const failure = (await provision(transport, config(), { apiKey: key }).catch(
        (e: unknown) => e,
      )) as ProvisionError;
      expect(failure.reason).toBe('key-invalid');
      expect(failure.keyProblem).toBe(problem);
      expect(failure.message).not.toContain(key);
    }
    expect(writes(admin)).toEqual([]);
  });

  it('reports what Zendesk refused, with what was already done', async () => {
    const { transport } = zendeskHarness();
    server.use(
      http.post('https://demo.zendesk.com/api/v2/triggers', () =>
        HttpResponse.json(
          {
            error: 'RecordInvalid',
            description: 'Record validation errors',
            details: { base: [{ description: 'Trigger limit reached', error: 'InvalidValue' }] },
          },
          { status: 422 },
        ),
      ),
    );
    const failure = (await provision(transport, config(), { apiKey: KEY }).catch(
      (e: unknown) => e,
    )) as ProvisionError;
    expect(failure.reason).toBe('zendesk');
    expect(failure.object).toBe('opened-trigger');
    expect(failure.cause?.status).toBe(422);
    expect(failure.cause?.details).toEqual(['Trigger limit reached']);
    expect(failure.steps.map((s) => `${s.object}:${s.outcome}`)).toEqual([
      'webhook:created',
      'user-field:created',
    ]);
  });

  it('removes everything it made, triggers before the webhook, and keeps the profile links by default', async () => {
    const { admin, store, transport } = zendeskHarness();
    await provision(
      transport,
      config({ smsView: true, closeSolvedSms: { enabled: true, hours: 24 } }),
      { apiKey: KEY },
    );
    const report = await removeAll(transport);
    expect(outcomes(report)).toEqual({
      'opened-trigger': 'removed',
      'resolved-trigger': 'removed',
      automation: 'removed',
      view: 'removed',
      webhook: 'removed',
      'user-field': 'skipped',
    });
    expect(
      admin.webhooks.size + admin.triggers.size + admin.automations.size + admin.views.size,
    ).toBe(0);
    const order = writes(admin);
    expect(order.findIndex((w) => w.includes('/webhooks/'))).toBe(order.length - 1);
    expect(store.userFields.map((f) => f.key)).toContain('klaviyo_profile_id');

    // A second removal finds nothing left to remove.
    expect(new Set((await removeAll(transport)).steps.map((s) => s.outcome))).toEqual(
      new Set(['skipped']),
    );
  });
});
