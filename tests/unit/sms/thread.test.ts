import type { KlaviyoEvent } from '../../../src/klaviyo/model';
import {
  buildThread,
  isSmsEvent,
  localOutboundMessage,
  mergeLocalMessages,
  SMS_TEXT_PROPERTY_CANDIDATES,
  smsText,
} from '../../../src/sms/thread';

let counter = 0;
function event(
  metricName: string | null,
  datetime: string,
  properties: Record<string, unknown> = {},
  id = `01EV${String(++counter).padStart(6, '0')}`,
): KlaviyoEvent {
  return { id, metricId: metricName ? `M_${metricName}` : null, metricName, datetime, properties };
}

const BRAND = '+18445550100';
const MARIA = '+14155550101';

/** What Klaviyo's SMS events look like in exports: body under $extra for our sends. */
const customerText = (text: string, at: string) =>
  event('Sent SMS', at, {
    'From Number': MARIA,
    'To Number': BRAND,
    'Message Body': text,
    $extra: { 'Message ID': 'SM_in', 'From City': 'SAN FRANCISCO', 'From Country': 'US' },
  });
const ourText = (text: string, at: string, extra: Record<string, unknown> = {}) =>
  event('Received SMS', at, {
    'From Number': BRAND,
    'To Number': MARIA,
    'Message Format': 'SMS',
    'Carrier Delivery Status': 'delivered',
    $extra: { 'Message ID': 'SM_out', 'Message Body': text },
    ...extra,
  });

