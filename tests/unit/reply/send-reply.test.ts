import { sendReply, findDelivered, sameText } from '../../../src/reply/send-reply';
import type { ReplyRequest, ReplyResult } from '../../../src/reply/types';
import { fakeDeps, klaviyoError, networkDrop } from './fakeDeps';

const describeNote = (f: { text: string; mode: string }) => `NOTE ${f.mode}: ${f.text}`;

function request(overrides: Partial<ReplyRequest> = {}): ReplyRequest {
  return {
    key: 'key-1',
    text: 'Your order ships today.',
    mode: 'conversations',
    profileId: '01DEMOMARIA000000000000000',
    flowMetricName: 'Zendesk SMS Reply',
    ticketId: 101,
    firstAttemptAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

function failureOf(result: ReplyResult) {
  if (result.status !== 'failed') throw new Error(`expected a failure, got ${result.status}`);
  return result.failure;
}

describe('sendReply in conversations mode', () => {
  it('posts the text into the profile’s SMS conversation and records an internal note', async () => {
    const f = fakeDeps();
    const result = await sendReply(f.deps, request(), describeNote);
    expect(result).toMatchObject({ status: 'sent', conversationId: 'CONV1', note: 'written' });
    expect(f.sentMessages).toEqual([
      { conversationId: 'CONV1', text: 'Your order ships today.', key: 'key-1' },
    ]);
    expect(f.notes).toEqual([
      { ticketId: 101, body: 'NOTE conversations: Your order ships today.' },
    ]);
  });

  it('reports a profile without an SMS conversation and sends nothing', async () => {
    const f = fakeDeps({ conversationId: null });
    const result = await sendReply(f.deps, request(), describeNote);
    expect(failureOf(result)).toEqual({ kind: 'no-conversation' });
    expect(f.sentMessages).toHaveLength(0);
    expect(f.notes).toHaveLength(0);
  });

  it('explains a 403 without Conversations API access, and a flow retry with the same key sends once', async () => {
    const f = fakeDeps();
    f.script('lookup', klaviyoError('conversations-unavailable', { status: 403 }));
    const first = await sendReply(f.deps, request(), describeNote);
    expect(failureOf(first)).toEqual({ kind: 'conversations-unavailable' });

    const viaFlow = await sendReply(f.deps, request({ mode: 'flow' }), describeNote);
    expect(viaFlow).toMatchObject({ status: 'sent', mode: 'flow' });
    expect(f.sentMessages).toHaveLength(0);
    expect(f.events).toEqual([
      expect.objectContaining({
        uniqueId: 'key-1',
        metricName: 'Zendesk SMS Reply',
        text: 'Your order ships today.',
      }),
    ]);
  });

  it('on 429 says when to try again, from Retry-After, and nothing was sent', async () => {
    const f = fakeDeps();
    f.script('message', klaviyoError('rate-limited', { status: 429, retryAfter: 30 }));
    const result = await sendReply(f.deps, request(), describeNote);
    expect(failureOf(result)).toEqual({
      kind: 'rate-limited',
      retryAt: '2026-11-21T10:00:30.000Z',
    });
    expect(f.sentMessages).toHaveLength(0);
    // The conversation id found is kept so the retry does not look it up again.
    expect(result.status === 'failed' && result.conversationId).toBe('CONV1');
    const retry = await sendReply(f.deps, request({ conversationId: 'CONV1' }), describeNote);
    expect(retry.status).toBe('sent');
    expect(f.lookups()).toBe(1);
    expect(f.sentMessages).toHaveLength(1);
  });

  it('treats an unanswered message POST as uncertain, never as "not sent"', async () => {
    const f = fakeDeps();
    f.script('message', networkDrop());
    const result = await sendReply(f.deps, request(), describeNote);
    expect(failureOf(result)).toEqual({ kind: 'uncertain', checkedAt: null });
  });

  it('treats a gateway 5xx on the message POST as uncertain but a 503 as not sent', async () => {
    const f = fakeDeps();
    f.script(
      'message',
      klaviyoError('server', { status: 502 }),
      klaviyoError('server', { status: 503 }),
    );
    expect(failureOf(await sendReply(f.deps, request(), describeNote)).kind).toBe('uncertain');
    expect(failureOf(await sendReply(f.deps, request(), describeNote)).kind).toBe('server');
  });

  it('a lost answer to a message Klaviyo did send: the retry finds it delivered and sends nothing', async () => {
    const f = fakeDeps();
    // Klaviyo accepted and delivered the message, but the answer never came back.
    f.script('message', () => {
      f.delivered.unshift({
        text: 'Your order ships today.',
        datetime: '2026-11-21T10:00:01.000Z',
      });
      throw networkDrop();
    });
    const first = await sendReply(f.deps, request(), describeNote);
    expect(failureOf(first).kind).toBe('uncertain');

    const retry = await sendReply(
      f.deps,
      request({ previouslyUncertain: true, conversationId: 'CONV1' }),
      describeNote,
    );
    expect(retry).toMatchObject({ status: 'sent', confirmedAfterUncertain: true, note: 'written' });
    expect(f.sentMessages).toHaveLength(0);
    expect(f.delivered.filter((d) => d.text === 'Your order ships today.')).toHaveLength(1);
  });

  it('a dropped request that never reached Klaviyo: the check finds nothing, and only an explicit "send again" posts once', async () => {
    const f = fakeDeps();
    f.script('message', networkDrop());
    await sendReply(f.deps, request(), describeNote);

    f.advance(5_000);
    const check = await sendReply(f.deps, request({ previouslyUncertain: true }), describeNote);
    expect(failureOf(check)).toEqual({ kind: 'uncertain', checkedAt: '2026-11-21T10:00:05.000Z' });
    expect(f.sentMessages).toHaveLength(0);

    const again = await sendReply(
      f.deps,
      request({ previouslyUncertain: true, resendIfNotFound: true }),
      describeNote,
    );
    expect(again).toMatchObject({ status: 'sent', confirmedAfterUncertain: false });
    expect(f.sentMessages).toHaveLength(1);
  });

  it('even "send again" does not post when the text has meanwhile shown up as delivered', async () => {
    const f = fakeDeps();
    f.delivered.push({ text: 'Your  order ships\ntoday.', datetime: '2026-11-21T10:00:20.000Z' });
    const result = await sendReply(
      f.deps,
      request({ previouslyUncertain: true, resendIfNotFound: true }),
      describeNote,
    );
    expect(result).toMatchObject({ status: 'sent', confirmedAfterUncertain: true });
    expect(f.sentMessages).toHaveLength(0);
  });

  it('stays uncertain (and sends nothing) when the delivered texts cannot be read', async () => {
    const f = fakeDeps();
    f.script('delivered', networkDrop());
    const result = await sendReply(f.deps, request({ previouslyUncertain: true }), describeNote);
    expect(failureOf(result)).toEqual({ kind: 'uncertain', checkedAt: null });
    expect(f.sentMessages).toHaveLength(0);
  });

  it('keeps the SMS sent when the internal note fails, and never sends it again for that', async () => {
    const f = fakeDeps();
    f.script('note', new Error('Zendesk said 500'));
    const result = await sendReply(f.deps, request(), describeNote);
    expect(result).toMatchObject({ status: 'sent', note: 'failed' });
    expect(f.sentMessages).toHaveLength(1);
  });

  it('names the ticket in the flow event but writes no note when the editor bridge sends', async () => {
    const f = fakeDeps();
    const result = await sendReply(
      f.deps,
      request({ mode: 'flow', ticketId: 105, writeNote: false }),
      describeNote,
    );
    expect(result).toMatchObject({ status: 'sent', note: 'skipped' });
    expect(f.events).toEqual([expect.objectContaining({ ticketId: 105 })]);
    expect(f.notes).toHaveLength(0);
  });

  it('writes no note outside a ticket', async () => {
    const f = fakeDeps();
    const result = await sendReply(f.deps, request({ ticketId: null }), describeNote);
    expect(result).toMatchObject({ status: 'sent', note: 'skipped' });
    expect(f.notes).toHaveLength(0);
  });

  it.each([
    ['bad-key', klaviyoError('bad-key', { status: 401 }), { kind: 'bad-key' }],
    [
      'missing-scope',
      klaviyoError('missing-scope', { status: 403, scope: 'conversations:write' }),
      { kind: 'missing-scope', scope: 'conversations:write' },
    ],
    [
      'invalid-request',
      klaviyoError('invalid-request', { status: 400, detail: 'Body too long.' }),
      { kind: 'refused', detail: 'Body too long.' },
    ],
  ])('maps a %s answer to what the agent must be told', async (_name, error, expected) => {
    const f = fakeDeps();
    f.script('message', error);
    expect(failureOf(await sendReply(f.deps, request(), describeNote))).toEqual(expected);
  });

  it('a lookup that fails on the network is safe to retry (nothing was posted)', async () => {
    const f = fakeDeps();
    f.script('lookup', networkDrop());
    expect(failureOf(await sendReply(f.deps, request(), describeNote))).toEqual({
      kind: 'network',
    });
  });
});

describe('sendReply in flow mode', () => {
  it('records the custom event with the idempotency key as unique_id and notes the mode', async () => {
    const f = fakeDeps();
    const result = await sendReply(f.deps, request({ mode: 'flow' }), describeNote);
    expect(result).toMatchObject({ status: 'sent', mode: 'flow', conversationId: null });
    expect(f.events[0]).toMatchObject({
      uniqueId: 'key-1',
      profileId: '01DEMOMARIA000000000000000',
      ticketId: 101,
    });
    expect(f.notes[0]!.body).toBe('NOTE flow: Your order ships today.');
    expect(f.lookups()).toBe(0);
  });

  it('a network failure is safely retried with the same unique_id: Klaviyo records one event', async () => {
    const f = fakeDeps();
    f.script('event', () => {
      f.recordedEvents.set('key-1', {} as never);
      throw networkDrop();
    });
    expect(failureOf(await sendReply(f.deps, request({ mode: 'flow' }), describeNote))).toEqual({
      kind: 'network',
    });
    const retry = await sendReply(f.deps, request({ mode: 'flow' }), describeNote);
    expect(retry.status).toBe('sent');
    expect(f.recordedEvents.size).toBe(1);
  });

  it('counts a 409 duplicate unique_id as already sent', async () => {
    const f = fakeDeps();
    f.script('event', klaviyoError('conflict', { status: 409 }));
    expect((await sendReply(f.deps, request({ mode: 'flow' }), describeNote)).status).toBe('sent');
  });

  it('a 5xx on the event is safe to retry', async () => {
    const f = fakeDeps();
    f.script('event', klaviyoError('server', { status: 500 }));
    expect(failureOf(await sendReply(f.deps, request({ mode: 'flow' }), describeNote))).toEqual({
      kind: 'server',
    });
  });
});

describe('finding a sent text among the delivered ones', () => {
  it('matches ignoring whitespace differences, and only since shortly before the first attempt', () => {
    expect(sameText('Hi  there\n', 'Hi there')).toBe(true);
    expect(sameText(null, 'Hi')).toBe(false);
    const delivered = [
      { text: 'Hi there', datetime: '2026-11-21T09:00:00.000Z' },
      { text: 'Something else', datetime: '2026-11-21T10:00:05.000Z' },
    ];
    expect(findDelivered(delivered, 'Hi there', '2026-11-21T10:00:00.000Z')).toBeNull();
    expect(findDelivered(delivered, 'Hi there', '2026-11-21T09:01:00.000Z')).toEqual(delivered[0]);
  });
});
