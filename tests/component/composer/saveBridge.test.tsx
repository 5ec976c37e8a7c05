import { DEMO_CONVERSATIONS } from '../../../dev/klaviyo';
import type { KlaviyoClient } from '../../../src/klaviyo';
import { useTicketSaveBridge } from '../../../src/ui/sidebar/composer';
import type { TicketSaveBridgeInput } from '../../../src/ui/sidebar/composer/types';
import type { FakeZafOptions } from '../../support/fakeZafClient';
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

withStandIns();

function Bridge(props: TicketSaveBridgeInput) {
  useTicketSaveBridge(props);
  return null;
}

interface Editor {
  text?: string;
  type?: string;
  rich?: boolean;
  tags?: string[];
}

async function renderBridge(
  input: Partial<Omit<TicketSaveBridgeInput, 'klaviyo'>> = {},
  editor: Editor = {},
  zaf: FakeZafOptions = {},
) {
  const thread = threadRecorder();
  const view = await renderWithZaf(
    ({ klaviyo }: { klaviyo: KlaviyoClient }) => (
      <Bridge
        klaviyo={klaviyo}
        ticketId={101}
        profile={MARIA}
        consent={MAY_TEXT}
        localTime={DAYTIME}
        onLocalMessage={thread.onLocalMessage}
        {...input}
      />
    ),
    {
      settings: { send_public_replies_as_sms: true, ...(zaf.settings ?? {}) },
      data: {
        ticket: {
          id: 101,
          tags: editor.tags ?? ['sms'],
          comment: {
            text: editor.text ?? '<p>Your parcel is on its way.</p>',
            type: editor.type ?? 'publicReply',
            useRichText: editor.rich ?? true,
          },
        },
        ...(zaf.data ?? {}),
      },
    },
  );
  /**
   * Zendesk's side of the hook: each ticket.save handler's answer, so `[true]` is one bridge letting
   * the save go on; a rejection is the message Zendesk shows.
   */
  const save = () => view.client.emit('ticket.save');
  return { ...view, save, thread };
}

