/**
 * SMS consent as Klaviyo keeps it on a profile (`subscriptions.sms.marketing|transactional`), read
 * for flow filters and sends, and changed by the subscription keywords a customer texts.
 */
import type { SeedProfile } from '../store';

export type SmsConsentKind = 'marketing' | 'transactional';
export type ConsentValue = 'SUBSCRIBED' | 'UNSUBSCRIBED' | 'NEVER_SUBSCRIBED';

type Channel = Record<string, unknown>;

function channel(profile: SeedProfile, kind: SmsConsentKind): Channel | null {
  const subs = profile.attributes.subscriptions as { sms?: Record<string, unknown> } | undefined;
  const c = subs?.sms?.[kind];
  return c !== null && typeof c === 'object' ? (c as Channel) : null;
}

/** Whether Klaviyo may text this profile for `kind`: consent SUBSCRIBED and a phone number. */
export function canReceiveSms(profile: SeedProfile, kind: SmsConsentKind): boolean {
  const c = channel(profile, kind);
  const flag = c?.[`can_receive_sms_${kind}`];
  return (
    typeof profile.attributes.phone_number === 'string' &&
    c?.consent === 'SUBSCRIBED' &&
    flag !== false
  );
}

export function smsConsent(profile: SeedProfile, kind: SmsConsentKind): ConsentValue {
  const v = channel(profile, kind)?.consent;
  return v === 'SUBSCRIBED' || v === 'UNSUBSCRIBED' ? v : 'NEVER_SUBSCRIBED';
}

/** Sets a profile's SMS consent as Klaviyo records a keyword: method TEXT, now. */
export function setSmsConsent(
  profile: SeedProfile,
  kind: SmsConsentKind,
  consent: ConsentValue,
): void {
  const now = new Date().toISOString();
  const subs = (profile.attributes.subscriptions ??= {}) as Record<string, unknown>;
  const sms = (subs.sms ??= {}) as Record<string, unknown>;
  sms[kind] = {
    [`can_receive_sms_${kind}`]: consent === 'SUBSCRIBED',
    consent,
    consent_timestamp: now,
    method: 'TEXT',
    method_detail: null,
    last_updated: now,
  };
  profile.attributes.updated = now;
}
