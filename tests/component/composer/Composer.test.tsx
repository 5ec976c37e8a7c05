import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_CONVERSATIONS, DEMO_IDS } from '../../../dev/klaviyo';
import { Composer } from '../../../src/ui/sidebar/composer';
import type { ComposerProps } from '../../../src/ui/sidebar/composer/types';
import {
  DAYTIME,
  internalNotes,
  MARIA,
  MAY_TEXT,
  NIGHT,
  postedMessages,
  renderWithZaf,
  standIns,
  threadRecorder,
  withStandIns,
} from './support';
import type { FakeZafOptions } from '../../support/fakeZafClient';

withStandIns();

type Overrides = Partial<Omit<ComposerProps, 'klaviyo'>>;

async function renderComposer(overrides: Overrides = {}, zaf: FakeZafOptions = {}) {
  const thread = threadRecorder();
  const onSent = jest.fn();
  const view = await renderWithZaf(
    ({ klaviyo }) => (
      <Composer
        klaviyo={klaviyo}
        ticketId={101}
        profile={MARIA}
        consent={MAY_TEXT}
        localTime={DAYTIME}
        hasSmsThread
        onLocalMessage={thread.onLocalMessage}
        onSent={onSent}
        {...overrides}
      />
    ),
    zaf,
  );
  const textbox = screen.getByRole('textbox', { name: 'Reply by SMS' });
  const sendButton = () => screen.getByRole('button', { name: /^(Send SMS|Sending…)$/ });
  return { ...view, thread, onSent, textbox, sendButton, user: userEvent.setup() };
}

describe('Composer: writing', () => {
  it('disables Send for an empty text and says why', async () => {
    standIns();
    const { sendButton } = await renderComposer();
    expect(sendButton()).toBeDisabled();
    expect(screen.getByTestId('composer-blocked')).toHaveTextContent('Write a message to send.');
  });

  it('counts characters and SMS segments live, GSM-7 then UCS-2 with an emoji', async () => {
    standIns();
    const { textbox, user } = await renderComposer();
    await user.type(textbox, 'Hello');
    expect(screen.getByTestId('composer-counter')).toHaveTextContent(
      '5 characters · 1 SMS · GSM-7',
    );
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('155 left in this part');
    await user.type(textbox, ' 👋');
    expect(screen.getByTestId('composer-counter')).toHaveTextContent(
      '7 characters · 1 SMS · UCS-2',
    );
  });

  it('warns past one segment and explains why special characters shorten parts', async () => {
    standIns();
    const { textbox, user } = await renderComposer();
    await user.click(textbox);
    await user.paste('a'.repeat(161));
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('161 characters · 2 SMS');
    expect(screen.getByText(/it goes out as 2 parts, and each part is billed/)).toBeInTheDocument();
    await user.paste('é€😀');
    expect(screen.getByText(/each part holds 70 characters instead of 160/)).toBeInTheDocument();
  });

  it('refuses a text longer than Klaviyo accepts, with the limit shown', async () => {
    standIns();
    const { textbox, sendButton, user } = await renderComposer();
    await user.click(textbox);
    await user.paste('a'.repeat(1601));
    expect(
      screen.getByText(
        'Too long: Klaviyo accepts at most 1,600 characters. Shorten the text to send it.',
      ),
    ).toBeInTheDocument();
    expect(sendButton()).toBeDisabled();
  });

  it('inserts a quick reply from the settings at the cursor', async () => {
    standIns();
    const { textbox, user } = await renderComposer(
      {},
      {
        settings: { quick_replies: 'Thanks for your patience!\nYour order has shipped.' },
      },
    );
    await user.type(textbox, 'Hi Maria, bye');
    (textbox as HTMLTextAreaElement).setSelectionRange(9, 9);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Quick replies' }),
      'Thanks for your patience!',
    );
    expect(textbox).toHaveValue('Hi Maria, Thanks for your patience! bye');
  });

  it('plain Enter starts a new line and sends nothing', async () => {
    const world = standIns();
    const { textbox, user } = await renderComposer();
    await user.type(textbox, 'Line one{Enter}Line two');
    expect(textbox).toHaveValue('Line one\nLine two');
    expect(world.klaviyoStore.requests).toHaveLength(0);
  });

  it('keeps the draft per ticket when the app reloads', async () => {
    standIns();
    const first = await renderComposer();
    await first.user.type(first.textbox, 'Half-written reply');
    first.unmount();
    const again = await renderComposer();
    expect(again.textbox).toHaveValue('Half-written reply');
    again.unmount();
    const otherTicket = await renderComposer({ ticketId: 102 });
    expect(otherTicket.textbox).toHaveValue('');
  });
});

