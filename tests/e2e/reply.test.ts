/**
 * Replying by SMS in the local workspace: the composer in both modes, what blocks or
 * confirms a send, Klaviyo's refusals, and the ticket-save bridge, asserting what the agent sees
 * and what actually reached the Klaviyo stand-in and the Zendesk ticket.
 */
import type { Frame } from 'playwright-core';
import { appFrame } from './support/browser';
import { browserSuite } from './support/suite';

jest.setTimeout(120_000);

const MARIA_CONVERSATION = '01DEMOCONVMARIA00000000000';
const MARIA = '01DEMOMARIA000000000000000';
const WAIT = { timeout: 20_000 };

const suite = browserSuite({
  beforeEachTest: (workspace) => workspace.control.setSettings(ALL_DAY),
});

interface Message {
  conversationId: string;
  profileId: string;
  body: string;
}
interface CreatedEvent {
  metricName: string;
  profileId: string;
  uniqueId: string | null;
  properties: Record<string, unknown>;
}

const messages = async () =>
  (await suite.workspace.control.get<{ messages: Message[] }>('/klaviyo/messages')).messages;
const events = async () =>
  (await suite.workspace.control.get<{ events: CreatedEvent[] }>('/klaviyo/events')).events;
const comments = async (ticketId: number) =>
  (await suite.workspace.control.ticket(ticketId)).comments;

/** Texting allowed all day, so that only the quiet-hours test depends on the clock. */
const ALL_DAY = { quiet_hours_start: 0, quiet_hours_end: 24 };

async function openTicket(id: number): Promise<Frame> {
  await suite.page.goto(suite.workspace.ticketUrl(id));
  const frame = await appFrame(suite.page, { ticketId: id });
  await frame.getByTestId('composer').waitFor(WAIT);
  return frame;
}

async function write(frame: Frame, text: string) {
  await frame.getByRole('textbox', { name: 'Reply by SMS' }).fill(text);
}

const sendButton = (frame: Frame) => frame.getByRole('button', { name: 'Send SMS', exact: true });

/** A one-hour texting window that does not contain the customer's current local hour. */
function windowExcludingNow(timeZone: string): {
  quiet_hours_start: number;
  quiet_hours_end: number;
} {
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  const start = hour <= 20 ? hour + 2 : 2;
  return { quiet_hours_start: start, quiet_hours_end: start + 1 };
}

