import {
  loadPhoneRules,
  phoneCountryForTimeZone,
  phoneForLookup,
  phoneRulesLoaded,
} from '../../../src/klaviyo';
import { localTimeStatus } from '../../../src/sms/localtime';

describe('phoneForLookup', () => {
  it('keeps numbers already in E.164', async () => {
    expect(await phoneForLookup('+14155550101', 'US')).toBe('+14155550101');
    expect(await phoneForLookup('+821055501234', 'US')).toBe('+821055501234');
  });

  it('normalises international numbers written with spaces, dashes and brackets', async () => {
    expect(await phoneForLookup('+82 10-5550-1234', 'US')).toBe('+821055501234');
    expect(await phoneForLookup('+1 (212) 555-0199', 'SE')).toBe('+12125550199');
    expect(await phoneForLookup('  +46 70 123 45 67 ', null)).toBe('+46701234567');
  });

  it('reads local numbers with the default country, and its international call prefix', async () => {
    expect(await phoneForLookup('(415) 555-0101', 'US')).toBe('+14155550101');
    expect(await phoneForLookup('503.555.0142', 'us')).toBe('+15035550142');
    expect(await phoneForLookup('070-123 45 67', 'SE')).toBe('+46701234567');
    expect(await phoneForLookup('010-5550-1234', 'KR')).toBe('+821055501234');
    expect(await phoneForLookup('00 46 70 123 45 67', 'SE')).toBe('+46701234567');
    expect(await phoneForLookup('011 44 20 7946 0000', 'US')).toBe('+442079460000');
  });

  it('gives null for a local number without a usable default country', async () => {
    expect(await phoneForLookup('(415) 555-0101', null)).toBeNull();
    expect(await phoneForLookup('(415) 555-0101', 'XX')).toBeNull();
    expect(await phoneForLookup('(415) 555-0101', 'United States')).toBeNull();
  });

  it('gives null for garbage, empty input and impossible lengths', async () => {
    for (const raw of [
      '',
      '   ',
      null,
      undefined,
      'not a phone',
      '12345',
      '+999123',
      '+1 415 555 0101 0101 0101',
    ]) {
      expect(await phoneForLookup(raw, 'US')).toBeNull();
    }
  });

  it('accepts a number of possible length outside the ranges the metadata knows', async () => {
    // +1 555 555 0101 and +46 70123456 are possible but not "valid": a real customer may have one.
    expect(await phoneForLookup('+1 555 555 0101', 'US')).toBe('+15555550101');
    expect(await phoneForLookup('555 555 0101', 'US')).toBe('+15555550101');
    expect(await phoneForLookup('+46 70123456', 'US')).toBe('+4670123456');
  });
});

describe('phoneCountryForTimeZone', () => {
  beforeAll(() => loadPhoneRules());

  it('tells the country of a number, including the shared +1 calling code', () => {
    expect(phoneRulesLoaded()).toBe(true);
    expect(phoneCountryForTimeZone('+14155550101', null)).toBe('US');
    expect(phoneCountryForTimeZone('+14165550123', null)).toBe('CA');
    expect(phoneCountryForTimeZone('+82 10-5550-1234', null)).toBe('KR');
    expect(phoneCountryForTimeZone('070-123 45 67', 'SE')).toBe('SE');
  });

  it('gives null for what it cannot place', () => {
    expect(phoneCountryForTimeZone('4155550101', null)).toBeNull();
    expect(phoneCountryForTimeZone('', 'US')).toBeNull();
    expect(phoneCountryForTimeZone(null, 'US')).toBeNull();
    expect(phoneCountryForTimeZone('+999123', 'US')).toBeNull();
  });
});

describe('the lookup and the time-zone guess agree', () => {
  beforeAll(() => loadPhoneRules());
  const now = new Date('2026-12-01T20:00:00Z');
  const input = (phone: string) => ({
    timezone: null,
    phone,
    defaultCountry: 'US',
    now,
    window: { start: 8, end: 20 },
  });

  it('+1 555 555 0101: looked up as +15555550101, and no time zone is guessed for it, not a wrong one', async () => {
    expect(await phoneForLookup('+1 555 555 0101', 'US')).toBe('+15555550101');
    expect(phoneCountryForTimeZone('+1 555 555 0101', 'US')).toBeNull();
    expect(localTimeStatus(input('+1 555 555 0101'))).toMatchObject({
      timezone: null,
      source: 'unknown',
    });
  });

  it('+46 70123456: looked up, and its local time guessed from Sweden', async () => {
    expect(await phoneForLookup('+46 70123456', 'US')).toBe('+4670123456');
    expect(localTimeStatus(input('+46 70123456'))).toMatchObject({
      timezone: 'Europe/Stockholm',
      source: 'phone',
    });
  });

  it('whatever a number looks like, a guessed country comes only from a number the lookup would use', async () => {
    const samples = [
      '+1 555 555 0101',
      '+46 70123456',
      '(415) 555-0101',
      '12345',
      '+999123',
      '070-123 45 67',
      'call me',
    ];
    for (const raw of samples) {
      const lookup = await phoneForLookup(raw, 'US');
      const country = phoneCountryForTimeZone(raw, 'US');
      if (country !== null) expect(lookup).not.toBeNull();
    }
  });
});

describe('before the phone metadata has loaded', () => {
  it('uses E.164 input as it is and makes no time-zone guess, then guesses once it has loaded', async () => {
    await jest.isolateModulesAsync(async () => {
      const phone = await import('../../../src/klaviyo/phone');
      expect(phone.phoneRulesLoaded()).toBe(false);
      expect(await phone.phoneForLookup('+14155550101', 'US')).toBe('+14155550101');
      expect(phone.phoneRulesLoaded()).toBe(false);
      expect(phone.phoneCountryForTimeZone('+14155550101', 'US')).toBeNull();
      await phone.loadPhoneRules();
      expect(phone.phoneCountryForTimeZone('+14155550101', 'US')).toBe('US');
    });
  });
});
