/**
 * The admin setup page (nav bar) in the local workspace: connection test, Save with a webhook key
 * (objects appear in the Zendesk stand-in, the key never shows), the webhook's invocations, and
 * removal.
 */
import type { Frame } from 'playwright-core';
import { appFrame } from './support/browser';
import { browserSuite } from './support/suite';

jest.setTimeout(120_000);

const WEBHOOK_KEY = 'pk_test_webhook_key_never_shown';

interface AdminObjects {
  webhooks: Array<{
    id: string;
    name: string;
    endpoint: string;
    authentication?: { type: string };
  }>;
  triggers: Array<{ title: string; active: boolean; conditions: { any: unknown[] } }>;
  automations: unknown[];
  views: unknown[];
}

const suite = browserSuite({ viewport: { width: 1280, height: 1000 } });

async function openSetup(): Promise<Frame> {
  await suite.page.goto(`${suite.workspace.hostOrigin}/?nav=klaviyo`);
  const frame = await appFrame(suite.page, { location: 'nav_bar' });
  await frame.getByTestId('setup-root').waitFor({ timeout: 20_000 });
  return frame;
}

const admin = () => suite.workspace.control.get<AdminObjects>('/zendesk/admin');

async function saveWithKey(frame: Frame): Promise<void> {
  await frame.getByLabel('Klaviyo private API key for the webhook').fill(WEBHOOK_KEY);
  await frame.getByRole('button', { name: 'Save' }).click();
  await frame.getByText('Saved. What changed in Zendesk:').waitFor({ timeout: 20_000 });
}

describe('the setup page in the workspace', () => {
  it('tests the connection, then saves: the webhook and triggers exist and the key is nowhere to be seen', async () => {
    const frame = await openSetup();
    await frame.getByRole('button', { name: 'Test connection' }).click();
    await frame.getByText(/^The key works/).waitFor({ timeout: 20_000 });

    await saveWithKey(frame);
    await frame.getByText('Webhook: created').waitFor();
    expect(await frame.getByLabel('Klaviyo private API key for the webhook').inputValue()).toBe('');

    const objects = await admin();
    expect(objects.webhooks).toHaveLength(1);
    expect(objects.webhooks[0]).toMatchObject({
      endpoint: 'https://a.klaviyo.com/api/events',
      authentication: { type: 'api_key' },
    });
    expect(objects.triggers.map((t) => t.title).sort()).toEqual([
      'Klaviyo: Opened Ticket',
      'Klaviyo: Resolved Ticket',
    ]);
    expect(JSON.stringify(objects)).not.toContain(WEBHOOK_KEY);
    // Nor in what the workspace reports about the calls the page made.
    for (const report of ['/proxy/requests', '/zendesk/requests', '/klaviyo/requests']) {
      expect(JSON.stringify(await suite.workspace.control.get(report))).not.toContain(WEBHOOK_KEY);
    }
    expect(await frame.content()).not.toContain(WEBHOOK_KEY);
    expect(await suite.page.content()).not.toContain(WEBHOOK_KEY);

    // Saving again changes nothing.
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.getByText('Webhook: unchanged').waitFor({ timeout: 20_000 });
    expect((await admin()).triggers).toHaveLength(2);
  });

  it('shows the webhook’s invocations with their meaning', async () => {
    const frame = await openSetup();
    await saveWithKey(frame);
    await suite.workspace.control.post('/zendesk/admin/invocations', { statusCode: 202 });
    await suite.workspace.control.post('/zendesk/admin/invocations', { statusCode: 400 });
    await frame.getByRole('button', { name: 'Refresh' }).click();
    const table = frame.getByTestId('invocations');
    await table.getByText('Accepted by Klaviyo.').waitFor({ timeout: 20_000 });
    await table.getByText(/neither an email address nor a phone number/).waitFor();
  });

  it('removes everything it made', async () => {
    const frame = await openSetup();
    await saveWithKey(frame);
    await frame.getByRole('button', { name: 'Remove everything' }).click();
    await frame.getByRole('button', { name: 'Yes, remove' }).click();
    await frame.getByText('Removed. What changed in Zendesk:').waitFor({ timeout: 20_000 });
    const objects = await admin();
    expect(objects.webhooks.length + objects.triggers.length).toBe(0);
  });

  it('explains to an agent that only admins can set the app up', async () => {
    await suite.workspace.control.post('/zendesk/session', { role: 'agent' });
    const frame = await openSetup();
    await frame.getByText('Only admins can change this page').waitFor({ timeout: 20_000 });
  });
});
