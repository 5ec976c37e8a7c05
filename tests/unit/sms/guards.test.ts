import type { ConsentSummary, LocalTimeStatus } from '../../../src/sms/model';
import { replyGuards, type ReplyGuardInput } from '../../../src/sms/guards';
import { countSegments } from '../../../src/sms/segments';

const consentYes: ConsentSummary = {
  smsMarketing: 'subscribed',
  smsTransactional: 'subscribed',
  emailMarketing: 'subscribed',
  canText: true,
  reason: null,
};
const consentNo: ConsentSummary = {
  ...consentYes,
  smsMarketing: 'unsubscribed',
  smsTransactional: 'unsubscribed',
  canText: false,
  reason: 'unsubscribed',
};
const daytime: LocalTimeStatus = {
  timezone: 'America/Los_Angeles',
  source: 'profile',
  approximate: false,
  now: new Date('2026-11-20T20:00:00Z'),
  inWindow: true,
  opensAt: null,
};
const night: LocalTimeStatus = {
  ...daytime,
  now: new Date('2026-11-20T08:00:00Z'),
  inWindow: false,
  opensAt: new Date('2026-11-20T16:00:00Z'),
};

function input(over: Partial<ReplyGuardInput> = {}): ReplyGuardInput {
  const text = over.text ?? 'Your order #4821 ships today.';
  return {
    consent: consentYes,
    hasConversation: true,
    replyMode: 'conversations',
    text,
    sending: false,
    localTime: daytime,
    agentEmail: 'alex.agent@example.com',
    profileEmail: 'maria.garcia@example.com',
    segments: countSegments(text),
    ...over,
  };
}

describe('replyGuards', () => {
  it('allows a short reply to a consented customer with a conversation in daytime', () => {
    expect(replyGuards(input())).toEqual({
      canSend: true,
      blockers: [],
      needsConfirmation: null,
      warnings: [],
    });
  });

  it('blocks without SMS consent', () => {
    expect(replyGuards(input({ consent: consentNo }))).toMatchObject({
      canSend: false,
      blockers: ['no-consent'],
    });
  });

  it('blocks in conversations mode when the profile has no SMS conversation', () => {
    expect(replyGuards(input({ hasConversation: false }))).toMatchObject({
      canSend: false,
      blockers: ['no-conversation'],
    });
  });

  it('does not block while it is not yet known whether a conversation exists', () => {
    expect(replyGuards(input({ hasConversation: null }))).toMatchObject({
      canSend: true,
      blockers: [],
    });
  });

  it('needs no conversation in flow mode', () => {
    expect(replyGuards(input({ hasConversation: false, replyMode: 'flow' }))).toMatchObject({
      canSend: true,
      blockers: [],
    });
  });

  it('blocks an empty or whitespace-only reply', () => {
    expect(replyGuards(input({ text: '' })).blockers).toEqual(['empty']);
    expect(replyGuards(input({ text: ' \n\t ' })).blockers).toEqual(['empty']);
  });

  it('blocks a second send while one is in flight', () => {
    expect(replyGuards(input({ sending: true }))).toMatchObject({
      canSend: false,
      blockers: ['sending'],
    });
  });

  it('blocks a reply longer than Klaviyo accepts', () => {
    const text = 'a'.repeat(1601);
    expect(replyGuards(input({ text, segments: countSegments(text) }))).toMatchObject({
      canSend: false,
      blockers: ['too-long'],
    });
  });

  it('lists every blocker at once, in a stable order', () => {
    const text = '   ';
    const result = replyGuards(
      input({
        consent: consentNo,
        hasConversation: false,
        text,
        sending: true,
        segments: { ...countSegments(text), tooLong: true },
      }),
    );
    expect(result.blockers).toEqual([
      'no-consent',
      'no-conversation',
      'empty',
      'sending',
      'too-long',
    ]);
    expect(result.canSend).toBe(false);
  });

  it("asks for confirmation outside the customer's texting window, without blocking", () => {
    expect(replyGuards(input({ localTime: night }))).toMatchObject({
      canSend: true,
      needsConfirmation: 'quiet-hours',
    });
  });

  it('still reports quiet hours alongside blockers', () => {
    expect(replyGuards(input({ localTime: night, consent: consentNo }))).toMatchObject({
      canSend: false,
      needsConfirmation: 'quiet-hours',
    });
  });

  it('warns when the agent would text their own profile, ignoring case and spaces', () => {
    const result = replyGuards(
      input({ agentEmail: ' Maria.Garcia@Example.com ', profileEmail: 'maria.garcia@example.com' }),
    );
    expect(result).toMatchObject({ canSend: true, warnings: ['self-send'] });
  });

  it('does not warn about self-send when either email is missing', () => {
    expect(replyGuards(input({ agentEmail: null, profileEmail: null })).warnings).toEqual([]);
    expect(replyGuards(input({ agentEmail: '', profileEmail: '' })).warnings).toEqual([]);
  });

  it('warns when the reply takes more than one segment', () => {
    const text = 'Thanks for waiting! '.repeat(9);
    expect(replyGuards(input({ text, segments: countSegments(text) }))).toMatchObject({
      canSend: true,
      warnings: ['multi-segment'],
    });
  });

  it('combines both warnings with a confirmation', () => {
    const text = '📦 '.repeat(30);
    const result = replyGuards(
      input({
        text,
        segments: countSegments(text),
        localTime: night,
        agentEmail: 'maria.garcia@example.com',
      }),
    );
    expect(result).toEqual({
      canSend: true,
      blockers: [],
      needsConfirmation: 'quiet-hours',
      warnings: ['self-send', 'multi-segment'],
    });
  });
});
