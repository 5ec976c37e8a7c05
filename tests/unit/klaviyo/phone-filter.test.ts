import { equalsFilter, quoteFilterValue } from '../../../src/klaviyo/filter';
import { toE164 } from '../../../src/klaviyo/phone';

describe('toE164', () => {
  it('normalises international and local formats', () => {
    expect(toE164('+82 10-5550-1234')).toBe('+821055501234');
    expect(toE164('(415) 555-0101', 'US')).toBe('+14155550101');
    expect(toE164('070-123 45 67', 'se')).toBe('+46701234567');
  });
  it('returns null for text, empty input, impossible lengths or unknown regions without a prefix', () => {
    expect(toE164('call me')).toBeNull();
    expect(toE164('')).toBeNull();
    expect(toE164(null)).toBeNull();
    expect(toE164('12')).toBeNull();
    expect(toE164('415 555 0101', 'XX')).toBeNull();
  });
});

describe('Klaviyo filter strings', () => {
  it('quote values so that quotes and backslashes cannot end the string', () => {
    expect(quoteFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(equalsFilter('email', '") ,equals(id,"x')).toBe('equals(email,"\\") ,equals(id,\\"x")');
  });
});