describe('buildThread', () => {
  it("maps Klaviyo's profile-side metric names to directions and statuses", () => {
    const thread = buildThread([
      customerText('Where is my order #4821?', '2026-11-20T10:00:00Z'),
      ourText('It ships today!', '2026-11-20T10:05:00Z'),
      event('Failed to Deliver SMS', '2026-11-20T10:06:00Z', {
        'Failure Type': 'Device Unreachable',
        'Failure Source': 'carrier',
        'Vendor Error Code': '30003',
        $extra: { 'Message Body': 'Tracking: https://acme.test/t/4821' },
      }),
    ]);
    expect(thread.map((m) => [m.direction, m.status, m.text])).toEqual([
      ['inbound', 'received', 'Where is my order #4821?'],
      ['outbound', 'delivered', 'It ships today!'],
      ['outbound', 'failed', 'Tracking: https://acme.test/t/4821'],
    ]);
    expect(thread[2]).toMatchObject({ failureReason: 'Device Unreachable' });
    expect(thread[0]).toMatchObject({ failureReason: null, source: null, hasMedia: false });
  });

  it('orders messages oldest first whatever order the events came in (Klaviyo sends newest first)', () => {
    const a = customerText('first', '2026-11-20T09:00:00Z');
    const b = ourText('second', '2026-11-20T09:01:00+00:00');
    const c = customerText('third', '2026-11-20T10:02:00+01:00'); // 09:02 UTC
    expect(buildThread([c, b, a]).map((m) => m.text)).toEqual(['first', 'second', 'third']);
  });

  it('keeps only the newest 50 by default, or the given limit', () => {
    const events = Array.from({ length: 70 }, (_, i) =>
      (i % 2 ? ourText : customerText)(
        `message ${i}`,
        new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      ),
    ).reverse();
    const thread = buildThread(events);
    expect(thread).toHaveLength(50);
    expect(thread[0]!.text).toBe('message 20');
    expect(thread[49]!.text).toBe('message 69');
    expect(buildThread(events, { limit: 3 }).map((m) => m.text)).toEqual([
      'message 67',
      'message 68',
      'message 69',
    ]);
    expect(buildThread(events, { limit: 0 })).toEqual([]);
  });

  it('ignores events that are not SMS, unknown metrics and events without a metric name', () => {
    const thread = buildThread([
      event('Placed Order', '2026-11-20T09:00:00Z', {
        $value: 129.5,
        'Message Body': 'not an sms',
      }),
      event('Opened Email', '2026-11-20T09:01:00Z', { Subject: 'Hi' }),
      event('Clicked SMS', '2026-11-20T09:02:00Z', { URL: 'https://acme.test' }),
      event('Sent SMS Survey', '2026-11-20T09:03:00Z', { 'Message Body': 'nope' }),
      event(null, '2026-11-20T09:04:00Z', { 'Message Body': 'no metric' }),
      customerText('real one', '2026-11-20T09:05:00Z'),
    ]);
    expect(thread.map((m) => m.text)).toEqual(['real one']);
  });

  it('tells SMS events apart for the activity feed, tolerating case and spaces in metric names', () => {
    expect(isSmsEvent(event(' received sms ', '2026-11-20T09:00:00Z'))).toBe(true);
    expect(isSmsEvent(event('Received Automated Response SMS', '2026-11-20T09:00:00Z'))).toBe(true);
    expect(isSmsEvent(event('Placed Order', '2026-11-20T09:00:00Z'))).toBe(false);
  });

  it('shows a duplicated event once', () => {
    const e = customerText('hello', '2026-11-20T09:00:00Z');
    expect(buildThread([e, { ...e }, e])).toHaveLength(1);
  });

  it('labels campaign and flow sends with their names', () => {
    const thread = buildThread([
      ourText('Black Friday starts now: 30% off', '2026-11-20T09:00:00Z', {
        'Campaign Name': 'Black Friday early access',
        $message: '01HCAMPAIGNMSG',
        'Message Name': 'BF SMS',
      }),
      ourText('Your order has shipped', '2026-11-20T09:01:00Z', {
        $flow: 'XyZ123',
        'Flow Name': 'Shipping updates',
        'Message Name': 'Shipped SMS',
      }),
      ourText('Still thinking it over?', '2026-11-20T09:02:00Z', {
        $flow: 'AbC987',
        'Message Name': 'Browse abandonment SMS #1',
      }),
      ourText('Flash sale', '2026-11-20T09:03:00Z', { 'Message Type': 'campaign' }),
      ourText('Thanks, Maria!', '2026-11-20T09:04:00Z', { 'Message Type': 'conversational' }),
    ]);
    expect(thread.map((m) => m.source)).toEqual([
      { type: 'campaign', name: 'Black Friday early access' },
      { type: 'flow', name: 'Shipping updates' },
      { type: 'flow', name: 'Browse abandonment SMS #1' },
      { type: 'campaign', name: '' },
      null,
    ]);
  });

  it("never labels the customer's own texts as campaign or flow", () => {
    const [m] = buildThread([
      event('Sent SMS', '2026-11-20T09:00:00Z', { 'Message Body': 'STOP', 'Campaign Name': 'BF' }),
    ]);
    expect(m!.source).toBeNull();
  });

  it('flags MMS and media URLs without showing them', () => {
    const thread = buildThread([
      ourText('See the photo', '2026-11-20T09:00:00Z', { 'Message Format': 'MMS' }),
      event('Sent SMS', '2026-11-20T09:01:00Z', {
        'Message Body': 'my broken item',
        'Media URL': 'https://media.test/1.jpg',
      }),
      event('Sent SMS', '2026-11-20T09:02:00Z', { 'Media URLs': ['https://media.test/2.jpg'] }),
      event('Sent SMS', '2026-11-20T09:03:00Z', {
        'Message Body': 'no pic',
        'Media URL': '',
        'Media URLs': [],
        NumMedia: 0,
      }),
      event('Sent SMS', '2026-11-20T09:04:00Z', {
        $extra: { 'Image URL': 'https://media.test/3.png' },
      }),
    ]);
    expect(thread.map((m) => m.hasMedia)).toEqual([true, true, true, false, true]);
    expect(thread[2]!.text).toBeNull();
  });

  describe('finding the text', () => {
    it('prefers the configured property, even inside $extra by a dotted path', () => {
      const props = {
        'Message Body': 'generic',
        Custom: 'configured',
        $extra: { 'Sms Text': 'nested' },
      };
      expect(
        buildThread([event('Sent SMS', '2026-11-20T09:00:00Z', props)], {
          textProperty: 'Custom',
        })[0]!.text,
      ).toBe('configured');
      expect(smsText(props, '$extra.Sms Text')).toBe('nested');
      expect(smsText({ 'a.b': 'dotted key' }, 'a.b')).toBe('dotted key');
    });

    it('falls back to the known candidates when the configured property is missing or empty', () => {
      expect(smsText({ 'Message Body': 'fallback', Custom: '  ' }, 'Custom')).toBe('fallback');
      expect(smsText({ body: 'lower-case body' }, 'Nope')).toBe('lower-case body');
    });

    it.each([
      [{ 'Message Body': 'A' }, 'A'],
      [{ $extra: { 'Message Body': 'B' } }, 'B'],
      [{ $message_body: 'C' }, 'C'],
      [{ Body: 'D' }, 'D'],
      [{ text: 'E' }, 'E'],
      [{ Message: 'F' }, 'F'],
      [{ 'SMS Body': 'G' }, 'G'],
      [{ 'MESSAGE BODY': 'H' }, 'H'],
    ])('reads %j', (props, expected) => {
      expect(smsText(props)).toBe(expected);
    });

    it('does not mistake Klaviyo ids and names for the text', () => {
      expect(
        smsText({ $message: '01HMSGID', 'Message Name': 'BF SMS', 'Campaign Name': 'BF' }),
      ).toBeNull();
    });

    it('shows numbers as text, and treats odd types and blanks as no text', () => {
      expect(smsText({ 'Message Body': 4821 })).toBe('4821');
      expect(smsText({ 'Message Body': null })).toBeNull();
      expect(smsText({ 'Message Body': { html: '<b>x</b>' } })).toBeNull();
      expect(smsText({ 'Message Body': ['a'] })).toBeNull();
      expect(smsText({ 'Message Body': true })).toBeNull();
      expect(smsText({ 'Message Body': Number.NaN })).toBeNull();
      expect(smsText({ 'Message Body': '   ' })).toBeNull();
      expect(smsText(null)).toBeNull();
      expect(smsText('a string')).toBeNull();
    });

    it('trims the ends but keeps long text and inner line breaks whole', () => {
      const long = 'x'.repeat(5000);
      expect(smsText({ 'Message Body': `  Hi Maria,\n\nyour order ships.  ` })).toBe(
        'Hi Maria,\n\nyour order ships.',
      );
      expect(smsText({ 'Message Body': long })).toBe(long);
    });

    it('yields null text (shown as "text not available") when no candidate exists', () => {
      const [m] = buildThread([
        event('Sent SMS', '2026-11-20T09:00:00Z', { 'From Number': MARIA }),
      ]);
      expect(m).toMatchObject({ text: null, direction: 'inbound' });
    });

    it('lists the candidates it looks for', () => {
      expect(SMS_TEXT_PROPERTY_CANDIDATES).toEqual(
        expect.arrayContaining(['Message Body', '$extra.Message Body', 'Body', 'text']),
      );
      expect(SMS_TEXT_PROPERTY_CANDIDATES).not.toContain('$message');
    });
  });

  it('survives events with missing or malformed properties', () => {
    const odd = [
      {
        id: 'x1',
        metricId: null,
        metricName: 'Sent SMS',
        datetime: '2026-11-20T09:00:00Z',
        properties: null,
      },
      {
        id: 'x2',
        metricId: null,
        metricName: 'Failed to Deliver SMS',
        datetime: '2026-11-20T09:01:00Z',
        properties: { 'Failure Type': 42 },
      },
      {
        id: 'x3',
        metricId: null,
        metricName: 42,
        datetime: '2026-11-20T09:02:00Z',
        properties: {},
      },
    ] as unknown as KlaviyoEvent[];
    const thread = buildThread(odd);
    expect(thread.map((m) => m.id)).toEqual(['x1', 'x2']);
    expect(thread[0]).toMatchObject({ text: null, hasMedia: false, source: null });
    expect(thread[1]).toMatchObject({ failureReason: '42', text: null });
  });
});

