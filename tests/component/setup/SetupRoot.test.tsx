import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { defaultConfig } from '../../../src/metrics/config';
import { provision } from '../../../src/metrics/provision';
import { adminWrites } from '../../../dev/zendesk';
import { renderSetup, server, standIns, withStandIns } from './support';

withStandIns();

const WEBHOOK_KEY = 'pk_test_webhook_only_events_write';

const keyInput = () => screen.getByLabelText('Klaviyo private API key for the webhook');

describe('the setup page', () => {
  it('explains to an agent who is not an admin that only admins can use it, and reads nothing', async () => {
    const { admin, zendesk } = standIns();
    await renderSetup('agent');
    expect(screen.getByText('Only admins can change this page')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(adminWrites(admin)).toEqual([]);
    expect(zendesk.requests.filter((r) => r.path.includes('webhooks'))).toEqual([]);
  });

  it('tests the app’s Klaviyo key and names the scopes it lacks', async () => {
    const { klaviyo } = standIns();
    const user = userEvent.setup();
    await renderSetup();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(
      await screen.findByText('The key works for the Klaviyo account Acme.'),
    ).toBeInTheDocument();
    expect(screen.getByText('The key has every scope the app needs.')).toBeInTheDocument();

    klaviyo.grantedScopes = new Set([
      'accounts:read',
      'profiles:read',
      'events:read',
      'events:write',
      'metrics:read',
      'segments:read',
      'conversations:read',
      'conversations:write',
    ]);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The key lacks these scopes:')).toBeInTheDocument();
    expect(screen.getByText('lists:read')).toBeInTheDocument();
  });

  it('saves with a typed key: creates the webhook and triggers, clears the key and never shows it', async () => {
    const { admin } = standIns();
    const user = userEvent.setup();
    await renderSetup();
    const input = await screen.findByLabelText('Klaviyo private API key for the webhook');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(screen.getByLabelText('Send ticket metrics to Klaviyo')).toBeChecked();

    await user.type(input, WEBHOOK_KEY);
    // Typed, but not written into the page's markup.
    expect(input).toHaveValue(WEBHOOK_KEY);
    expect(document.body.innerHTML).not.toContain(WEBHOOK_KEY);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const summary = await screen.findByTestId('provision-summary');
    expect(within(summary).getByText('Webhook: created')).toBeInTheDocument();
    expect(
      within(summary).getByText('Trigger “Klaviyo: Opened Ticket”: created'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText('Trigger “Klaviyo: Resolved Ticket”: created'),
    ).toBeInTheDocument();
    const hook = [...admin.webhooks.values()][0]!;
    expect(admin.authenticationOf(hook.id)?.data?.value).toBe(`Klaviyo-API-Key ${WEBHOOK_KEY}`);
    expect(admin.triggers.size).toBe(2);

    expect(keyInput()).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(document.body.innerHTML).not.toContain(WEBHOOK_KEY);
    expect(
      await screen.findByText(
        'Zendesk already holds a key for the webhook. Leave this empty to keep it.',
      ),
    ).toBeInTheDocument();
  });

  it('asks for a key on the first save, and refuses a public key, without writing anything', async () => {
    const { admin } = standIns();
    const user = userEvent.setup();
    await renderSetup();
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Enter a private API key: the webhook does not exist yet.'),
    ).toBeInTheDocument();

    await user.type(keyInput(), 'AbC123');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/That looks like a public API key \(site ID\)/),
    ).toBeInTheDocument();
    expect(keyInput()).toHaveValue('AbC123');
    expect(adminWrites(admin)).toEqual([]);
  });

  it('limits the triggers to the brands the admin ticks, and insists on at least one', async () => {
    const { admin } = standIns();
    const user = userEvent.setup();
    await renderSetup();
    await user.click(await screen.findByRole('radio', { name: 'Only the brands I choose' }));
    await user.type(keyInput(), WEBHOOK_KEY);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Choose at least one brand, or pick All brands.'),
    ).toBeInTheDocument();
    expect(adminWrites(admin)).toEqual([]);

    await user.click(await screen.findByRole('checkbox', { name: 'Acme Outlet' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('provision-summary');
    for (const trigger of admin.triggers.values()) {
      expect(trigger.conditions.any).toEqual([{ field: 'brand_id', operator: 'is', value: '2' }]);
    }
  });

  it('adds the automation with the chosen hours and the view, and checks the hours', async () => {
    const { admin } = standIns();
    const user = userEvent.setup();
    await renderSetup();
    await user.type(
      await screen.findByLabelText('Klaviyo private API key for the webhook'),
      WEBHOOK_KEY,
    );
    await user.click(
      screen.getByRole('checkbox', { name: 'Close solved SMS tickets automatically' }),
    );
    const hours = screen.getByLabelText('Hours after solved');
    await user.clear(hours);
    await user.type(hours, '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Enter a whole number of hours from 1 to 672.'),
    ).toBeInTheDocument();
    expect(adminWrites(admin)).toEqual([]);

    await user.clear(hours);
    await user.type(hours, '12');
    await user.click(screen.getByRole('checkbox', { name: 'Add the “Klaviyo SMS” view' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('provision-summary');
    const automation = [...admin.automations.values()][0]!;
    expect(automation.conditions.all).toContainEqual({
      field: 'SOLVED',
      operator: 'greater_than',
      value: '12',
    });
    expect(admin.views.size).toBe(1);
  });

  it('shows what is already set up when it opens', async () => {
    const { transport } = standIns();
    await provision(
      transport,
      { ...defaultConfig('sms'), enabled: true, brandIds: [2], smsView: true },
      { apiKey: WEBHOOK_KEY },
    );
    await renderSetup();
    expect(await screen.findByRole('radio', { name: 'Only the brands I choose' })).toBeChecked();
    expect(await screen.findByRole('checkbox', { name: 'Acme Outlet' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Acme' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Add the “Klaviyo SMS” view' })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Close solved SMS tickets automatically' }),
    ).not.toBeChecked();
    expect(keyInput()).toHaveValue('');
  });

  it('lists the webhook’s invocations and explains the failures', async () => {
    const { admin, transport } = standIns();
    await provision(transport, { ...defaultConfig('sms'), enabled: true }, { apiKey: WEBHOOK_KEY });
    const id = [...admin.webhooks.keys()][0]!;
    admin.addInvocation(id, { statusCode: 202, at: '2026-11-21T04:00:00Z' });
    admin.addInvocation(id, { statusCode: 400, at: '2026-11-21T04:10:00Z' });
    admin.addInvocation(id, { statusCode: 401, at: '2026-11-21T04:20:00Z' });
    await renderSetup();
    const table = await screen.findByTestId('invocations');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual([
      '401',
      '400',
      '202',
    ]);
    expect(within(rows[0]!).getByText(/refused the webhook's key/)).toBeInTheDocument();
    expect(
      within(rows[1]!).getByText(/neither an email address nor a phone number/),
    ).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Accepted by Klaviyo.')).toBeInTheDocument();
  });

  it('sends one test event for the admin’s own email under a test metric', async () => {
    const { klaviyo } = standIns();
    const user = userEvent.setup();
    await renderSetup();
    expect(
      await screen.findByText(
        'There is no webhook yet. Switch the ticket metrics on and save first.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send test event' }));
    expect(
      await screen.findByText(
        'Sent. Look for “Zendesk Test Event” on the profile alex.agent@example.com in Klaviyo.',
      ),
    ).toBeInTheDocument();
    expect(klaviyo.createdEvents).toHaveLength(1);
    expect(klaviyo.createdEvents[0]!.metricName).toBe('Zendesk Test Event');
  });

  it('removes everything after a confirmation', async () => {
    const { admin, transport } = standIns();
    await provision(
      transport,
      {
        ...defaultConfig('sms'),
        enabled: true,
        smsView: true,
        closeSolvedSms: { enabled: true, hours: 24 },
      },
      { apiKey: WEBHOOK_KEY },
    );
    const user = userEvent.setup();
    await renderSetup();
    await user.click(await screen.findByRole('button', { name: 'Remove everything' }));
    expect(admin.webhooks.size).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await screen.findByText('Removed. What changed in Zendesk:');
    expect(
      admin.webhooks.size + admin.triggers.size + admin.automations.size + admin.views.size,
    ).toBe(0);
    expect(
      await screen.findByText(
        'There is no webhook yet. Switch the ticket metrics on and save first.',
      ),
    ).toBeInTheDocument();
  });

  it('says clearly when Zendesk refuses the admin’s role, with a retry', async () => {
    standIns();
    server.use(
      http.get('https://demo.zendesk.com/api/v2/webhooks', () =>
        HttpResponse.json(
          { error: 'Forbidden', description: 'You do not have access' },
          { status: 403 },
        ),
      ),
    );
    await renderSetup();
    // Both sections that read webhooks say it: the metric sync and the reply path.
    expect(
      await screen.findAllByText(
        /your role may not manage webhooks, triggers, automations or views/,
      ),
    ).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Try again' }).length).toBeGreaterThanOrEqual(2);
  });

  it('says which object Zendesk refused and lists what was already done', async () => {
    standIns();
    server.use(
      http.post('https://demo.zendesk.com/api/v2/triggers', () =>
        HttpResponse.json(
          {
            error: 'RecordInvalid',
            description: 'Record validation errors',
            details: { base: [{ description: 'Too many triggers', error: 'InvalidValue' }] },
          },
          { status: 422 },
        ),
      ),
    );
    const user = userEvent.setup();
    await renderSetup();
    await user.type(
      await screen.findByLabelText('Klaviyo private API key for the webhook'),
      WEBHOOK_KEY,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'Saving stopped: Step “Create Trigger “Klaviyo: Opened Ticket”” failed (status 422). Zendesk refused the change: Too many triggers. It was refused for the reason above. Correct that, then install again: it picks up where it stopped.',
      ),
    ).toBeInTheDocument();
    const done = screen.getByTestId('provision-summary');
    expect(within(done).getByText('Webhook: created')).toBeInTheDocument();
    // Zendesk already holds the key: the field is wiped even though Save stopped.
    expect(keyInput()).toHaveValue('');
  });

  it('says what Save will change before it writes anything, and follows the form', async () => {
    const { admin, transport } = standIns();
    await provision(transport, { ...defaultConfig('sms'), enabled: true }, { apiKey: WEBHOOK_KEY });
    admin.requests.length = 0;
    const user = userEvent.setup();
    await renderSetup();

    expect(
      await screen.findByText('Save will change nothing: Zendesk already holds these settings.'),
    ).toBeInTheDocument();
    await user.click(screen.getByLabelText('Add the “Klaviyo SMS” view'));
    const plan = await screen.findByTestId('provision-plan');
    expect(
      within(plan)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Create View “Klaviyo SMS”']);
    await user.type(keyInput(), 'pk_test_another_fake_key');
    expect(
      within(screen.getByTestId('provision-plan')).getByText(
        'Update Webhook with the key you typed',
      ),
    ).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('pk_test_another_fake_key');
    expect(admin.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('speaks the admin’s language', async () => {
    standIns();
    await renderSetup('admin', 'es');
    expect(screen.getByText('Configuración de Klaviyo for Zendesk')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Guardar' })).toBeInTheDocument();
  });
});
