import type { ChannelConsent, ProfileSubscriptions } from '../../../src/klaviyo/model';
import { summariseConsent } from '../../../src/sms/consent';

const channel = (
  state: ChannelConsent['state'],
  canReceive: boolean | null = null,
): ChannelConsent => ({
  state,
  canReceive,
  timestamp: '2026-01-10T12:00:00Z',
  method: 'TEXT',
});

const subs = (over: Partial<ProfileSubscriptions> = {}): ProfileSubscriptions => ({
  emailMarketing: channel('never_subscribed'),
  smsMarketing: channel('never_subscribed'),
  smsTransactional: channel('never_subscribed'),
  emailSuppressions: [],
  ...over,
});

const PHONE = '+14155550101';

describe('summariseConsent', () => {
  it('lets the agent text a subscriber with SMS marketing and transactional consent (Maria)', () => {
    const summary = summariseConsent(
      subs({
        emailMarketing: channel('subscribed', true),
        smsMarketing: channel('subscribed', true),
        smsTransactional: channel('subscribed', true),
      }),
      PHONE,
    );
    expect(summary).toEqual({
      smsMarketing: 'subscribed',
      smsTransactional: 'subscribed',
      emailMarketing: 'subscribed',
      canText: true,
      reason: null,
    });
  });

  it('lets the agent text with transactional consent alone (a support reply is transactional)', () => {
    const summary = summariseConsent(subs({ smsTransactional: channel('subscribed') }), PHONE);
    expect(summary).toMatchObject({
      canText: true,
      reason: null,
      smsMarketing: 'never_subscribed',
    });
  });

  it('lets the agent text with marketing consent alone (promotional consent covers transactional)', () => {
    expect(
      summariseConsent(subs({ smsMarketing: channel('subscribed', null) }), PHONE).canText,
    ).toBe(true);
  });

  it('says no phone before anything else', () => {
    const s = subs({ smsMarketing: channel('subscribed', true) });
    expect(summariseConsent(s, null)).toMatchObject({ canText: false, reason: 'no-phone' });
    expect(summariseConsent(s, '   ')).toMatchObject({ canText: false, reason: 'no-phone' });
  });

  it('says unsubscribed for a customer who texted STOP (Jordan)', () => {
    const summary = summariseConsent(
      subs({
        emailMarketing: channel('unsubscribed'),
        smsMarketing: channel('unsubscribed', false),
        smsTransactional: channel('unsubscribed', false),
      }),
      '+12125550199',
    );
    expect(summary).toMatchObject({
      canText: false,
      reason: 'unsubscribed',
      emailMarketing: 'unsubscribed',
    });
  });

  it('says never subscribed for an email-only customer with a phone on file', () => {
    const summary = summariseConsent(subs({ emailMarketing: channel('subscribed') }), PHONE);
    expect(summary).toMatchObject({
      canText: false,
      reason: 'never-subscribed',
      emailMarketing: 'subscribed',
    });
  });

  it('says suppressed when a channel is suppressed, ahead of unsubscribed', () => {
    const summary = summariseConsent(
      subs({ smsMarketing: channel('suppressed'), smsTransactional: channel('unsubscribed') }),
      PHONE,
    );
    expect(summary).toMatchObject({ canText: false, reason: 'suppressed' });
  });

  it('says cannot receive when Klaviyo reports the subscribed channel as undeliverable', () => {
    const summary = summariseConsent(subs({ smsMarketing: channel('subscribed', false) }), PHONE);
    expect(summary).toMatchObject({
      canText: false,
      reason: 'cannot-receive',
      smsMarketing: 'subscribed',
    });
  });

  it('still texts through the other channel when one subscribed channel cannot receive', () => {
    const summary = summariseConsent(
      subs({
        smsMarketing: channel('subscribed', false),
        smsTransactional: channel('subscribed', true),
      }),
      PHONE,
    );
    expect(summary).toMatchObject({ canText: true, reason: null });
  });

  it('never guesses yes when the subscriptions are missing or unrecognised', () => {
    expect(summariseConsent(null, PHONE)).toEqual({
      smsMarketing: 'unknown',
      smsTransactional: 'unknown',
      emailMarketing: 'unknown',
      canText: false,
      reason: 'unknown-consent',
    });
    const odd = subs({
      smsMarketing: { ...channel('subscribed'), state: 'SUBSCRIBED' as never },
      smsTransactional: null,
    });
    expect(summariseConsent(odd, PHONE)).toMatchObject({
      canText: false,
      reason: 'unknown-consent',
      smsMarketing: 'unknown',
    });
  });
});
