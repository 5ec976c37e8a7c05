/**
 * The reply path's health from what was read, the Klaviyo port's reads (the flow's trigger
 * metric, the metric made by one setup event), and the guided test's reading of the profile's
 * events.
 */
import { replyPathHealth } from '../../../src/reply/path/read';
import { replyPathKlaviyo, triggerMetricOf } from '../../../src/reply/path/klaviyo';
import type { ReplyPathState } from '../../../src/reply/path/plan';
import { replyTriggerInput } from '../../../src/reply/path/trigger';
import { checkTestReply } from '../../../src/reply/path/test-reply';
import type { KlaviyoEvent } from '../../../src/klaviyo';

const config = { smsTag: 'sms', metricName: 'Zendesk SMS Reply' };
const installed: ReplyPathState = {
  webhook: {
    id: 'wh_1',
    name: 'Klaviyo: SMS replies',
    status: 'active',
    endpoint: 'https://a.klaviyo.com/api/events',
    http_method: 'POST',
    request_format: 'json',
    subscriptions: ['conditional_ticket_events'],
    authentication: { type: 'api_key', add_position: 'header' },
  },
  trigger: { id: 7, ...replyTriggerInput(config, 'wh_1') },
  flow: { id: 'F1', name: 'x', status: 'live', triggerMetricId: 'M1' },
  metricId: 'M1',
  settingOn: true,
};

describe('reply path health', () => {
  it('is installed only when every part is there and on', () => {
    expect(replyPathHealth(installed)).toMatchObject({ installed: true, partly: false });
  });

  it.each([
    [
      'the webhook lost its key',
      { webhook: { ...installed.webhook!, authentication: null } },
      { webhook: 'no-key' },
    ],
    [
      'the trigger is off',
      { trigger: { ...installed.trigger!, active: false } },
      { trigger: 'off' },
    ],
    ['the flow is in draft', { flow: { ...installed.flow!, status: 'draft' } }, { flow: 'off' }],
    ['the flow listens to another metric', { metricId: 'M2' }, { flowMetric: 'other' }],
    [
      'the app setting is off (the save hook would text too)',
      { settingOn: false },
      { setting: 'off' },
    ],
  ])('is partly installed when %s', (_why, change, expected) => {
    const health = replyPathHealth({ ...installed, ...change } as ReplyPathState);
    expect(health).toMatchObject({ installed: false, partly: true, ...expected });
  });

  it('is not installed when nothing exists', () => {
    const none = { webhook: null, trigger: null, flow: null, metricId: null, settingOn: false };
    expect(replyPathHealth(none)).toMatchObject({ installed: false, partly: false });
  });
});

describe('the reply path’s Klaviyo port', () => {
  it('reads the trigger metric from a flow definition, and nothing from a shape it does not know', () => {
    expect(triggerMetricOf({ triggers: [{ type: 'metric', id: 'M9' }] })).toBe('M9');
    expect(triggerMetricOf({ triggers: [{ type: 'list', id: 'L1' }] })).toBeNull();
    expect(triggerMetricOf(null)).toBeNull();
  });

  it('makes the metric with one event on the admin’s profile and waits until Klaviyo lists it', async () => {
    const events: unknown[] = [];
    let looks = 0;
    const client = {
      createReplyEvent: async (input: unknown) => void events.push(input),
      findMetricId: async () => (++looks < 3 ? null : 'M5'),
    };
    const port = replyPathKlaviyo(client as never, 'admin@example.com', async () => undefined);
    await expect(port.createMetric('Zendesk SMS Reply')).resolves.toBe('M5');
    expect(events).toEqual([
      expect.objectContaining({
        metricName: 'Zendesk SMS Reply',
        profile: { email: 'admin@example.com' },
      }),
    ]);
  });

  it('refuses to make the metric for an admin without an email, before calling Klaviyo', async () => {
    const client = { createReplyEvent: jest.fn(), findMetricId: jest.fn() };
    const port = replyPathKlaviyo(client as never, null, async () => undefined);
    await expect(port.createMetric('Zendesk SMS Reply')).rejects.toThrow(/email address/);
    expect(client.createReplyEvent).not.toHaveBeenCalled();
  });
});

describe('the guided reply test', () => {
  const since = new Date('2026-12-02T10:00:00Z');
  const event = (metricName: string, datetime: string, properties = {}): KlaviyoEvent => ({
    id: `${metricName}-${datetime}`,
    metricId: null,
    metricName,
    datetime,
    properties,
  });
  const klaviyo = (events: KlaviyoEvent[], found = true) => ({
    lookupProfile: async () =>
      found ? ({ status: 'found', profile: { id: 'P1' } } as never) : ({ status: 'none' } as never),
    getProfileEvents: async () => ({ events, nextUrl: null }),
  });
  const check = (events: KlaviyoEvent[], found = true) =>
    checkTestReply(klaviyo(events, found), '+14155550100', since, 'Zendesk SMS Reply');

  it('waits while Klaviyo has no profile for the number, or only older events', async () => {
    await expect(check([], false)).resolves.toEqual({ stage: 'waiting' });
    const old = event('Received SMS', '2026-12-02T09:00:00Z', { 'Message Body': 'old' });
    await expect(check([old])).resolves.toEqual({ stage: 'waiting' });
  });

  it('says the reply reached Klaviyo before it is texted, then what was texted', async () => {
    const reply = event('Zendesk SMS Reply', '2026-12-02T10:00:20Z');
    await expect(check([reply])).resolves.toEqual({ stage: 'recorded' });
    const sms = event('Received SMS', '2026-12-02T10:00:25Z', { 'Message Body': 'Hello there' });
    await expect(check([sms, reply])).resolves.toEqual({ stage: 'texted', text: 'Hello there' });
  });

  it('reports a failed delivery', async () => {
    const failed = event('Failed to Deliver SMS', '2026-12-02T10:00:25Z');
    await expect(check([failed])).resolves.toEqual({ stage: 'failed' });
  });
});