describe('mergeLocalMessages', () => {
  const local = (id: string, text: string, datetime: string, status: 'pending' | 'sent' = 'sent') =>
    localOutboundMessage(id, text, datetime, status);
  const base = buildThread([customerText('Where is my order?', '2026-11-20T10:00:00Z')]);

  it('shows pending and sent local messages after the thread until Klaviyo reports them', () => {
    const merged = mergeLocalMessages(base, [
      local('key-2', 'Second', '2026-11-20T10:07:00Z', 'pending'),
      local('key-1', 'It ships today', '2026-11-20T10:05:00Z'),
    ]);
    expect(merged.map((m) => [m.id, m.status])).toEqual([
      [base[0]!.id, 'received'],
      ['key-1', 'sent'],
      ['key-2', 'pending'],
    ]);
  });

  it('replaces a local message by the matching Received SMS event', () => {
    const thread = buildThread([
      customerText('Where is my order?', '2026-11-20T10:00:00Z'),
      ourText('It  ships\ntoday ', '2026-11-20T10:05:20Z'),
    ]);
    const merged = mergeLocalMessages(thread, [
      local('key-1', 'It ships today', '2026-11-20T10:05:00Z'),
    ]);
    expect(merged.map((m) => m.status)).toEqual(['received', 'delivered']);
    expect(merged.some((m) => m.id === 'key-1')).toBe(false);
  });

  it('replaces a local message by a matching Failed to Deliver SMS event', () => {
    const thread = buildThread([
      event('Failed to Deliver SMS', '2026-11-20T10:05:30Z', {
        'Message Body': 'It ships today',
        'Failure Type': 'Carrier Violation',
      }),
    ]);
    const merged = mergeLocalMessages(thread, [
      local('key-1', 'It ships today', '2026-11-20T10:05:00Z'),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ status: 'failed', failureReason: 'Carrier Violation' });
  });

  it('does not match an event from before the send or long after it', () => {
    const thread = buildThread([
      ourText('OK', '2026-11-20T09:00:00Z'), // an older identical text
      ourText('OK', '2026-11-20T12:00:00Z'), // hours later
    ]);
    const merged = mergeLocalMessages(thread, [local('key-1', 'OK', '2026-11-20T10:00:00Z')]);
    expect(merged.map((m) => m.id)).toContain('key-1');
    expect(merged).toHaveLength(3);
  });

  it('allows for a little clock skew between the agent and Klaviyo', () => {
    const thread = buildThread([ourText('OK', '2026-11-20T09:59:30Z')]);
    expect(mergeLocalMessages(thread, [local('key-1', 'OK', '2026-11-20T10:00:00Z')])).toHaveLength(
      1,
    );
  });

  it('needs one event per local message when the same text is sent twice', () => {
    const first = local('key-1', 'Thanks!', '2026-11-20T10:00:00Z');
    const second = local('key-2', 'Thanks!', '2026-11-20T10:01:00Z');
    const oneEvent = buildThread([ourText('Thanks!', '2026-11-20T10:00:10Z')]);
    expect(mergeLocalMessages(oneEvent, [first, second]).map((m) => m.id)).toEqual([
      oneEvent[0]!.id,
      'key-2',
    ]);
    const twoEvents = buildThread([
      ourText('Thanks!', '2026-11-20T10:00:10Z'),
      ourText('Thanks!', '2026-11-20T10:01:10Z'),
    ]);
    expect(
      mergeLocalMessages(twoEvents, [first, second]).every((m) => m.status === 'delivered'),
    ).toBe(true);
  });

  it('prefers an exact text match over a prefix match', () => {
    const thread = buildThread([
      ourText('Thanks again!', '2026-11-20T10:00:05Z'),
      ourText('Thanks', '2026-11-20T10:00:20Z'),
    ]);
    const merged = mergeLocalMessages(thread, [
      local('key-1', 'Thanks', '2026-11-20T10:00:00Z'),
      local('key-2', 'Thanks again!', '2026-11-20T10:00:01Z'),
    ]);
    expect(merged.map((m) => m.status)).toEqual(['delivered', 'delivered']);
  });

  it('matches when Klaviyo adds a footer to our text', () => {
    const thread = buildThread([
      ourText('It ships today. Reply STOP to opt out', '2026-11-20T10:00:05Z'),
    ]);
    expect(
      mergeLocalMessages(thread, [local('key-1', 'It ships today.', '2026-11-20T10:00:00Z')]),
    ).toHaveLength(1);
  });

  it("matches by time when Klaviyo's event carries no readable text, but never a campaign send", () => {
    const noText = buildThread([
      event('Received SMS', '2026-11-20T10:00:05Z', { 'Message Format': 'SMS' }),
    ]);
    expect(
      mergeLocalMessages(noText, [local('key-1', 'Hello', '2026-11-20T10:00:00Z')]).map(
        (m) => m.id,
      ),
    ).toEqual([noText[0]!.id]);
    const campaign = buildThread([
      event('Received SMS', '2026-11-20T10:00:05Z', { 'Campaign Name': 'BF' }),
    ]);
    expect(
      mergeLocalMessages(campaign, [local('key-1', 'Hello', '2026-11-20T10:00:00Z')]),
    ).toHaveLength(2);
  });

  it('never lets an inbound text replace a local message', () => {
    const thread = buildThread([customerText('Hello', '2026-11-20T10:00:05Z')]);
    expect(
      mergeLocalMessages(thread, [local('key-1', 'Hello', '2026-11-20T10:00:00Z')]),
    ).toHaveLength(2);
  });

  it('leaves the thread untouched when there is nothing local', () => {
    expect(mergeLocalMessages(base, [])).toEqual(base);
  });
});

