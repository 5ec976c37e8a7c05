/**
 * The reply path's section of the setup page, against the Zendesk and Klaviyo stand-ins: what it
 * says before anything exists, Install with the key (which never stays on the page), health per
 * part, Repair of what someone switched off, a Klaviyo refusal named by step and resumed, and
 * Remove switching the app setting off first.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';
import { renderSetup, standIns, withStandIns } from './support';

withStandIns();

const section = async () => {
  await screen.findByTestId('reply-path-status');
  return screen.getByTestId('reply-path-section');
};
const status = (box: HTMLElement) =>
  within(box).getByTestId('reply-path-status').getAttribute('data-status');

async function install(box: HTMLElement) {
  await userEvent.type(
    within(box).getByLabelText('Klaviyo private key for the reply webhook'),
    TEST_KLAVIYO_KEY,
  );
  await userEvent.click(within(box).getByRole('button', { name: 'Install the reply path' }));
  return screen.findByText('Installed. Public replies on SMS tickets are now texted:');
}

describe('the reply path section of the setup page', () => {
  it('is off at first, asks for a key before it can plan, and then lists what Install will create', async () => {
    standIns();
    await renderSetup();
    const box = await section();
    expect(status(box)).toBe('not_installed');
    expect(
      within(box).getByText('Type a Klaviyo private key to see what Install will do.'),
    ).toBeVisible();
    await userEvent.click(within(box).getByRole('button', { name: 'Install the reply path' }));
    expect(
      await within(box).findByText('Type a Klaviyo private key: the webhook has none yet.'),
    ).toBeVisible();
    await userEvent.type(
      within(box).getByLabelText('Klaviyo private key for the reply webhook'),
      TEST_KLAVIYO_KEY,
    );
    const plan = within(box).getByTestId('reply-path-plan');
    expect(
      within(plan)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Create Webhook “Klaviyo: SMS replies”',
      'Create Trigger “Klaviyo: text public replies on SMS tickets”',
      'Create Reply metric in Klaviyo (one setup event on your own profile)',
      'Create Klaviyo flow “Zendesk: text agent replies”',
      'Update App setting “reply path installed”',
    ]);
  });

  it('installs every part, clears the key, reports each part healthy and switches the save hook off last', async () => {
    const { zendesk, klaviyo, installation } = standIns();
    await renderSetup();
    const box = await section();
    await install(box);
    expect(within(box).getByLabelText('Klaviyo private key for the reply webhook')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(TEST_KLAVIYO_KEY);
    await within(box).findByTestId('reply-path-health');
    expect(status(box)).toBe('installed');
    const health = within(box).getByTestId('reply-path-health');
    expect([...health.querySelectorAll('li')].map((li) => li.dataset.ok)).toEqual([
      'true',
      'true',
      'true',
      'true',
    ]);
    expect(installation.settings.reply_path_installed).toBe(true);
    const trigger = [...zendesk.triggers.values()].find((t) =>
      t.title.includes('text public replies'),
    );
    expect(trigger?.active).toBe(true);
    const flow = [...klaviyo.flows.values()].find((f) => f.name.includes('text agent replies'));
    expect(flow?.status).toBe('live');
    expect(
      within(box).getByText('Everything is in place: Repair would change nothing.'),
    ).toBeVisible();
    expect(screen.getByTestId('reply-test')).toBeVisible();
  });

  it('shows a trigger someone switched off as partly installed, and Repair turns only that back on', async () => {
    const { zendesk } = standIns();
    await renderSetup();
    let box = await section();
    await install(box);
    const trigger = [...zendesk.triggers.values()].find((t) =>
      t.title.includes('text public replies'),
    )!;
    trigger.active = false;
    await renderSetup();
    box = screen.getAllByTestId('reply-path-section').at(-1)!;
    await within(box).findByText('Trigger: inactive. Repair turns it on.');
    expect(status(box)).toBe('partial');
    const plan = within(box).getByTestId('reply-path-plan');
    expect(
      within(plan)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Update Trigger “Klaviyo: text public replies on SMS tickets”']);
    await userEvent.click(within(box).getByRole('button', { name: 'Repair the reply path' }));
    await within(box).findByText('Everything is in place: Repair would change nothing.');
    expect(zendesk.triggers.get(trigger.id)?.active).toBe(true);
  });

  it('names the Klaviyo step that failed and its status, keeps what was done, and Install again resumes', async () => {
    const { zendesk, klaviyo } = standIns();
    klaviyo.faults.push({ method: 'POST', path: '/api/flows', status: 500, times: 10 });
    await renderSetup();
    const box = await section();
    await userEvent.type(
      within(box).getByLabelText('Klaviyo private key for the reply webhook'),
      TEST_KLAVIYO_KEY,
    );
    await userEvent.click(within(box).getByRole('button', { name: 'Install the reply path' }));
    const alert = await screen.findByText(/^Install stopped\./);
    expect(alert).toHaveTextContent(/Klaviyo flow “Zendesk: text agent replies”/);
    expect(alert).toHaveTextContent(/500/);
    const summary = within(box.parentElement!).getByTestId('reply-path-summary');
    expect(summary).toHaveTextContent('Webhook “Klaviyo: SMS replies”: created');
    await within(box).findByTestId('reply-path-health');
    expect(status(box)).toBe('partial');

    klaviyo.faults.length = 0;
    const webhooks = zendesk.webhooks.size;
    await userEvent.click(within(box).getByRole('button', { name: 'Repair the reply path' }));
    await screen.findByText('Installed. Public replies on SMS tickets are now texted:');
    expect(zendesk.webhooks.size).toBe(webhooks);
  });

  it('removes after a confirmation, the app setting first, and leaves nothing behind', async () => {
    const { zendesk, klaviyo, installation } = standIns();
    await renderSetup();
    const box = await section();
    await install(box);
    await within(box).findByTestId('reply-path-health');
    await userEvent.click(within(box).getByRole('button', { name: 'Remove the reply path' }));
    expect(screen.getByText(/Remove stops texting replies written outside/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await screen.findByText("Removed. Replies are texted only from the app's composer now:");
    expect(installation.settings.reply_path_installed).toBe(false);
    expect([...zendesk.triggers.values()].some((t) => t.title.includes('text public'))).toBe(false);
    expect([...klaviyo.flows.values()].some((f) => f.name.includes('text agent replies'))).toBe(
      false,
    );
    await within(box).findByText('Type a Klaviyo private key to see what Install will do.');
    expect(status(box)).toBe('not_installed');
  });
});
