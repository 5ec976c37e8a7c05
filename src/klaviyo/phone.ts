import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number in any format → E.164 (`+14155550101`), or null when it cannot be a phone number.
 * Numbers without a `+` prefix are read in `defaultCountry` (ISO 3166 alpha-2). Kept inside
 * `klaviyo/` on purpose (the client does not depend on `sms/`); the same `libphonenumber-js/min`
 * entry point as `sms/phone.ts`, so the bundle holds one copy of the metadata. Lenient on purpose
 * (possible length, not per-range validity): a lenient match costs one lookup that finds nothing,
 * a strict one could hide a real customer.
 */
export function toE164(raw: string | null | undefined, defaultCountry = 'US'): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!/\d/.test(text)) return null;
  const code = defaultCountry.trim().toUpperCase();
  try {
    const parsed =
      /^[A-Z]{2}$/.test(code) && isSupportedCountry(code)
        ? parsePhoneNumberFromString(text, { defaultCountry: code })
        : parsePhoneNumberFromString(text);
    return parsed && parsed.isPossible() ? parsed.number : null;
  } catch {
    return null;
  }
}
