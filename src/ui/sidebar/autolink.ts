/**
 * When the sidebar may link a requester to the Klaviyo profile it found, by itself: a unique,
 * exact match. Pure; `useAutoLink` writes what this allows.
 */
import { phoneIfKnownNow, type KlaviyoProfile, type ProfileLookup } from '../../klaviyo';

export interface AutoLinkRequester {
  id: number | null;
  email: string | null;
  phone: string | null;
  linkedProfileId: string | null;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The profile id to write on the Zendesk user, or null. Only when the user has no link yet (an
 * agent's link, or any earlier one, is never replaced), the lookup found exactly one profile by
 * email or phone (not several, not the agent's search), and every identifier the requester and the
 * profile both have agrees: one matching email with a different phone number is not exact.
 */
export function autoLinkTarget(
  requester: AutoLinkRequester,
  lookup: ProfileLookup | undefined,
  defaultCountry: string,
): string | null {
  if (requester.id === null || requester.linkedProfileId !== null) return null;
  if (!lookup || lookup.status !== 'found') return null;
  if (lookup.matchedBy !== 'email' && lookup.matchedBy !== 'phone') return null;
  return agrees(requester, lookup.profile, defaultCountry) ? lookup.profile.id : null;
}

function agrees(
  requester: AutoLinkRequester,
  profile: KlaviyoProfile,
  defaultCountry: string,
): boolean {
  let matched = 0;
  if (requester.email && profile.email) {
    if (!sameEmail(requester.email, profile.email)) return false;
    matched += 1;
  }
  if (requester.phone && profile.phoneNumber) {
    const phone = phoneIfKnownNow(requester.phone, defaultCountry);
    if (phone === null || phone !== profile.phoneNumber) return false;
    matched += 1;
  }
  return matched > 0;
}