describe('ticket editor bridge (send public replies as SMS)', () => {
  it('texts a public reply on an SMS ticket before the save and lets the save through', async () => {
    const world = standIns();
    const { save, thread } = await renderBridge();
    await expect(save()).resolves.toEqual([true]);
    expect(postedMessages(world.klaviyoStore)).toEqual([
      { conversationId: DEMO_CONVERSATIONS.maria, body: 'Your parcel is on its way.' },
    ]);
    expect([...thread.messages.values()]).toEqual([
      expect.objectContaining({ status: 'sent', text: 'Your parcel is on its way.' }),
    ]);
    // The public comment itself records the reply: no extra note while Zendesk saves the ticket.
    expect(internalNotes(world.zendeskStore, 101)).toHaveLength(0);
  });

  it('stops the save with the reason when Klaviyo refuses, so the text stays in the editor', async () => {
    const world = standIns((store) => {
      store.conversationsEnabled = false;
    });
    const { save } = await renderBridge();
    await expect(save()).rejects.toMatch(
      /^Not saved: this public reply could not be sent by SMS\. Your Klaviyo account cannot send replies through the API yet\. .*Your reply is still in the editor\. To save without texting, make it an internal note or remove the “sms” tag\.$/,
    );
    expect(world.klaviyoStore.conversationMessages).toHaveLength(0);
  });

  it('never sends an internal note, and leaves tickets without the SMS tag alone', async () => {
    const world = standIns();
    const note = await renderBridge({}, { type: 'internalNote' });
    await expect(note.save()).resolves.toEqual([true]);
    note.unmount();
    const untagged = await renderBridge({}, { tags: ['billing'] });
    await expect(untagged.save()).resolves.toEqual([true]);
    expect(world.klaviyoStore.requests).toHaveLength(0);
  });

  it('does nothing at all when the setting is off (the default)', async () => {
    const world = standIns();
    const { save } = await renderBridge(
      {},
      {},
      { settings: { send_public_replies_as_sms: false } },
    );
    // No ticket.save handler is registered: Zendesk runs none.
    await expect(save()).resolves.toEqual([]);
    expect(world.klaviyoStore.requests).toHaveLength(0);
  });

  it('stops the save when the customer may not be texted, saying why', async () => {
    standIns();
    const { save } = await renderBridge({
      consent: { ...MAY_TEXT, canText: false, reason: 'unsubscribed' },
    });
    await expect(save()).rejects.toMatch(
      /You may not text this customer: they unsubscribed from SMS\./,
    );
  });

  it('stops the save when no Klaviyo profile is chosen yet', async () => {
    standIns();
    const { save } = await renderBridge({ profile: null, consent: null });
    await expect(save()).rejects.toMatch(/No Klaviyo profile is chosen for this requester\./);
  });

  it('outside texting hours stops the first save and texts on the second', async () => {
    const world = standIns();
    const { save } = await renderBridge({ localTime: NIGHT });
    await expect(save()).rejects.toMatch(
      /It is 11:15 PM for the customer, outside texting hours\. Save again within two minutes/,
    );
    expect(postedMessages(world.klaviyoStore)).toHaveLength(0);
    await expect(save()).resolves.toEqual([true]);
    expect(postedMessages(world.klaviyoStore)).toHaveLength(1);
  });

  it('a network failure stops the save; saving again checks first, and texts exactly once', async () => {
    const world = standIns((store) => {
      store.faults.push({
        method: 'POST',
        path: '/api/conversation-messages',
        networkError: true,
        times: 1,
      });
    });
    const { save } = await renderBridge();
    await expect(save()).rejects.toMatch(
      /Klaviyo did not answer, so we can’t tell whether the text went out/,
    );
    await expect(save()).rejects.toMatch(/is not among the customer’s delivered messages yet/);
    expect(postedMessages(world.klaviyoStore)).toHaveLength(0);
    await expect(save()).resolves.toEqual([true]);
    expect(postedMessages(world.klaviyoStore)).toHaveLength(1);
  });

  it('when Zendesk fails to save a texted reply, submitting it again does not text it twice', async () => {
    const world = standIns();
    const { save, client } = await renderBridge();
    await expect(save()).resolves.toEqual([true]);
    // The ticket update itself failed (no ticket.submit.done): the reply is still in the editor.
    await expect(save()).resolves.toEqual([true]);
    expect(postedMessages(world.klaviyoStore)).toHaveLength(1);
    // Once Zendesk saved the ticket, the same words later are a new reply.
    await client.emit('ticket.submit.done');
    await expect(save()).resolves.toEqual([true]);
    expect(postedMessages(world.klaviyoStore)).toHaveLength(2);
  });

  it('sends the editor’s HTML as plain text, with its line breaks', async () => {
    const world = standIns();
    const { save } = await renderBridge(
      {},
      { text: '<p>Hi Maria,</p><p>It ships <strong>today</strong> &amp; arrives Friday.</p>' },
    );
    await expect(save()).resolves.toEqual([true]);
    expect(postedMessages(world.klaviyoStore)[0]!.body).toBe(
      'Hi Maria,\nIt ships today & arrives Friday.',
    );
  });

  it('in flow mode sends the reply as the flow event', async () => {
    const world = standIns();
    const { save } = await renderBridge(
      {},
      {},
      { settings: { send_public_replies_as_sms: true, reply_mode: 'flow' } },
    );
    await expect(save()).resolves.toEqual([true]);
    expect(world.klaviyoStore.createdEvents).toEqual([
      expect.objectContaining({
        metricName: 'Zendesk SMS Reply',
        properties: expect.objectContaining({ Text: 'Your parcel is on its way.' }),
      }),
    ]);
  });
});

describe('ticket editor bridge with the Zendesk-hosted reply path installed', () => {
  const pathOn = { settings: { reply_path_installed: true } };

  it('sends nothing itself and lets the save through: the trigger texts the reply once', async () => {
    const world = standIns();
    const { save } = await renderBridge({}, {}, pathOn);
    await expect(save()).resolves.toBeDefined();
    expect(world.klaviyoStore.requests).toHaveLength(0);
  });

  it('sends nothing either when the bridge’s own sending is also switched on', async () => {
    const world = standIns();
    const { save } = await renderBridge(
      {},
      {},
      { settings: { reply_path_installed: true, send_public_replies_as_sms: true } },
    );
    await save();
    expect(postedMessages(world.klaviyoStore)).toEqual([]);
    expect(world.klaviyoStore.createdEvents).toEqual([]);
  });

  it('warns once that a customer without SMS consent will not be texted, then lets the same reply through', async () => {
    const world = standIns();
    const { save } = await renderBridge(
      { consent: { ...MAY_TEXT, smsMarketing: 'unsubscribed', canText: false } },
      {},
      pathOn,
    );
    await expect(save()).rejects.toBe(
      'Before this reply is texted through Klaviyo: The customer has no SMS consent in Klaviyo: Klaviyo will skip the text (the reply stays on the ticket). Submit again to post it anyway.',
    );
    await expect(save()).resolves.toBeDefined();
    expect(world.klaviyoStore.requests).toHaveLength(0);
  });

  it('warns at night for the customer, and never touches internal notes', async () => {
    standIns();
    const night = await renderBridge({ localTime: NIGHT }, {}, pathOn);
    await expect(night.save()).rejects.toMatch(/outside texting hours; the text goes out at once/);
    night.unmount();
    const note = await renderBridge({ localTime: NIGHT }, { type: 'internalNote' }, pathOn);
    await expect(note.save()).resolves.toBeDefined();
  });
});
