/**
 * A flow's `profile_filter`: every condition group must hold, and a group holds when any of its
 * conditions does (Klaviyo's AND of ORs). The stand-in evaluates marketing-consent conditions; any
 * other condition type does not hold, with a reason that names it, so a flow never passes a
 * profile the stand-in could not judge.
 */
import { canReceiveSms } from '../sms/consent';
import type { SeedProfile } from '../store';
import type { FlowDefinition } from './types';

type Verdict = { pass: true } | { pass: false; reason: string };

function emailConsent(profile: SeedProfile): boolean {
  const subs = profile.attributes.subscriptions as
    | { email?: { marketing?: { consent?: unknown; can_receive_email_marketing?: unknown } } }
    | undefined;
  const m = subs?.email?.marketing;
  return m?.consent === 'SUBSCRIBED' && m.can_receive_email_marketing !== false;
}

function condition(profile: SeedProfile, c: Record<string, unknown>): Verdict {
  if (c.type !== 'profile-marketing-consent') {
    return {
      pass: false,
      reason: `condition '${String(c.type)}' is not evaluated by the stand-in`,
    };
  }
  const consent = (c.consent ?? {}) as { channel?: unknown; can_receive_marketing?: unknown };
  const has =
    consent.channel === 'sms'
      ? canReceiveSms(profile, 'marketing')
      : consent.channel === 'email'
        ? emailConsent(profile)
        : null;
  if (has === null)
    return {
      pass: false,
      reason: `consent channel '${String(consent.channel)}' is not evaluated by the stand-in`,
    };
  const wanted = consent.can_receive_marketing === true;
  return has === wanted
    ? { pass: true }
    : {
        pass: false,
        reason: `${String(consent.channel)} marketing consent is ${has ? 'given' : 'not given'}`,
      };
}

export function profileFilterVerdict(
  profile: SeedProfile,
  filter: FlowDefinition['profile_filter'],
): Verdict {
  for (const group of filter?.condition_groups ?? []) {
    const verdicts = group.conditions.map((c) => condition(profile, c));
    if (verdicts.length > 0 && !verdicts.some((v) => v.pass)) {
      const reasons = verdicts.map((v) => (v.pass ? '' : v.reason)).filter(Boolean);
      return { pass: false, reason: reasons.join('; ') };
    }
  }
  return { pass: true };
}
