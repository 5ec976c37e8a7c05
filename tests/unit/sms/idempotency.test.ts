import {
  createReplyAttempt,
  newIdempotencyKey,
  replyAttemptReducer,
  type ReplyAttempt,
  type ReplyAttemptEvent,
} from '../../../src/sms/idempotency';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  const realCrypto = globalThis.crypto;
  afterEach(() => {
    Object.defineProperty(globalThis, 'crypto', {
      value: realCrypto,
      configurable: true,
      writable: true,
    });
  });

  it('gives a different v4 UUID every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });

  it('builds a v4 UUID from getRandomValues when randomUUID is missing', () => {
    const getRandomValues = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 37 + 11) & 0xff;
      return bytes;
    };
    Object.defineProperty(globalThis, 'crypto', {
      value: { getRandomValues },
      configurable: true,
      writable: true,
    });
    const key = newIdempotencyKey();
    expect(key).toMatch(UUID_V4);
    expect(key).toBe(newIdempotencyKey()); // deterministic source → same key: proves the bytes are used
  });

  it('still gives distinct UUIDs without any Web Crypto', () => {
    Object.defineProperty(globalThis, 'crypto', {
      value: undefined,
      configurable: true,
      writable: true,
    });
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });
});

describe('replyAttemptReducer', () => {
  type A = ReplyAttempt<string>;
  const run = (start: A, ...events: ReplyAttemptEvent<string>[]) =>
    events.reduce(replyAttemptReducer, start);
  const draft = (): A => createReplyAttempt<string>('key-1');

  it('starts as a draft with a fresh key', () => {
    const attempt = createReplyAttempt();
    expect(attempt.state).toBe('draft');
    expect(attempt.key).toMatch(UUID_V4);
  });

  it('goes draft → sending → sent with one key', () => {
    const sending = run(draft(), { type: 'submit', text: 'Your order ships today' });
    expect(sending).toEqual({
      state: 'sending',
      key: 'key-1',
      text: 'Your order ships today',
      attempts: 1,
    });
    expect(run(sending, { type: 'succeeded', key: 'key-1' })).toEqual({
      state: 'sent',
      key: 'key-1',
      text: 'Your order ships today',
      attempts: 1,
    });
  });

  it('ignores a double submit while sending (same object back)', () => {
    const sending = run(draft(), { type: 'submit', text: 'Hello' });
    expect(replyAttemptReducer(sending, { type: 'submit', text: 'Hello' })).toBe(sending);
    expect(replyAttemptReducer(sending, { type: 'submit', text: 'Hello again' })).toBe(sending);
  });

  it('keeps the text and error on failure, and retries with the SAME key', () => {
    const failed = run(
      draft(),
      { type: 'submit', text: 'Hello' },
      { type: 'failed', key: 'key-1', error: 'network' },
    );
    expect(failed).toEqual({
      state: 'failed',
      key: 'key-1',
      text: 'Hello',
      attempts: 1,
      error: 'network',
    });
    const retrying = replyAttemptReducer(failed, { type: 'retry' });
    expect(retrying).toEqual({ state: 'sending', key: 'key-1', text: 'Hello', attempts: 2 });
    expect(
      run(
        retrying,
        { type: 'failed', key: 'key-1', error: 'rate-limited' },
        { type: 'retry' },
        { type: 'succeeded', key: 'key-1' },
      ),
    ).toEqual({
      state: 'sent',
      key: 'key-1',
      text: 'Hello',
      attempts: 3,
    });
  });

  it('ignores answers for another key or when nothing is in flight', () => {
    const sending = run(draft(), { type: 'submit', text: 'Hello' });
    expect(replyAttemptReducer(sending, { type: 'succeeded', key: 'old-key' })).toBe(sending);
    expect(replyAttemptReducer(sending, { type: 'failed', key: 'old-key', error: 'x' })).toBe(
      sending,
    );
    const d = draft();
    expect(replyAttemptReducer(d, { type: 'succeeded', key: 'key-1' })).toBe(d);
    const sent = run(sending, { type: 'succeeded', key: 'key-1' });
    expect(replyAttemptReducer(sent, { type: 'failed', key: 'key-1', error: 'late' })).toBe(sent);
  });

  it('retries only after a failure', () => {
    const d = draft();
    expect(replyAttemptReducer(d, { type: 'retry' })).toBe(d);
    const sent = run(d, { type: 'submit', text: 'Hi' }, { type: 'succeeded', key: 'key-1' });
    expect(replyAttemptReducer(sent, { type: 'retry' })).toBe(sent);
  });

  it('starts a new message with a new key after a success, or after editing a failed text', () => {
    const sent = run(draft(), { type: 'submit', text: 'Hi' }, { type: 'succeeded', key: 'key-1' });
    expect(replyAttemptReducer(sent, { type: 'reset', key: 'key-2' })).toEqual({
      state: 'draft',
      key: 'key-2',
    });
    const failed = run(
      draft(),
      { type: 'submit', text: 'Hi' },
      { type: 'failed', key: 'key-1', error: 'e' },
    );
    expect(replyAttemptReducer(failed, { type: 'reset', key: 'key-3' })).toEqual({
      state: 'draft',
      key: 'key-3',
    });
  });

  it('refuses to abandon a send in flight', () => {
    const sending = run(draft(), { type: 'submit', text: 'Hi' });
    expect(replyAttemptReducer(sending, { type: 'reset', key: 'key-2' })).toBe(sending);
  });
});
