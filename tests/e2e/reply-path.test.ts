/**
 * The Zendesk-hosted reply path installed from the setup page in Chromium, then public replies
 * written every way an agent writes them (agent interface, mobile app, email reply), each texted
 * once through the Zendesk trigger, its webhook and the Klaviyo flow; what must never be texted
 * (internal notes, the customer's own text arriving through the API, a customer without SMS
 * consent); a webhook delivery Zendesk retries; hostile reply text; the guided test; Remove.
 */
import type { Frame } from 'playwright-core';
import { DEMO_KLAVIYO_KEY } from '../../dev/workspace/settings';
import { appFrame } from './support/browser';
import { browserSuite } from './support/suite';

/** The key the workspace's Klaviyo accepts: the admin types the account's private key. */
const WEBHOOK_KEY = DEMO_KLAVIYO_KEY;

jest.setTimeout(180_000);

const AGENT = 1;
const MARIA_TICKET = 101;
const MARIA_USER = 1101;
const JORDAN_TICKET = 103;
const WAIT = { timeout: 30_000 };

interface Message {
  via: string;
  status: string;
  reason: string | null;
  phone: string | null;
  body: string;
}

const suite = browserSuite({ viewport: { width: 1280, height: 1200 } });

const messages = async () =>
  (await suite.workspace.control.get<{ messages: Message[] }>('/klaviyo/messages')).messages.filter(
    (m) => m.via === 'flow',
  );

/** Waits until `count` flow messages exist (or the time is up), then answers them all. */
async function flowMessages(count: number): Promise<Message[]> {
  for (let i = 0; i < 100 && (await messages()).length < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return messages();
}

/** A quiet second: nothing more arrives after the last expected message. */
async function settled(): Promise<Message[]> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return messages();
}

const comment = (
  ticketId: number,
  body: string,
  options: { public?: boolean; authorId?: number; via?: string } = {},
) =>
  suite.workspace.control.post(`/zendesk/tickets/${ticketId}/comments`, {
    body,
    public: options.public ?? true,
    authorId: options.authorId ?? AGENT,
    via: options.via ?? 'web',
  });

async function openSetup(): Promise<Frame> {
  await suite.page.goto(`${suite.workspace.hostOrigin}/?nav=klaviyo`);
  const frame = await appFrame(suite.page, { location: 'nav_bar' });
  await frame.getByTestId('reply-path-status').waitFor(WAIT);
  return frame;
}

async function installFromPage(frame: Frame): Promise<void> {
  const section = frame.getByTestId('reply-path-section');
  await section.getByLabel('Klaviyo private key for the reply webhook').fill(WEBHOOK_KEY);
  await section.getByText('Install will:').waitFor();
  await section.getByRole('button', { name: 'Install the reply path' }).click();
  await frame.getByText('Installed. Public replies on SMS tickets are now texted:').waitFor(WAIT);
  await frame.locator('[data-testid="reply-path-status"][data-status="installed"]').waitFor(WAIT);
}

describe('the reply path installed from the setup page', () => {
  it('installs, reports each part healthy, and keeps the key out of the page', async () => {
    const frame = await openSetup();
    expect(await frame.getByTestId('reply-path-status').getAttribute('data-status')).toBe(
      'not_installed',
    );
    await installFromPage(frame);
    const summary = await frame.getByTestId('reply-path-summary').innerText();
    expect(summary).toContain('Trigger “Klaviyo: text public replies on SMS tickets”: created');
    expect(summary).toContain('Klaviyo flow “Zendesk: text agent replies”: created');
    expect(await frame.getByTestId('reply-path-health').locator('[data-ok="true"]').count()).toBe(
      4,
    );
    expect(await frame.content()).not.toContain(WEBHOOK_KEY);
    const settings = await suite.workspace.control.get<{ settings: Record<string, unknown> }>(
      '/settings',
    );
    expect(settings.settings.reply_path_installed).toBe(true);
  });

  it('texts each public reply once, from the agent interface, the mobile app and an email reply; never a note or the customer’s own text', async () => {
    await installFromPage(await openSetup());
    await comment(MARIA_TICKET, 'Your parcel left the depot this morning.');
    await comment(MARIA_TICKET, 'Sent from my phone: it arrives tomorrow.', { via: 'mobile' });
    await comment(MARIA_TICKET, 'Answering by email: tracking is 1Z999.', { via: 'email' });
    expect((await flowMessages(3)).map((m) => [m.status, m.body])).toEqual([
      ['sent', 'Your parcel left the depot this morning.'],
      ['sent', 'Sent from my phone: it arrives tomorrow.'],
      ['sent', 'Answering by email: tracking is 1Z999.'],
    ]);

    await comment(MARIA_TICKET, 'Internal: customer called twice.', { public: false });
    // The inbound flow adds the customer's text through the API, in their name: never echoed.
    await comment(MARIA_TICKET, 'Thanks! See you tomorrow', { authorId: MARIA_USER, via: 'api' });
    expect(await settled()).toHaveLength(3);
  });

  it('texts a reply once when Zendesk retries the webhook, and shows a phone what a person expects', async () => {
    await installFromPage(await openSetup());
    await suite.workspace.control.post('/zendesk/faults', { webhookDelivery: { times: 1 } });
    await comment(MARIA_TICKET, 'Retried once by Zendesk.');
    expect(await flowMessages(1)).toHaveLength(1);

    await comment(
      MARIA_TICKET,
      'Fish & chips < £5 **today**, "quoted" 🙂\n\n-- \nAlex Agent\nAcme Support',
    );
    const sent = await flowMessages(2);
    expect(await settled()).toHaveLength(2);
    expect(sent[1]!.body).toBe('Fish & chips < £5 today, "quoted" 🙂');
  });

  it('does not text a customer without SMS consent, and Klaviyo says why', async () => {
    await installFromPage(await openSetup());
    await comment(JORDAN_TICKET, 'We refunded your order.');
    const [skipped] = await flowMessages(1);
    expect(skipped).toMatchObject({ status: 'skipped' });
    expect(skipped!.reason).toMatch(/consent/);
  });

  it('runs the guided test: a test ticket for the admin’s number, a public reply, the text seen in Klaviyo', async () => {
    const frame = await openSetup();
    await installFromPage(frame);
    const test = frame.getByTestId('reply-test');
    await test.getByLabel('Your mobile number').fill('+1 415 555 0101');
    await test.getByRole('button', { name: 'Make the test ticket' }).click();
    const stage = frame.getByTestId('reply-test-stage');
    await stage.waitFor(WAIT);
    const id = Number(/#(\d+)/.exec(await stage.innerText())![1]);
    const { ticket } = await suite.workspace.control.ticket(id);
    expect(ticket.tags).toContain('sms');
    await comment(id, 'This is the reply test.');
    await frame.locator('[data-testid="reply-test-stage"][data-stage="texted"]').waitFor(WAIT);
    await frame.getByText('Klaviyo sent: “This is the reply test.”').waitFor();
  });

  it('removes the reply path: public replies are no longer texted', async () => {
    const frame = await openSetup();
    await installFromPage(frame);
    await frame.getByRole('button', { name: 'Remove the reply path' }).click();
    await frame.getByRole('button', { name: 'Remove', exact: true }).click();
    await frame
      .getByText("Removed. Replies are texted only from the app's composer now:")
      .waitFor(WAIT);
    await comment(MARIA_TICKET, 'Nobody should receive this.');
    expect(await settled()).toHaveLength(0);
    const settings = await suite.workspace.control.get<{ settings: Record<string, unknown> }>(
      '/settings',
    );
    expect(settings.settings.reply_path_installed).toBe(false);
  });
});
