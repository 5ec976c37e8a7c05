/**
 * The customer's local time and the texting window ("quiet hours" are the hours outside it).
 *
 * Zone: the profile's `location.timezone` when it is a zone the runtime knows; else the country of
 * the phone number (`phoneCountryForTimeZone`, the same rule as the profile lookup) mapped to a
 * zone: exact for one-zone countries, a representative zone marked `approximate` for countries
 * with several (see country-zones.ts); else unknown, and then `inWindow` is true (the app cannot
 * judge, so it does not nag). The phone metadata loads on demand: until `loadPhoneRules()` has
 * resolved, a phone-only guess is unknown too.
 *
 * Window: hours of the customer's day, `start` inclusive, `end` exclusive; fractions are minutes
 * (8.5 = 08:30). `start < end` is a daytime window (8–20). `start > end` wraps past midnight (e.g.
 * 22–6 for night staff). `start === end` means no quiet hours (always inside). A window with a bound
 * outside 0–24 or not a number falls back to DEFAULT_TEXTING_WINDOW; check settings with
 * `isValidTextingWindow` to tell the admin.
 *
 * All wall-clock arithmetic goes through Intl with the zone itself, never fixed offsets, so
 * daylight-saving changes fall where they really do.
 */
import type { LocalTimeStatus } from './model';
import { MULTI_ZONE_COUNTRIES, SINGLE_ZONE_COUNTRIES } from './country-zones';
import { phoneCountryForTimeZone } from '../klaviyo';

/** Customer-local texting window in hours of the day (fractions allowed: 8.5 = 08:30). */
export interface TextingWindow {
  start: number;
  end: number;
}

export const DEFAULT_TEXTING_WINDOW: Readonly<TextingWindow> = { start: 8, end: 20 };

export interface LocalTimeInput {
  /** The profile's `location.timezone`, if any. */
  timezone: string | null | undefined;
  /** Any format; E.164 preferred. */
  phone: string | null | undefined;
  /** ISO 3166 alpha-2 region for numbers without a country prefix (the app's `default_country`). */
  defaultCountry: string | null | undefined;
  window: TextingWindow;
  now: Date;
}

const MINUTES_PER_DAY = 24 * 60;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime's Intl knows `zone` (IANA names like `Europe/Stockholm`, or `UTC`). */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    formatterFor(zone.trim());
    return true;
  } catch {
    return false;
  }
}

/** Zone for a country code, and whether it is a guess among several. */
export function zoneForCountry(
  country: string | null | undefined,
): { timezone: string; approximate: boolean } | null {
  if (typeof country !== 'string') return null;
  const code = country.trim().toUpperCase();
  const single = SINGLE_ZONE_COUNTRIES[code];
  if (single) return { timezone: single, approximate: false };
  const multi = MULTI_ZONE_COUNTRIES[code];
  if (multi) return { timezone: multi, approximate: true };
  return null;
}

export function isValidTextingWindow(window: Partial<TextingWindow> | null | undefined): boolean {
  const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 24;
  return !!window && ok(window.start) && ok(window.end);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight, with seconds as a fraction. */
  minutes: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    minutes: parts.hour! * 60 + parts.minute! + parts.second! / 60,
  };
}

/** UTC offset (ms) of `timeZone` at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day) + wall.minutes * 60_000;
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant at or after the local wall time `minutes` on the given local date. When that
 * wall time does not exist (the clock jumps over it for daylight saving), the instant the clock
 * jumps is returned: that is when local time first passes `minutes`.
 */
function instantOfWallTime(
  date: { year: number; month: number; day: number },
  minutes: number,
  timeZone: string,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * 60_000;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const candidates = [first, second].filter((t) => localUtcMs(t, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: find the jump between the two guesses (local time is monotone there).
  let lo = Math.min(first, second);
  let hi = Math.max(first, second);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (localUtcMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The local wall time at `instant`, expressed as if it were UTC (for comparisons). */
function localUtcMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day) + Math.round(w.minutes * 60) * 1000;
}

function insideWindow(minutes: number, window: TextingWindow): boolean {
  const start = window.start * 60;
  const end = window.end * 60;
  if (start === end) return true;
  if (start < end) return minutes >= start && minutes < end;
  return minutes >= start || minutes < end;
}

function nextOpening(now: number, timeZone: string, window: TextingWindow): number {
  const startMinutes = window.start * 60;
  const today = wallClock(now, timeZone);
  // Try today's and the next days' local dates (calendar arithmetic on a UTC date is exact).
  for (let add = 0; add <= 2; add += 1) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + add));
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    const at = instantOfWallTime(date, Math.min(startMinutes, MINUTES_PER_DAY), timeZone);
    if (at > now) return at;
  }
  return now + MINUTES_PER_DAY * 60_000;
}

function resolveZone(
  input: LocalTimeInput,
): Pick<LocalTimeStatus, 'timezone' | 'source' | 'approximate'> {
  if (isValidTimeZone(input.timezone)) {
    return { timezone: input.timezone.trim(), source: 'profile', approximate: false };
  }
  const zone = zoneForCountry(phoneCountryForTimeZone(input.phone, input.defaultCountry));
  if (zone && isValidTimeZone(zone.timezone)) {
    return { timezone: zone.timezone, source: 'phone', approximate: zone.approximate };
  }
  return { timezone: null, source: 'unknown', approximate: false };
}

export function localTimeStatus(input: LocalTimeInput): LocalTimeStatus {
  const now = input.now;
  const window = isValidTextingWindow(input.window) ? input.window : DEFAULT_TEXTING_WINDOW;
  const zone = resolveZone(input);
  if (zone.timezone === null || Number.isNaN(now.getTime())) {
    return {
      timezone: null,
      source: 'unknown',
      approximate: false,
      now,
      inWindow: true,
      opensAt: null,
    };
  }
  const minutes = wallClock(now.getTime(), zone.timezone).minutes;
  const inWindow = insideWindow(minutes, window);
  return {
    ...zone,
    now,
    inWindow,
    opensAt: inWindow ? null : new Date(nextOpening(now.getTime(), zone.timezone, window)),
  };
}
