/**
 * Phone numbers, one rule for the whole app: a number is usable when libphonenumber finds it of a
 * *possible* length for its country (`isPossible`), not only when it falls in a range the bundled
 * metadata knows (`isValid`). A lenient "usable" costs at most one lookup that finds nothing; a
 * strict one would hide a real customer whose range is newer than the metadata, and made the
 * lookup and the time-zone guess disagree (`+1 555 555 0101` was looked up, yet had no local time).
 * The profile lookup and the time-zone guess both start from `phoneForLookup`'s number; the guess
 * then needs the number's country, which the metadata may not tell (the shared `+1` code of a
 * 555 number): then there is no guess, never a wrong one.
 *
 * The metadata (`libphonenumber-js/min`, about 36 KB gzip) loads on first need, not with the app:
 * input already written in E.164 (`+` and 8–15 digits, nothing else) is used as it is, which is
 * what the rule gives for it too, except that an impossible length for its country is not caught
 * (one lookup that finds nothing).
 */
import type { CountryCode } from 'libphonenumber-js/min';

type PhoneLib = typeof import('libphonenumber-js/min');

let lib: PhoneLib | null = null;
let loading: Promise<PhoneLib> | null = null;

/** Loads the phone metadata once; `phoneCountryForTimeZone` answers only after it resolved. */
export function loadPhoneRules(): Promise<void> {
  loading ??= import('libphonenumber-js/min').then((m) => (lib = m));
  return loading.then(() => undefined);
}

export function phoneRulesLoaded(): boolean {
  return lib !== null;
}

const CANONICAL = /^\+[1-9]\d{7,14}$/;

function countryCode(l: PhoneLib, value: string | null | undefined): CountryCode | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && l.isSupportedCountry(code) ? code : undefined;
}

function parse(l: PhoneLib, raw: string, defaultCountry: string | null | undefined) {
  const country = countryCode(l, defaultCountry);
  try {
    const parsed = country
      ? l.parsePhoneNumberFromString(raw, { defaultCountry: country })
      : l.parsePhoneNumberFromString(raw);
    return parsed && parsed.isPossible() ? parsed : null;
  } catch {
    return null;
  }
}

function text(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const t = String(raw).trim();
  return t !== '' && /\d/.test(t) ? t : null;
}

/**
 * `raw` in any common format (`+1 415-555-0101`, `(415) 555-0101`, `00 46 70 123 45 67`) → E.164
 * (`+14155550101`), reading numbers without a country prefix in `defaultCountry` (ISO 3166-1
 * alpha-2); null for garbage, an impossible length, or a national number without a usable country.
 */
export async function phoneForLookup(
  raw: string | number | null | undefined,
  defaultCountry: string | null | undefined,
): Promise<string | null> {
  const t = text(raw);
  if (t === null) return null;
  if (CANONICAL.test(t)) return t;
  await loadPhoneRules();
  return parse(lib!, t, defaultCountry)?.number ?? null;
}

/**
 * The country (ISO 3166-1 alpha-2) to guess a time zone from: the country of the number
 * `phoneForLookup` gives for `raw`, or null when the metadata cannot tell it. Null also until
 * `loadPhoneRules()` has resolved (calling this starts loading).
 */
export function phoneCountryForTimeZone(
  raw: string | number | null | undefined,
  defaultCountry: string | null | undefined,
): string | null {
  const t = text(raw);
  if (t === null) return null;
  if (lib === null) {
    void loadPhoneRules();
    return null;
  }
  return parse(lib, t, defaultCountry)?.country ?? null;
}

/**
 * The same rule without waiting: E.164 for input already written in international form (spaces,
 * dots, dashes and parentheses allowed: `+46 70-123 45 67`), or, once `loadPhoneRules()` has
 * resolved, for any input `phoneForLookup` accepts; null otherwise. For callers that cannot wait
 * (a table an admin types, a check made while rendering); a null there means "not sure", never
 * a different number.
 */
export function phoneIfKnownNow(
  raw: string | number | null | undefined,
  defaultCountry: string | null | undefined,
): string | null {
  const t = text(raw);
  if (t === null) return null;
  const compact = t.replace(/[\s.\-()]/g, '');
  if (CANONICAL.test(compact)) return compact;
  return lib === null ? null : (parse(lib, t, defaultCountry)?.number ?? null);
}
