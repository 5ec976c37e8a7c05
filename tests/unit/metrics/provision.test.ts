import { http, HttpResponse } from 'msw';
import { defaultConfig, type MetricSyncConfig } from '../../../src/metrics/config';
import { MARKERS, TITLES } from '../../../src/metrics/objects';
import {
  configFromSetup,
  planMetricSync,
  planRemoval,
  provision,
  ProvisionError,
  readSetup,
  removeAll,
} from '../../../src/metrics/provision';
import type { StepDone } from '../../../src/provision';
import { server, withZendeskServer, writes, zendeskHarness } from './harness';

withZendeskServer();

const KEY = 'pk_test_never_in_the_browser';

function config(overrides: Partial<MetricSyncConfig> = {}): MetricSyncConfig {
  return { ...defaultConfig('sms'), enabled: true, ...overrides };
}

/** What each step did, by step key (objects neither present nor wanted have no step). */
const outcomes = (done: StepDone[]) =>
  Object.fromEntries(done.map((s) => [s.key, s.alreadyGone ? 'gone' : s.action]));

describe('provisioning the metric sync', () => {
  it('creates the webhook with the typed key, both triggers and the user field on the first run', async () => {
    const { admin, store, transport } = zendeskHarness();
    const report = await provision(transport, config(), { apiKey: KEY });

    expect(outcomes(report)).toEqual({
      webhook: 'create',
      'user-field': 'create',
      'opened-trigger': 'create',
      'resolved-trigger': 'create',
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

    expect(new Set(report.map((s) => s.action))).toEqual(new Set(['keep']));
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
      webhook: 'update',
      'opened-trigger': 'update',
      'resolved-trigger': 'keep',
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
    expect(outcomes(report).webhook).toBe('update');
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
      'opened-trigger': 'update',
      'resolved-trigger': 'update',
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
    expect(outcomes(report)).toMatchObject({ automation: 'update', view: 'keep' });
    expect(admin.automations.get(automation.id)!.conditions.all[1]!.value).toBe('4');

    report = await provision(transport, config());
    expect(outcomes(report)).toMatchObject({ automation: 'delete', view: 'delete' });
    expect(admin.automations.size).toBe(0);
    expect(admin.views.size).toBe(0);
  });

  it('switching the sync off deactivates the triggers and keeps the webhook', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(transport, config(), { apiKey: KEY });
    const report = await provision(transport, config({ enabled: false }));
    expect(outcomes(report)).toMatchObject({
      webhook: 'keep',
      'opened-trigger': 'update',
      'resolved-trigger': 'update',
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

    expect(report).toContainEqual(
      expect.objectContaining({ key: 'opened-trigger#copy1', action: 'delete', id: null }),
    );
    expect(admin.triggers.has(opened.id + 1000)).toBe(false);
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
    expect(failure.reason).toBe('step-failed');
    expect(failure.failure).toMatchObject({
      step: { key: 'opened-trigger', action: 'create' },
      httpStatus: 422,
      advice: 'setup.advice.refused',
      detail: 'Trigger limit reached',
    });
    expect(failure.done.map((s) => `${s.key}:${s.action}`)).toEqual([
      'webhook:create',
      'user-field:create',
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
      'opened-trigger': 'delete',
      'resolved-trigger': 'delete',
      automation: 'delete',
      view: 'delete',
      webhook: 'delete',
    });
    expect(
      admin.webhooks.size + admin.triggers.size + admin.automations.size + admin.views.size,
    ).toBe(0);
    const order = writes(admin);
    expect(order.findIndex((w) => w.includes('/webhooks/'))).toBe(order.length - 1);
    expect(store.userFields.map((f) => f.key)).toContain('klaviyo_profile_id');

    // A second removal finds nothing left to remove.
    expect(await removeAll(transport)).toEqual([]);
  });

  it('plans what Save will change without writing anything', async () => {
    const { admin, transport } = zendeskHarness();
    await provision(transport, config(), { apiKey: KEY });
    const setup = await readSetup(transport);
    admin.requests.length = 0;

    const plan = planMetricSync(setup, config({ brandIds: [2], smsView: true }));

    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(
      plan.steps.filter((s) => s.action !== 'keep').map((s) => `${s.key}:${s.action}`),
    ).toEqual(['opened-trigger:update', 'resolved-trigger:update', 'view:create']);
    expect(plan.steps.find((s) => s.key === 'view')?.summary).toEqual({
      key: 'setup.plan.create',
      object: 'setup.objects.view',
    });
    expect(writes(admin)).toEqual([]);
  });

  it('plans the webhook update with the new key when one is typed, and refuses a bad key in the plan', async () => {
    const { transport } = zendeskHarness();
    await provision(transport, config(), { apiKey: KEY });
    const setup = await readSetup(transport);
    const withKey = planMetricSync(setup, config(), { apiKey: 'pk_test_second_fake_key' });
    expect(withKey.ok && withKey.steps.find((s) => s.key === 'webhook')?.summary.key).toBe(
      'setup.plan.update_key',
    );
    expect(planMetricSync(setup, config(), { apiKey: 'AbC123' })).toEqual({
      ok: false,
      problem: 'key-invalid',
      keyProblem: 'public-key',
    });
  });

  it('plans removal triggers first and the webhook after them', async () => {
    const { transport } = zendeskHarness();
    await provision(transport, config({ smsView: true }), { apiKey: KEY });
    const steps = planRemoval(await readSetup(transport), { includeUserField: true });
    expect(steps.map((s) => s.key)).toEqual([
      'opened-trigger',
      'resolved-trigger',
      'view',
      'webhook',
      'user-field',
    ]);
    expect(new Set(steps.map((s) => s.action))).toEqual(new Set(['delete']));
  });

  it('resumes after a failure: installing again finishes the steps that did not run', async () => {
    const { admin, transport } = zendeskHarness();
    let refuse = true;
    server.use(
      http.post('https://demo.zendesk.com/api/v2/triggers', () =>
        refuse ? HttpResponse.json({ error: 'Unavailable' }, { status: 503 }) : undefined,
      ),
    );
    const failure = (await provision(transport, config(), { apiKey: KEY }).catch(
      (e: unknown) => e,
    )) as ProvisionError;
    expect(failure.failure?.advice).toBe('setup.advice.later');
    refuse = false;

    const report = await provision(transport, config());

    expect(outcomes(report)).toMatchObject({
      webhook: 'keep',
      'user-field': 'keep',
      'opened-trigger': 'create',
      'resolved-trigger': 'create',
    });
    expect(admin.webhooks.size).toBe(1);
    expect(admin.triggers.size).toBe(2);
  });
});