describe('replies to a campaign or flow', () => {
  const campaignSms = ourText('Summer Sale: 20% off today', '2026-06-01T15:00:00Z', {
    'Campaign Name': 'Summer Sale SMS',
  });
  const reply = (attribution: KlaviyoEvent['attribution']) => ({
    ...customerText('Is it still on?', '2026-06-01T15:05:00Z'),
    attribution,
  });

  it('names the campaign Klaviyo attributes a customer’s text to', () => {
    const text = reply({ campaignId: 'CmX', flowId: null, attributedEventId: null });
    const thread = buildThread([text], {
      attributionNames: { campaigns: { CmX: 'Spring drop' }, flows: {} },
    });
    expect(thread[0]!.repliesTo).toEqual({ type: 'campaign', name: 'Spring drop' });
  });

  it('names a flow the same way', () => {
    const text = reply({ campaignId: null, flowId: 'FlW', attributedEventId: null });
    const thread = buildThread([text], {
      attributionNames: { campaigns: {}, flows: { FlW: 'Welcome series' } },
    });
    expect(thread[0]!.repliesTo).toEqual({ type: 'flow', name: 'Welcome series' });
  });

  it('takes the name from the answered message when it is in the thread and no name was loaded', () => {
    const text = reply({ campaignId: 'CmS', flowId: null, attributedEventId: campaignSms.id });
    const thread = buildThread([campaignSms, text]);
    expect(thread.find((m) => m.direction === 'inbound')!.repliesTo).toEqual({
      type: 'campaign',
      name: 'Summer Sale SMS',
    });
  });

  it('says nothing when the text is not attributed or the name is unknown', () => {
    expect(buildThread([reply(null)])[0]!.repliesTo).toBeNull();
    expect(buildThread([customerText('hi', '2026-06-01T15:05:00Z')])[0]!.repliesTo).toBeNull();
    const unnamed = reply({ campaignId: 'CmZ', flowId: null, attributedEventId: 'elsewhere' });
    expect(buildThread([unnamed])[0]!.repliesTo).toBeNull();
  });

  it('never marks our own texts as replies', () => {
    const ours = {
      ...campaignSms,
      attribution: { campaignId: 'CmX', flowId: null, attributedEventId: null },
    };
    const thread = buildThread([ours], {
      attributionNames: { campaigns: { CmX: 'Spring drop' }, flows: {} },
    });
    expect(thread[0]!.repliesTo).toBeNull();
  });
});