describe('Composer: when sending is not allowed', () => {
  it('disables Send with the consent reason when the customer may not be texted', async () => {
    standIns();
    const { textbox, sendButton, user } = await renderComposer({
      consent: {
        ...MAY_TEXT,
        smsMarketing: 'unsubscribed',
        smsTransactional: 'unsubscribed',
        canText: false,
        reason: 'unsubscribed',
      },
    });
    await user.type(textbox, 'Hello');
    expect(sendButton()).toBeDisabled();
    expect(screen.getByTestId('composer-blocked')).toHaveTextContent(
      'You may not text this customer: they unsubscribed from SMS.',
    );
  });

  it('warns that Klaviyo will not deliver when the profile has the agent’s own email', async () => {
    standIns();
    await renderComposer(
      {},
      {
        data: {
          currentUser: {
            id: 1,
            name: 'Alex Agent',
            email: 'Maria.Garcia@example.com',
            role: 'admin',
            locale: 'en-US',
          },
        },
      },
    );
    expect(screen.getByTestId('composer-self-send')).toHaveTextContent(
      /Klaviyo does not deliver replies to it/,
    );
  });

  it('asks to confirm outside the customer’s texting hours, showing their local time', async () => {
    const world = standIns();
    const { textbox, sendButton, user } = await renderComposer({ localTime: NIGHT });
    await user.type(textbox, 'Sorry for the late reply');
    await user.click(sendButton());
    const dialog = screen.getByRole('alertdialog', {
      name: 'Outside the customer’s texting hours',
    });
    expect(dialog).toHaveTextContent(
      'It is 11:15 PM for the customer (America/Los_Angeles). Texting hours are 08:00–20:00 their time.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(postedMessages(world.klaviyoStore)).toHaveLength(0);

    await user.click(sendButton());
    await user.click(screen.getByRole('button', { name: 'Send anyway' }));
    await screen.findByTestId('composer-sent');
    expect(postedMessages(world.klaviyoStore)).toEqual([
      { conversationId: DEMO_CONVERSATIONS.maria, body: 'Sorry for the late reply' },
    ]);
  });

  it('without an SMS conversation says so, blocks Send, and offers the flow instead', async () => {
    const world = standIns();
    const sven = {
      ...MARIA,
      id: DEMO_IDS.sven,
      email: 'sven.lindqvist@example.se',
      phoneNumber: null,
    };
    const { textbox, sendButton, user } = await renderComposer({
      profile: sven,
      hasSmsThread: false,
    });
    await user.type(textbox, 'Hej Sven');
    await user.click(sendButton());
    const notice = await screen.findByTestId('composer-failure');
    expect(notice).toHaveTextContent('Klaviyo has no SMS conversation with this customer yet');
    await user.type(textbox, '!');
    expect(sendButton()).toBeDisabled();
    expect(screen.getByTestId('composer-blocked')).toHaveTextContent(
      'Klaviyo has no SMS conversation with them',
    );
    expect(world.klaviyoStore.conversationMessages).toHaveLength(0);
    expect(
      screen.getByRole('button', { name: 'Send through the flow instead' }),
    ).toBeInTheDocument();
  });
});

describe('Composer: sending', () => {
  it('shows the message pending at once, then sent; clears the draft; notes it on the ticket', async () => {
    const world = standIns();
    const { textbox, sendButton, user, thread, onSent } = await renderComposer();
    await user.type(textbox, 'Your order #4821 ships today.');
    await user.click(sendButton());
    await screen.findByTestId('composer-sent');

    const statuses = thread.updates.map((u) =>
      u.type === 'upsert' ? u.message.status : 'removed',
    );
    expect(statuses).toEqual(['pending', 'sent']);
    const ids = new Set(thread.updates.map((u) => (u.type === 'upsert' ? u.message.id : u.id)));
    expect(ids.size).toBe(1);
    expect(postedMessages(world.klaviyoStore)).toEqual([
      { conversationId: DEMO_CONVERSATIONS.maria, body: 'Your order #4821 ships today.' },
    ]);
    expect(textbox).toHaveValue('');
    expect(sessionStorage.length).toBe(0);
    expect(onSent).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'sent', text: 'Your order #4821 ships today.' }),
    );
    const notes = internalNotes(world.zendeskStore, 101);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('Your order #4821 ships today.');
    expect(notes[0]).toContain('Conversations API');
    expect(notes[0]).toContain(DEMO_CONVERSATIONS.maria);
  });

  it('sends with Ctrl+Enter and ignores a held-down key', async () => {
    const world = standIns();
    const { textbox, sendButton, user } = await renderComposer();
    await user.type(textbox, 'Quick one');
    fireEvent.keyDown(textbox, { key: 'Enter', ctrlKey: true, repeat: true });
    // A send would have begun in the key handler: the button would read "Sending…".
    await act(async () => {});
    expect(sendButton()).toHaveTextContent(/^Send SMS$/);
    expect(textbox).toHaveValue('Quick one');
    expect(world.klaviyoStore.requests).toHaveLength(0);
    fireEvent.keyDown(textbox, { key: 'Enter', metaKey: true });
    expect(sendButton()).toHaveTextContent(/^Sending…$/);
    await screen.findByTestId('composer-sent');
    expect(postedMessages(world.klaviyoStore)).toHaveLength(1);
  });

  it('sends once for a double click or two quick Ctrl+Enter presses', async () => {
    const world = standIns();
    const { textbox, sendButton, user } = await renderComposer();
    await user.type(textbox, 'Only once please');
    act(() => {
      fireEvent.click(sendButton());
      fireEvent.click(sendButton());
      fireEvent.keyDown(textbox, { key: 'Enter', ctrlKey: true });
    });
    await screen.findByTestId('composer-sent');
    expect(postedMessages(world.klaviyoStore)).toHaveLength(1);
    expect(internalNotes(world.zendeskStore, 101)).toHaveLength(1);
  });

  it('in flow mode records the reply event with the idempotency key as unique_id', async () => {
    const world = standIns();
    const { textbox, sendButton, user, thread } = await renderComposer(
      {},
      { settings: { reply_mode: 'flow' } },
    );
    await user.type(textbox, 'Sent through the flow');
    await user.click(sendButton());
    expect(await screen.findByTestId('composer-sent')).toHaveTextContent(
      'Handed to your Klaviyo flow',
    );
    const key = [...thread.messages.keys()][0];
    expect(world.klaviyoStore.createdEvents).toEqual([
      expect.objectContaining({
        metricName: 'Zendesk SMS Reply',
        profileId: DEMO_IDS.maria,
        uniqueId: key,
        properties: expect.objectContaining({ Text: 'Sent through the flow' }),
      }),
    ]);
    expect(world.klaviyoStore.conversationMessages).toHaveLength(0);
    expect(internalNotes(world.zendeskStore, 101)[0]).toContain('flow, metric “Zendesk SMS Reply”');
  });

  it('keeps the SMS sent when the internal note fails, and adds the note on request without resending', async () => {
    const world = standIns();
    world.zendeskStore.session = 'anonymous';
    const { textbox, sendButton, user } = await renderComposer();
    await user.type(textbox, 'Note me');
    await user.click(sendButton());
    const sent = await screen.findByTestId('composer-sent');
    expect(sent).toHaveTextContent(
      'The text was sent, but the internal note on the ticket could not be added.',
    );
    world.zendeskStore.session = 'agent';
    await user.click(screen.getByRole('button', { name: 'Add the note again' }));
    await waitFor(() => expect(internalNotes(world.zendeskStore, 101)).toHaveLength(1));
    expect(
      screen.queryByText(/internal note on the ticket could not be added/),
    ).not.toBeInTheDocument();
    expect(postedMessages(world.klaviyoStore)).toHaveLength(1);
  });
});

