import { asCountryCode, phoneRegion, toE164 } from '../../../src/sms/phone';

describe('toE164', () => {
  it('keeps numbers already in E.164', () => {
    expect(toE164('+14155550101', 'US')).toBe('+14155550101');
    expect(toE164('+821055501234', 'US')).toBe('+821055501234');
  });

  it('normalises international numbers written with spaces, dashes and brackets', () => {
    expect(toE164('+82 10-5550-1234', 'US')).toBe('+821055501234');
    expect(toE164('+1 (212) 555-0199', 'SE')).toBe('+12125550199');
    expect(toE164('  +46 70 123 45 67 ', null)).toBe('+46701234567');
  });

  it('reads local numbers with the default country', () => {
    expect(toE164('(415) 555-0101', 'US')).toBe('+14155550101');
    expect(toE164('503.555.0142', 'us')).toBe('+15035550142');
    expect(toE164('070-123 45 67', 'SE')).toBe('+46701234567');
    expect(toE164('010-5550-1234', 'KR')).toBe('+821055501234');
  });

  it('reads the international call prefix of the default country', () => {
    expect(toE164('00 46 70 123 45 67', 'SE')).toBe('+46701234567');
    expect(toE164('011 44 20 7946 0000', 'US')).toBe('+442079460000');
  });

  it('gives null for a local number without a usable default country', () => {
    expect(toE164('(415) 555-0101', null)).toBeNull();
    expect(toE164('(415) 555-0101', 'XX')).toBeNull();
    expect(toE164('(415) 555-0101', 'United States')).toBeNull();
  });

  it('gives null for garbage, empty input and impossible lengths', () => {
    expect(toE164('', 'US')).toBeNull();
    expect(toE164('   ', 'US')).toBeNull();
    expect(toE164(null, 'US')).toBeNull();
    expect(toE164(undefined, 'US')).toBeNull();
    expect(toE164('not a phone', 'US')).toBeNull();
    expect(toE164('12345', 'US')).toBeNull();
    expect(toE164('+999123', 'US')).toBeNull();
    expect(toE164('+1 415 555 0101 0101 0101', 'US')).toBeNull();
  });
});

describe('phoneRegion', () => {
  it('tells the country of a number, including the shared +1 calling code', () => {
    expect(phoneRegion('+14155550101')).toBe('US');
    expect(phoneRegion('+14165550123')).toBe('CA');
    expect(phoneRegion('+821055501234')).toBe('KR');
    expect(phoneRegion('+46701234567')).toBe('SE');
  });

  it('gives null for what is not E.164', () => {
    expect(phoneRegion('4155550101')).toBeNull();
    expect(phoneRegion('')).toBeNull();
    expect(phoneRegion(null)).toBeNull();
    expect(phoneRegion('+999123')).toBeNull();
  });
});

describe('asCountryCode', () => {
  it('accepts supported region codes in any case and rejects the rest', () => {
    expect(asCountryCode(' us ')).toBe('US');
    expect(asCountryCode('KR')).toBe('KR');
    expect(asCountryCode('ZZ')).toBeUndefined();
    expect(asCountryCode('USA')).toBeUndefined();
    expect(asCountryCode(undefined)).toBeUndefined();
  });
});
