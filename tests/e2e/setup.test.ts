/**
 * The admin setup page (nav bar) in the local workspace: connection test, Save with a webhook key
 * (objects appear in the Zendesk stand-in, the key never shows), the webhook's invocations, and
 * removal.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { appFrame, launchBrowser } from './support/browser';
import { startWorkspace, type Workspace } from './support/workspace';

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

let workspace: Workspace;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  workspace = await startWorkspace();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await workspace?.stop();
});

beforeEach(async () => {
  await workspace.control.reset();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
});

afterEach(async () => {
  await page?.close();
});

async function openSetup(): Promise<Frame> {
  await page.goto(`${workspace.hostOrigin}/?nav=klaviyo`);
  const frame = await appFrame(page, { location: 'nav_bar' });
  await frame.getByTestId('setup-root').waitFor({ timeout: 20_000 });
  return frame;
}

const admin = () => workspace.control.get<AdminObjects>('/zendesk/admin');

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
    expect(await frame.content()).not.toContain(WEBHOOK_KEY);
    expect(await page.content()).not.toContain(WEBHOOK_KEY);

    // Saving again changes nothing.
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.getByText('Webhook: unchanged').waitFor({ timeout: 20_000 });
    expect((await admin()).triggers).toHaveLength(2);
  });

  it('shows the webhook’s invocations with their meaning', async () => {
    const frame = await openSetup();
    await saveWithKey(frame);
    await workspace.control.post('/zendesk/admin/invocations', { statusCode: 202 });
    await workspace.control.post('/zendesk/admin/invocations', { statusCode: 400 });
    await frame.getByRole('button', { name: 'Refresh' }).click();
    const table = frame.getByTestId('invocations');
    await table.getByText('Accepted by Klaviyo.').waitFor({ timeout: 20_000 });
    await table.getByText(/an escaping problem/).waitFor();
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
    await workspace.control.post('/zendesk/session', { role: 'agent' });
    const frame = await openSetup();
    await frame.getByText('Only admins can change this page').waitFor({ timeout: 20_000 });
  });
});
