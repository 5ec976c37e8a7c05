/**
 * Phone numbers: normalise what agents and customers type to E.164, and tell a number's region.
 *
 * Metadata choice: `libphonenumber-js/min`, on purpose. The app needs normalisation (to look a
 * profile up by `phone_number`) and the region (to guess a time zone), not strict digit validation.
 * `min` checks length and the national number shape and still tells the region of shared calling
 * codes (+1 416… is CA, +1 415… is US), while `max` adds about 65 KB to the sidebar bundle for
 * per-type digit patterns. Stricter validation would also reject real numbers from ranges newer than
 * the bundled metadata: a false "invalid" hides a customer's profile, while a lenient "valid" costs
 * at most one lookup that finds nothing. Import the same entry point elsewhere so the bundle holds
 * one copy of the metadata.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';

/** A supported ISO 3166-1 alpha-2 region, upper-cased; undefined for anything else. */
export function asCountryCode(value: string | null | undefined): CountryCode | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? code : undefined;
}

/**
 * `raw` in any common format (`+1 415-555-0101`, `(415) 555-0101`, `0046 70 123 45 67`) → E.164
 * (`+14155550101`), using `defaultCountry` for numbers without a country prefix. Returns null for
 * empty input, garbage, numbers of an impossible length, or a national number when no usable default
 * country is given. Never throws.
 */
export function toE164(
  raw: string | number | null | undefined,
  defaultCountry?: string | null,
): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  if (text === '' || !/\d/.test(text)) return null;
  const country = asCountryCode(defaultCountry);
  try {
    const parsed = country
      ? parsePhoneNumberFromString(text, { defaultCountry: country })
      : parsePhoneNumberFromString(text);
    if (!parsed || !parsed.isValid()) return null;
    return parsed.number;
  } catch {
    return null;
  }
}

/**
 * The region (ISO 3166-1 alpha-2, e.g. `US`, `KR`) of a number in E.164, or null when it cannot be
 * told (not E.164, unknown calling code, or a non-geographic number).
 */
export function phoneRegion(e164: string | null | undefined): string | null {
  if (typeof e164 !== 'string') return null;
  const text = e164.trim();
  if (!text.startsWith('+')) return null;
  try {
    return parsePhoneNumberFromString(text)?.country ?? null;
  } catch {
    return null;
  }
}