describe('Composer: failures keep the text and never send twice', () => {
  it('explains a 403 without Conversations API access and sends through the flow with the same key', async () => {
    const world = standIns((store) => {
      store.conversationsEnabled = false;
    });
    const { textbox, sendButton, user, thread } = await renderComposer();
    await user.type(textbox, 'Need a reply');
    await user.click(sendButton());
    const notice = await screen.findByTestId('composer-failure');
    expect(notice).toHaveTextContent(
      'Your Klaviyo account cannot send replies through the API yet',
    );
    expect(notice).toHaveTextContent(/ask for it in Klaviyo’s developer community/);
    expect(textbox).toHaveValue('Need a reply');
    const key = (thread.updates[0] as { message: { id: string } }).message.id;
    expect(thread.messages.size).toBe(0);

    await user.click(within(notice).getByRole('button', { name: 'Send through the flow instead' }));
    await screen.findByTestId('composer-sent');
    expect(world.klaviyoStore.createdEvents).toEqual([expect.objectContaining({ uniqueId: key })]);
    expect(world.klaviyoStore.conversationMessages).toHaveLength(0);
    expect(screen.getByTestId('composer')).toHaveAttribute('data-mode', 'flow');
  });

  it('tells an agent (not an admin) whom to ask for Conversations access', async () => {
    standIns((store) => {
      store.conversationsEnabled = false;
    });
    const { textbox, sendButton, user } = await renderComposer(
      {},
      {
        data: {
          currentUser: {
            id: 7,
            name: 'Ann Agent',
            email: 'ann@example.com',
            role: 'agent',
            locale: 'en-US',
          },
        },
      },
    );
    await user.type(textbox, 'Hi');
    await user.click(sendButton());
    expect(await screen.findByTestId('composer-failure')).toHaveTextContent(
      'Ask your Zendesk admin to request it',
    );
  });

  it('on 429 says when to try again, keeps the text, and retries with the same key only then', async () => {
    // A Retry-After longer than the client waits on its own reaches the agent.
    const world = standIns((store) => {
      store.faults.push({
        method: 'POST',
        path: '/api/conversation-messages',
        status: 429,
        retryAfter: 45,
        times: 1,
      });
    });
    const { textbox, sendButton, user, thread, rerenderUi } = await renderComposer();
    await user.type(textbox, 'Busy busy');
    const before = Date.now();
    await user.click(sendButton());
    const notice = await screen.findByTestId('composer-failure');
    const expected = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(
      new Date(before + 45_000),
    );
    expect(notice).toHaveTextContent(
      `Klaviyo is busy. Your text is kept: try again at ${expected}.`,
    );
    expect(textbox).toHaveValue('Busy busy');
    expect(within(notice).getByRole('button', { name: 'Try again' })).toBeDisabled();
    expect(sendButton()).toBeDisabled();
    expect(postedMessages(world.klaviyoStore)).toHaveLength(0);

    const realNow = Date.now;
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 46_000);
    try {
      rerenderUi();
      const retry = within(screen.getByTestId('composer-failure')).getByRole('button', {
        name: 'Try again',
      });
      expect(retry).toBeEnabled();
      await user.click(retry);
      await screen.findByTestId('composer-sent');
    } finally {
      jest.restoreAllMocks();
    }
    expect(postedMessages(world.klaviyoStore)).toHaveLength(1);
    const ids = new Set(thread.updates.map((u) => (u.type === 'upsert' ? u.message.id : u.id)));
    expect(ids.size).toBe(1);
  });

  it('after a network failure it checks before resending: exactly one message reaches Klaviyo', async () => {
    const world = standIns((store) => {
      store.faults.push({
        method: 'POST',
        path: '/api/conversation-messages',
        networkError: true,
        times: 1,
      });
    });
    const { textbox, sendButton, user } = await renderComposer();
    await user.type(textbox, 'Are you there?');
    await user.click(sendButton());
    const notice = await screen.findByTestId('composer-failure');
    expect(notice).toHaveTextContent('We can’t tell whether the text went out');
    expect(sendButton()).toBeDisabled();

    await user.click(within(notice).getByRole('button', { name: 'Check and retry' }));
    await waitFor(() =>
      expect(screen.getByTestId('composer-failure')).toHaveTextContent(
        'Not among the customer’s delivered texts',
      ),
    );
    expect(postedMessages(world.klaviyoStore)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Send again' }));
    await screen.findByTestId('composer-sent');
    expect(postedMessages(world.klaviyoStore)).toEqual([
      { conversationId: DEMO_CONVERSATIONS.maria, body: 'Are you there?' },
    ]);
  });

  it('after a lost answer to a message Klaviyo did send, the check finds it and sends nothing more', async () => {
    const world = standIns();
    const { textbox, sendButton, user, client } = await renderComposer();
    // Klaviyo processes the POST but the answer is lost on the way back.
    const original = client.request.bind(client);
    let dropped = false;
    client.request = (async (options: Parameters<typeof original>[0]) => {
      const answer = await original(options);
      if (
        !dropped &&
        typeof options === 'object' &&
        options.url.endsWith('/api/conversation-messages') &&
        options.type === 'POST'
      ) {
        dropped = true;
        throw { status: 0, statusText: 'error', responseText: '' };
      }
      return answer;
    }) as typeof client.request;
    await user.type(textbox, 'Did this arrive?');
    await user.click(sendButton());
    const notice = await screen.findByTestId('composer-failure');
    await user.click(within(notice).getByRole('button', { name: 'Check and retry' }));
    expect(await screen.findByTestId('composer-sent')).toHaveTextContent(
      'it was sent once and not sent again',
    );
    expect(postedMessages(world.klaviyoStore)).toHaveLength(1);
    expect(internalNotes(world.zendeskStore, 101)[0]).toMatch(
      /found among the customer’s delivered messages/,
    );
  });

  it('a send interrupted by a reload comes back as "check before sending again", with its text', async () => {
    const world = standIns((store) => {
      store.faults.push({
        method: 'POST',
        path: '/api/conversation-messages',
        networkError: true,
        times: 1,
      });
    });
    const first = await renderComposer();
    await first.user.type(first.textbox, 'Survive a reload');
    await first.user.click(first.sendButton());
    await screen.findByTestId('composer-failure');
    first.unmount();

    const again = await renderComposer();
    expect(again.textbox).toHaveValue('Survive a reload');
    expect(screen.getByTestId('composer-failure')).toHaveAttribute('data-kind', 'uncertain');
    expect(postedMessages(world.klaviyoStore)).toHaveLength(0);
  });
});
