import { MULTI_ZONE_COUNTRIES, SINGLE_ZONE_COUNTRIES } from '../../../src/sms/country-zones';
import {
  DEFAULT_TEXTING_WINDOW,
  isValidTextingWindow,
  isValidTimeZone,
  localTimeStatus,
  zoneForCountry,
  type LocalTimeInput,
} from '../../../src/sms/localtime';
import { loadPhoneRules } from '../../../src/klaviyo';

// The phone metadata loads on demand; the phone-only guesses below need it.
beforeAll(() => loadPhoneRules());

const DAY = { start: 8, end: 20 };

function status(over: Partial<LocalTimeInput> & { now: Date }) {
  return localTimeStatus({
    timezone: null,
    phone: null,
    defaultCountry: 'US',
    window: DAY,
    ...over,
  });
}

describe('localTimeStatus: which zone', () => {
  it("uses the profile's time zone when it is a real zone", () => {
    const s = status({
      timezone: 'America/Los_Angeles',
      phone: '+821055501234',
      now: new Date('2026-11-20T20:00:00Z'),
    });
    expect(s).toMatchObject({
      timezone: 'America/Los_Angeles',
      source: 'profile',
      approximate: false,
      inWindow: true,
      opensAt: null,
    });
    expect(s.now.toISOString()).toBe('2026-11-20T20:00:00.000Z');
  });

  it("falls back to the phone number's country when the profile zone is missing or bogus", () => {
    const now = new Date('2026-11-20T03:00:00Z'); // 12:00 in Seoul
    expect(status({ timezone: 'Mars/Olympus_Mons', phone: '+82 10-5550-1234', now })).toMatchObject(
      {
        timezone: 'Asia/Seoul',
        source: 'phone',
        approximate: false,
        inWindow: true,
      },
    );
    expect(
      status({ timezone: '', phone: '070-123 45 67', defaultCountry: 'SE', now }),
    ).toMatchObject({
      timezone: 'Europe/Stockholm',
      source: 'phone',
      approximate: false,
    });
  });

  it('marks a zone guessed for a country with several zones as approximate', () => {
    const s = status({ phone: '+14155550101', now: new Date('2026-11-20T20:00:00Z') });
    expect(s).toMatchObject({ timezone: 'America/Chicago', source: 'phone', approximate: true });
  });

  it('is unknown without a zone or a usable phone, and then does not hold the agent back', () => {
    const now = new Date('2026-11-20T08:00:00Z');
    expect(status({ now })).toEqual({
      timezone: null,
      source: 'unknown',
      approximate: false,
      now,
      inWindow: true,
      opensAt: null,
    });
    expect(status({ phone: 'call me', now })).toMatchObject({
      source: 'unknown',
      inWindow: true,
      opensAt: null,
    });
  });
});

