import type { KlaviyoProfile } from '../../../src/klaviyo/model';
import { REPLY_TEXT_LIMIT } from '../../../src/reply/path/body';
import {
  decidePathSave,
  PATH_CONFIRM_MS,
  pathWarnings,
  type PathSaveInput,
} from '../../../src/reply/path-save';
import type { ConsentSummary, LocalTimeStatus } from '../../../src/sms/model';

const profile = { id: '01MARIA', email: 'maria@example.com' } as KlaviyoProfile;
const subscribed: ConsentSummary = {
  smsMarketing: 'subscribed',
  smsTransactional: 'subscribed',
  emailMarketing: 'subscribed',
  canText: true,
  reason: null,
};
const day: LocalTimeStatus = {
  timezone: 'America/Los_Angeles',
  source: 'profile',
  now: new Date('2026-11-21T18:00:00Z'),
  inWindow: true,
  opensAt: null,
};
const NOW = Date.parse('2026-11-21T18:00:00Z');

function input(over: Partial<PathSaveInput> = {}): PathSaveInput {
  return {
    text: 'Your parcel is on its way.',
    attachments: 0,
    profile,
    consent: subscribed,
    localTime: day,
    agentEmail: 'alex@acme.test',
    ...over,
  };
}

describe('the save bridge with the reply path installed', () => {
  it('lets an ordinary reply through untouched: the trigger texts it, the bridge sends nothing', () => {
    expect(decidePathSave(input(), null, NOW)).toEqual({ action: 'allow', why: 'nothing-to-warn' });
  });

  it('warns that a customer without SMS marketing consent will not be texted', () => {
    const transactionalOnly = { ...subscribed, smsMarketing: 'never_subscribed' as const };
    expect(pathWarnings(input({ consent: transactionalOnly }))).toEqual([
      { kind: 'no-consent', consent: transactionalOnly },
    ]);
  });

  it('warns when nobody in Klaviyo matches the requester', () => {
    expect(pathWarnings(input({ profile: null, consent: null }))).toEqual([{ kind: 'no-profile' }]);
  });

  it('warns when the agent would text their own profile', () => {
    expect(pathWarnings(input({ agentEmail: ' Maria@Example.com ' }))).toEqual([
      { kind: 'self-send' },
    ]);
  });

  it('warns at night for the customer, that the text goes out at once', () => {
    const night = { ...day, inWindow: false };
    expect(pathWarnings(input({ localTime: night }))).toEqual([
      { kind: 'quiet-hours', localTime: night },
    ]);
  });

  it('warns that a reply over the SMS limit is cut, counting characters, not UTF-16 units', () => {
    expect(pathWarnings(input({ text: '😀'.repeat(REPLY_TEXT_LIMIT) }))).toEqual([]);
    expect(pathWarnings(input({ text: 'x'.repeat(REPLY_TEXT_LIMIT + 1) }))).toEqual([
      { kind: 'too-long', limit: REPLY_TEXT_LIMIT },
    ]);
  });

  it('warns that attachments are not texted', () => {
    expect(pathWarnings(input({ attachments: 2 }))).toEqual([{ kind: 'attachments', count: 2 }]);
  });

  it('stops the first save with the warnings and lets the same text through when saved again soon', () => {
    const risky = input({ attachments: 1 });
    expect(decidePathSave(risky, null, NOW).action).toBe('warn');
    const warned = { text: risky.text, at: NOW };
    expect(decidePathSave(risky, warned, NOW + 30_000)).toEqual({
      action: 'allow',
      why: 'confirmed',
    });
    expect(decidePathSave(risky, warned, NOW + PATH_CONFIRM_MS + 1).action).toBe('warn');
    expect(decidePathSave({ ...risky, text: 'Another text' }, warned, NOW + 1).action).toBe('warn');
  });
});