describe('replying by SMS from the sidebar', () => {
  it('conversations mode: the text reaches the customer’s conversation once and is noted on the ticket', async () => {
    const frame = await openTicket(101);
    await write(frame, 'Your order #4821 left our warehouse today.');
    await sendButton(frame).click();
    await frame.getByTestId('composer-sent').waitFor(WAIT);
    expect(await frame.getByRole('textbox', { name: 'Reply by SMS' }).inputValue()).toBe('');
    await frame
      .getByTestId('thread-message')
      .filter({ hasText: 'Your order #4821 left our warehouse today.' })
      .first()
      .waitFor(WAIT);

    expect(await messages()).toEqual([
      expect.objectContaining({
        conversationId: MARIA_CONVERSATION,
        body: 'Your order #4821 left our warehouse today.',
      }),
    ]);
    const note = (await comments(101)).filter((c) => !c.public).pop();
    expect(note?.body).toContain('Your order #4821 left our warehouse today.');
    expect(note?.body).toContain('Conversations API');
  });

  it('flow mode: the reply becomes one custom event with the reply id as unique_id', async () => {
    await suite.workspace.control.setSettings({ reply_mode: 'flow' });
    const frame = await openTicket(101);
    await write(frame, 'Sent through the flow.');
    await sendButton(frame).click();
    await frame.getByText('Handed to your Klaviyo flow').waitFor(WAIT);

    const created = (await events()).filter((e) => e.metricName === 'Zendesk SMS Reply');
    expect(created).toEqual([
      expect.objectContaining({
        profileId: MARIA,
        uniqueId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        properties: expect.objectContaining({ Text: 'Sent through the flow.', TicketId: '101' }),
      }),
    ]);
    expect(await messages()).toHaveLength(0);
  });

  it('refused consent: Send stays disabled and says why', async () => {
    const frame = await openTicket(103);
    await write(frame, 'Hello Jordan');
    expect(await sendButton(frame).isDisabled()).toBe(true);
    expect(await frame.getByTestId('composer-blocked').textContent()).toContain(
      'You may not text this customer: they unsubscribed from SMS.',
    );
    expect(await messages()).toHaveLength(0);
  });

  it('outside texting hours: asks to confirm with the customer’s local time, then sends', async () => {
    await suite.workspace.control.setSettings(windowExcludingNow('America/Los_Angeles'));
    const frame = await openTicket(101);
    await write(frame, 'Sorry for the late answer.');
    await sendButton(frame).click();
    const dialog = frame.getByRole('alertdialog');
    await dialog.waitFor(WAIT);
    const laTime = (at: Date) =>
      new Intl.DateTimeFormat('en-US', {
        timeStyle: 'short',
        timeZone: 'America/Los_Angeles',
      }).format(at);
    const shown = (await dialog.textContent()) ?? '';
    expect(shown).toContain('America/Los_Angeles');
    // The customer's local time as it is now (or a minute ago, should the minute have turned).
    const now = new Date();
    expect(
      [laTime(now), laTime(new Date(now.getTime() - 60_000))].some((t) =>
        shown.includes(`It is ${t} for the customer`),
      ),
    ).toBe(true);
    expect(await messages()).toHaveLength(0);

    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    await frame.getByTestId('composer-sent').waitFor(WAIT);
    expect(await messages()).toHaveLength(1);
  });

  it('403 without Conversations API access: explains, and sends through the flow instead', async () => {
    await suite.workspace.control.addKlaviyoFault({
      method: 'GET',
      pathPattern: '^/api/profiles/[^/]+/conversations',
      status: 403,
      times: 5,
    });
    const frame = await openTicket(101);
    await write(frame, 'Via the flow, please.');
    await sendButton(frame).click();
    const failure = frame.getByTestId('composer-failure');
    await failure.waitFor(WAIT);
    expect(await failure.textContent()).toContain(
      'Your Klaviyo account cannot send replies through the API yet',
    );
    expect(await frame.getByRole('textbox', { name: 'Reply by SMS' }).inputValue()).toBe(
      'Via the flow, please.',
    );

    await failure.getByRole('button', { name: 'Send through the flow instead' }).click();
    await frame.getByText('Handed to your Klaviyo flow').waitFor(WAIT);
    expect((await events()).filter((e) => e.metricName === 'Zendesk SMS Reply')).toHaveLength(1);
    expect(await messages()).toHaveLength(0);
  });

  it('429 during send: says when to try again and keeps the text', async () => {
    await suite.workspace.control.addKlaviyoFault({
      method: 'POST',
      path: '/api/conversation-messages',
      status: 429,
      retryAfter: 45,
      times: 1,
    });
    const frame = await openTicket(101);
    await write(frame, 'Are you busy?');
    await sendButton(frame).click();
    const failure = frame.getByTestId('composer-failure');
    await failure.waitFor(WAIT);
    expect(await failure.textContent()).toMatch(
      /Klaviyo is busy\. Your text is kept: try again at \d{1,2}:\d{2}/,
    );
    expect(await failure.getByRole('button', { name: 'Try again' }).isDisabled()).toBe(true);
    expect(await frame.getByRole('textbox', { name: 'Reply by SMS' }).inputValue()).toBe(
      'Are you busy?',
    );
    expect(await messages()).toHaveLength(0);
  });

  it('network failure, then retry: exactly one message reaches Klaviyo', async () => {
    await suite.workspace.control.addKlaviyoFault({
      method: 'POST',
      path: '/api/conversation-messages',
      networkError: true,
      times: 1,
    });
    const frame = await openTicket(101);
    await write(frame, 'Did this reach you?');
    // A double click on Send still sends once.
    await sendButton(frame).dblclick();
    const failure = frame.getByTestId('composer-failure');
    await failure.waitFor(WAIT);
    expect(await failure.textContent()).toContain('We can’t tell whether the text went out');

    await failure.getByRole('button', { name: 'Check and retry' }).click();
    await frame.getByText(/Not among the customer’s delivered texts/).waitFor(WAIT);
    expect(await messages()).toHaveLength(0);

    await frame.getByRole('button', { name: 'Send again' }).click();
    await frame.getByTestId('composer-sent').waitFor(WAIT);
    expect(await messages()).toEqual([expect.objectContaining({ body: 'Did this reach you?' })]);
  });
});

describe('sending public replies as SMS from the ticket editor', () => {
  async function submitPublicReply(text: string) {
    await suite.page.getByTestId('public-reply-tab').click();
    await suite.page.getByTestId('editor').fill(text);
    await suite.page.getByTestId('submit').click();
  }

  it('blocks the save with Klaviyo’s reason and keeps the text in the editor', async () => {
    await suite.workspace.control.setSettings({ send_public_replies_as_sms: true });
    await suite.workspace.control.addKlaviyoFault({
      method: 'GET',
      pathPattern: '^/api/profiles/[^/]+/conversations',
      status: 403,
      times: 5,
    });
    await openTicket(101);
    const before = (await comments(101)).length;
    await submitPublicReply('We refunded your order.');
    const banner = suite.page.getByTestId('save-error-message');
    await banner.waitFor(WAIT);
    expect(await banner.textContent()).toContain(
      'Not saved: this public reply could not be sent by SMS.',
    );
    expect(await banner.textContent()).toContain(
      'Your Klaviyo account cannot send replies through the API yet',
    );
    expect(await suite.page.getByTestId('editor').inputValue()).toBe('We refunded your order.');
    expect(await comments(101)).toHaveLength(before);
    expect(await messages()).toHaveLength(0);
  });

  it('texts the reply and lets the save through; internal notes are never texted', async () => {
    await suite.workspace.control.setSettings({ send_public_replies_as_sms: true });
    await openTicket(101);
    await submitPublicReply('Your refund is on its way.');
    await suite.page
      .getByTestId('comment')
      .filter({ hasText: 'Your refund is on its way.' })
      .first()
      .waitFor(WAIT);
    expect(await messages()).toEqual([
      expect.objectContaining({
        conversationId: MARIA_CONVERSATION,
        body: 'Your refund is on its way.',
      }),
    ]);

    await suite.page.getByTestId('internal-note-tab').click();
    await suite.page.getByTestId('editor').fill('Customer was upset, refunded in full.');
    await suite.page.getByTestId('submit').click();
    await suite.page
      .getByTestId('comment')
      .filter({ hasText: 'Customer was upset, refunded in full.' })
      .first()
      .waitFor(WAIT);
    expect(await messages()).toHaveLength(1);
  });
});
