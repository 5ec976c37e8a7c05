import {
  decideSave,
  QUIET_HOURS_CONFIRM_MS,
  type SaveBridgeMemory,
} from '../../../src/reply/save-bridge';
import type { KlaviyoProfile } from '../../../src/klaviyo/model';
import type { ConsentSummary, LocalTimeStatus, SegmentCount } from '../../../src/sms/model';

const profile = {
  id: '01DEMOMARIA000000000000000',
  email: 'maria.garcia@example.com',
} as KlaviyoProfile;
const canText: ConsentSummary = {
  smsMarketing: 'subscribed',
  smsTransactional: 'subscribed',
  emailMarketing: 'subscribed',
  canText: true,
  reason: null,
};
const inWindow: LocalTimeStatus = {
  timezone: 'America/Los_Angeles',
  source: 'profile',
  now: new Date('2026-11-21T18:00:00Z'),
  inWindow: true,
  opensAt: null,
};
const night: LocalTimeStatus = {
  ...inWindow,
  inWindow: false,
  opensAt: new Date('2026-11-22T16:00:00Z'),
};
const short: SegmentCount = {
  encoding: 'GSM-7',
  characters: 10,
  units: 10,
  segments: 1,
  remainingInSegment: 150,
  tooLong: false,
};
const settings = { enabled: true, smsTicketTag: 'sms' };
const NOW = Date.parse('2026-11-21T18:00:00Z');

function editor(overrides: Partial<{ text: string; type: string | null; tags: string[] }> = {}) {
  return {
    text: 'Your parcel is on its way.',
    type: 'publicReply',
    tags: ['sms', 'vip'],
    ...overrides,
  };
}
const ready = { profile, consent: canText, localTime: inWindow, segments: short };

describe('the ticket-save bridge decides', () => {
  it('sends a public reply on an SMS-tagged ticket', () => {
    expect(decideSave(editor(), settings, ready, null, NOW)).toEqual({
      action: 'send',
      text: 'Your parcel is on its way.',
      profileId: profile.id,
      retryOf: null,
    });
  });

  it('never touches a save when the setting is off', () => {
    expect(decideSave(editor(), { ...settings, enabled: false }, ready, null, NOW)).toMatchObject({
      action: 'allow',
    });
  });

  it('lets internal notes through untouched, never sending them', () => {
    expect(decideSave(editor({ type: 'internalNote' }), settings, ready, null, NOW)).toEqual({
      action: 'allow',
      why: 'not-public',
    });
    expect(decideSave(editor({ type: null }), settings, ready, null, NOW)).toEqual({
      action: 'allow',
      why: 'not-public',
    });
  });

  it('lets saves on tickets without the SMS tag through (tag compared case-insensitively)', () => {
    expect(decideSave(editor({ tags: ['vip'] }), settings, ready, null, NOW)).toMatchObject({
      why: 'not-sms-ticket',
    });
    expect(decideSave(editor({ tags: ['SMS'] }), settings, ready, null, NOW)).toMatchObject({
      action: 'send',
    });
  });

  it('lets a save without any reply text through (a status change)', () => {
    expect(decideSave(editor({ text: '  ' }), settings, ready, null, NOW)).toEqual({
      action: 'allow',
      why: 'empty',
    });
  });

  it('stops the save when no Klaviyo profile is chosen', () => {
    expect(decideSave(editor(), settings, { ...ready, profile: null }, null, NOW)).toEqual({
      action: 'block',
      reason: { kind: 'no-profile' },
    });
  });

  it('stops the save when the customer may not be texted', () => {
    const refused: ConsentSummary = { ...canText, canText: false, reason: 'unsubscribed' };
    expect(decideSave(editor(), settings, { ...ready, consent: refused }, null, NOW)).toEqual({
      action: 'block',
      reason: { kind: 'no-consent', consent: refused },
    });
  });

  it('stops a reply longer than Klaviyo accepts', () => {
    expect(
      decideSave(
        editor(),
        settings,
        { ...ready, segments: { ...short, tooLong: true } },
        null,
        NOW,
      ),
    ).toMatchObject({
      action: 'block',
      reason: { kind: 'too-long' },
    });
  });

  it('outside quiet hours stops the first save and sends when the same text is saved again soon', () => {
    const atNight = { ...ready, localTime: night };
    expect(decideSave(editor(), settings, atNight, null, NOW)).toMatchObject({
      action: 'block',
      reason: { kind: 'quiet-hours' },
    });
    const warned: SaveBridgeMemory = {
      key: 'k1',
      text: 'Your parcel is on its way.',
      profileId: profile.id,
      firstAttemptAt: new Date(NOW).toISOString(),
      failure: null,
      conversationId: null,
      quietWarnedAt: NOW,
    };
    expect(decideSave(editor(), settings, atNight, warned, NOW + 30_000)).toMatchObject({
      action: 'send',
      retryOf: warned,
    });
    // Too late, or another text: ask again.
    expect(
      decideSave(editor(), settings, atNight, warned, NOW + QUIET_HOURS_CONFIRM_MS + 1),
    ).toMatchObject({ action: 'block' });
    expect(
      decideSave(editor({ text: 'Other' }), settings, atNight, warned, NOW + 1000),
    ).toMatchObject({ action: 'block' });
  });

  it('saving the same text after a failure is a retry of it (same key); a changed text is a new message', () => {
    const failed: SaveBridgeMemory = {
      key: 'k1',
      text: 'Your parcel is on its way.',
      profileId: profile.id,
      firstAttemptAt: new Date(NOW).toISOString(),
      failure: { kind: 'network' },
      conversationId: 'CONV1',
      quietWarnedAt: null,
    };
    expect(decideSave(editor(), settings, ready, failed, NOW)).toMatchObject({ retryOf: failed });
    expect(
      decideSave(editor({ text: 'Your parcel is on its way!' }), settings, ready, failed, NOW),
    ).toMatchObject({ retryOf: null });
  });
});
