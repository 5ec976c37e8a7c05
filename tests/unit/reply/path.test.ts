import { Liquid } from 'liquidjs';
import { REPLY_EVENT_PROPERTIES as P } from '../../../src/klaviyo';
import { buildReplyEventBody, REPLY_TEXT_LIMIT } from '../../../src/reply/path/body';
import { replyFlowBody } from '../../../src/reply/path/flow';
import {
  replyTriggerConditions,
  replyTriggerInput,
  replyWebhookInput,
  VIA_API,
} from '../../../src/reply/path/trigger';
import { eventCreateValidator, klaviyoValidator } from '../metrics/klaviyoSchema';

/** Zendesk inserts placeholder values as they are: the stricter of the two assumptions. */
const liquid = new Liquid();

interface Reply {
  comment: string;
  publicComments?: number;
  requester?: { email?: string | null; phone?: string | null; profileId?: string | null };
  agent?: string;
}

async function render({
  comment,
  publicComments = 3,
  requester = {},
  agent = 'Alex Agent',
}: Reply) {
  const text = await liquid.parseAndRender(buildReplyEventBody('Zendesk SMS Reply'), {
    ticket: {
      id: 42,
      link: 'https://demo.zendesk.com/agent/tickets/42',
      latest_public_comment: comment,
      public_comments: Array.from({ length: publicComments }, (_, i) => ({ id: i })),
      requester: {
        email: requester.email === undefined ? 'maria@example.com' : requester.email,
        phone: requester.phone === undefined ? '+1 415 555 0101' : requester.phone,
        custom_fields: { klaviyo_profile_id: requester.profileId ?? '' },
      },
    },
    current_user: { name: agent },
  });
  const event = JSON.parse(text) as {
    data: {
      attributes: {
        properties: Record<string, string>;
        metric: { data: { attributes: { name: string } } };
        profile: { data: { id?: string; attributes: Record<string, string> } };
        unique_id: string;
      };
    };
  };
  const validate = eventCreateValidator();
  if (!validate(event)) throw new Error(JSON.stringify(validate.errors, null, 2));
  return event.data.attributes;
}

describe('the reply trigger', () => {
  it('never fires for comments written through the API, which is how customers’ texts arrive', () => {
    expect(replyTriggerConditions('sms').all).toContainEqual({
      field: 'current_via_id',
      operator: 'is_not',
      value: String(VIA_API),
    });
  });

  it('fires only for public comments by an agent who is not the requester, on tickets with the SMS tag', () => {
    const all = replyTriggerConditions('texts').all;
    expect(all).toEqual(
      expect.arrayContaining([
        { field: 'role', operator: 'is', value: 'agent' },
        { field: 'requester_id', operator: 'is_not', value: 'current_user' },
        { field: 'comment_is_public', operator: 'is', value: 'true' },
        { field: 'current_tags', operator: 'includes', value: 'texts' },
      ]),
    );
    expect(replyTriggerConditions('texts').any).toEqual([]);
  });

  it('calls the reply webhook with the event body', () => {
    const trigger = replyTriggerInput({ smsTag: 'sms', metricName: 'Zendesk SMS Reply' }, 'wh_1');
    expect(trigger.actions).toEqual([
      { field: 'notification_webhook', value: ['wh_1', buildReplyEventBody('Zendesk SMS Reply')] },
    ]);
    expect(trigger.active).toBe(true);
  });

  it('posts to Klaviyo’s events endpoint with the typed key, which Zendesk keeps and never returns', () => {
    const hook = replyWebhookInput('pk_test_key');
    expect(hook).toMatchObject({
      endpoint: 'https://a.klaviyo.com/api/events',
      http_method: 'POST',
      subscriptions: ['conditional_ticket_events'],
      authentication: { data: { value: 'Klaviyo-API-Key pk_test_key' } },
    });
    expect(replyWebhookInput(null)).not.toHaveProperty('authentication');
  });
});

describe('the reply event', () => {
  it('carries the reply as the phone should show it, with the ticket, its link and the agent', async () => {
    const event = await render({
      comment: 'Fish & chips <3, "today" at 5 😀\nSee you!\n-- \nAlex Agent\nAcme Support',
    });
    expect(event.properties[P.text]).toBe('Fish & chips <3, "today" at 5 😀\nSee you!');
    expect(event.properties[P.ticketId]).toBe('42');
    expect(event.properties[P.ticketUrl]).toBe('https://demo.zendesk.com/agent/tickets/42');
    expect(event.properties[P.agentName]).toBe('Alex Agent');
    expect(event.metric.data.attributes.name).toBe('Zendesk SMS Reply');
  });

  it('drops Markdown bold markers and keeps control characters from breaking the event', async () => {
    const event = await render({ comment: '**Shipped** today\u000b\f\u0000 ok \\ "quoted"' });
    expect(event.properties[P.text]).toBe('Shipped today\u000b\f\u0000 ok \\ "quoted"');
  });

  it('cuts a reply longer than an SMS can carry at the limit', async () => {
    const event = await render({ comment: 'x'.repeat(REPLY_TEXT_LIMIT + 500) });
    expect(event.properties[P.text]).toHaveLength(REPLY_TEXT_LIMIT);
    expect(event.properties[P.text]!.endsWith('…')).toBe(true);
  });

  it('has one unique id per reply, so a webhook retry of the same reply records nothing new', async () => {
    const first = await render({ comment: 'Hi', publicComments: 3 });
    const retry = await render({ comment: 'Hi', publicComments: 3 });
    const next = await render({ comment: 'Hi', publicComments: 5 });
    expect(first.unique_id).toBe('zendesk-reply-42-3');
    expect(retry.unique_id).toBe(first.unique_id);
    expect(next.unique_id).not.toBe(first.unique_id);
  });

  it('goes to the linked Klaviyo profile when there is one', async () => {
    const event = await render({ comment: 'Hi', requester: { profileId: '01HPROFILE' } });
    expect(event.profile.data).toEqual({ type: 'profile', id: '01HPROFILE', attributes: {} });
  });

  it('goes to the phone when not linked, and to the email only without a phone', async () => {
    expect((await render({ comment: 'Hi' })).profile.data.attributes).toEqual({
      phone_number: '+14155550101',
    });
    expect(
      (await render({ comment: 'Hi', requester: { phone: null } })).profile.data.attributes,
    ).toEqual({ email: 'maria@example.com' });
  });
});

describe('the Klaviyo flow', () => {
  it('is a FlowCreateQuery Klaviyo’s spec accepts', () => {
    const validate = klaviyoValidator('FlowCreateQuery');
    const body = replyFlowBody('METRIC_ID');
    if (!validate(body)) throw new Error(JSON.stringify(validate.errors, null, 2));
    // The same validator refuses a definition without its entry point: it checks something.
    const { entry_action_id: _entry, ...noEntry } = body.data.attributes.definition;
    expect(
      validate({
        data: { ...body.data, attributes: { ...body.data.attributes, definition: noEntry } },
      }),
    ).toBe(false);
  });

  it('triggers on the reply metric and texts the event’s text as a conversation, not a campaign', () => {
    const { definition } = replyFlowBody('METRIC_ID').data.attributes;
    expect(definition.triggers).toEqual([{ type: 'metric', id: 'METRIC_ID' }]);
    expect(definition.actions).toHaveLength(1);
    const message = definition.actions[0]!.data.message;
    expect(message.body).toBe(`{{ event.${P.text}|default:'' }}`);
    expect(message).toMatchObject({
      smart_sending_enabled: false,
      sms_quiet_hours_enabled: false,
      add_org_prefix: false,
    });
  });
});