describe('localTimeStatus: the texting window', () => {
  const la = { timezone: 'America/Los_Angeles' };

  it('is open from the start hour inclusive to the end hour exclusive', () => {
    // PST is UTC-8 in November
    expect(status({ ...la, now: new Date('2026-11-20T16:00:00Z') }).inWindow).toBe(true); // 08:00
    expect(status({ ...la, now: new Date('2026-11-20T15:59:59Z') }).inWindow).toBe(false); // 07:59:59
    expect(status({ ...la, now: new Date('2026-11-21T03:59:59Z') }).inWindow).toBe(true); // 19:59:59
    expect(status({ ...la, now: new Date('2026-11-21T04:00:00Z') }).inWindow).toBe(false); // 20:00
  });

  it('opens later the same day before the start hour', () => {
    const s = status({ ...la, now: new Date('2026-11-20T14:00:00Z') }); // 06:00
    expect(s.inWindow).toBe(false);
    expect(s.opensAt?.toISOString()).toBe('2026-11-20T16:00:00.000Z');
  });

  it('opens the next morning after the end hour', () => {
    const s = status({ ...la, now: new Date('2026-11-21T05:30:00Z') }); // 21:30 on the 20th
    expect(s.opensAt?.toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });

  it('works in zones with half-hour offsets', () => {
    const s = status({ timezone: 'Asia/Kolkata', now: new Date('2026-11-20T00:00:00Z') }); // 05:30
    expect(s.inWindow).toBe(false);
    expect(s.opensAt?.toISOString()).toBe('2026-11-20T02:30:00.000Z');
  });

  it('honours minutes in the window bounds (8.5 = 08:30)', () => {
    const s = status({
      ...la,
      window: { start: 8.5, end: 17.25 },
      now: new Date('2026-11-20T16:15:00Z'),
    }); // 08:15
    expect(s.inWindow).toBe(false);
    expect(s.opensAt?.toISOString()).toBe('2026-11-20T16:30:00.000Z');
    expect(
      status({ ...la, window: { start: 8.5, end: 17.25 }, now: new Date('2026-11-21T01:14:00Z') })
        .inWindow,
    ).toBe(true);
    expect(
      status({ ...la, window: { start: 8.5, end: 17.25 }, now: new Date('2026-11-21T01:15:00Z') })
        .inWindow,
    ).toBe(false);
  });

  it('wraps a window that starts later than it ends past midnight', () => {
    const night = { start: 22, end: 6 };
    expect(status({ ...la, window: night, now: new Date('2026-11-21T07:00:00Z') }).inWindow).toBe(
      true,
    ); // 23:00
    expect(status({ ...la, window: night, now: new Date('2026-11-21T13:00:00Z') }).inWindow).toBe(
      true,
    ); // 05:00
    const noon = status({ ...la, window: night, now: new Date('2026-11-20T20:00:00Z') }); // 12:00
    expect(noon.inWindow).toBe(false);
    expect(noon.opensAt?.toISOString()).toBe('2026-11-21T06:00:00.000Z'); // 22:00
  });

  it('treats equal bounds as no quiet hours', () => {
    expect(
      status({ ...la, window: { start: 9, end: 9 }, now: new Date('2026-11-20T11:00:00Z') }),
    ).toMatchObject({ inWindow: true, opensAt: null });
  });

  it('falls back to 8–20 for a window that makes no sense', () => {
    expect(DEFAULT_TEXTING_WINDOW).toEqual({ start: 8, end: 20 });
    const now = new Date('2026-11-20T15:00:00Z'); // 07:00
    for (const window of [
      { start: 25, end: 20 },
      { start: Number.NaN, end: 20 },
      { start: -1, end: 3 },
    ]) {
      const s = status({ ...la, window, now });
      expect(s.inWindow).toBe(false);
      expect(s.opensAt?.toISOString()).toBe('2026-11-20T16:00:00.000Z');
    }
    expect(isValidTextingWindow({ start: 8, end: 20 })).toBe(true);
    expect(isValidTextingWindow({ start: 22, end: 6 })).toBe(true);
    expect(isValidTextingWindow({ start: 8 })).toBe(false);
    expect(isValidTextingWindow({ start: 8, end: 24.5 })).toBe(false);
  });
});

describe('localTimeStatus: daylight saving', () => {
  it('opens at 08:00 summer time on the night the clocks go forward (Stockholm)', () => {
    // 2026-03-29 02:00 CET → 03:00 CEST. 23:00 CET on the 28th; 08:00 CEST = 06:00 UTC, not 07:00.
    const s = status({ timezone: 'Europe/Stockholm', now: new Date('2026-03-28T22:00:00Z') });
    expect(s.inWindow).toBe(false);
    expect(s.opensAt?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('opens at 08:00 standard time on the night the clocks go back (New York)', () => {
    // 2026-11-01 02:00 EDT → 01:00 EST. 23:00 EDT on Oct 31; 08:00 EST = 13:00 UTC, not 12:00.
    const s = status({ timezone: 'America/New_York', now: new Date('2026-11-01T03:00:00Z') });
    expect(s.opensAt?.toISOString()).toBe('2026-11-01T13:00:00.000Z');
  });

  it('judges the window by the local clock on both sides of the change', () => {
    // 07:30 EST on Nov 1 is 12:30 UTC: closed; a fixed summer offset would wrongly say 08:30.
    expect(
      status({ timezone: 'America/New_York', now: new Date('2026-11-01T12:30:00Z') }).inWindow,
    ).toBe(false);
    expect(
      status({ timezone: 'America/New_York', now: new Date('2026-11-01T13:00:00Z') }).inWindow,
    ).toBe(true);
  });

  it('opens at the first of two 01:30s on the night the clocks go back', () => {
    // New York, 2026-11-01: 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    const s = status({
      timezone: 'America/New_York',
      window: { start: 1.5, end: 20 },
      now: new Date('2026-11-01T04:00:00Z'),
    });
    expect(s.opensAt?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('opens when the clock jumps past a start time that does not exist that day', () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT at 07:00 UTC; 02:30 never happens.
    const s = status({
      timezone: 'America/New_York',
      window: { start: 2.5, end: 20 },
      now: new Date('2026-03-08T05:00:00Z'),
    });
    expect(s.inWindow).toBe(false);
    expect(s.opensAt?.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });
});

describe('zones', () => {
  it('knows real zones and rejects made-up ones', () => {
    expect(isValidTimeZone('Asia/Seoul')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(null)).toBe(false);
  });

  it('maps one-zone countries exactly and multi-zone countries to a representative zone', () => {
    expect(zoneForCountry('SE')).toEqual({ timezone: 'Europe/Stockholm', approximate: false });
    expect(zoneForCountry('kr')).toEqual({ timezone: 'Asia/Seoul', approximate: false });
    expect(zoneForCountry('US')).toEqual({ timezone: 'America/Chicago', approximate: true });
    expect(zoneForCountry('AU')).toEqual({ timezone: 'Australia/Sydney', approximate: true });
    expect(zoneForCountry('BR')).toEqual({ timezone: 'America/Sao_Paulo', approximate: true });
    expect(zoneForCountry('ZZ')).toBeNull();
    expect(zoneForCountry(null)).toBeNull();
  });

  it('maps every country to a zone this runtime knows', () => {
    const zones = [...Object.values(SINGLE_ZONE_COUNTRIES), ...Object.values(MULTI_ZONE_COUNTRIES)];
    expect(zones.length).toBeGreaterThan(200);
    expect(zones.filter((zone) => !isValidTimeZone(zone))).toEqual([]);
  });
});
