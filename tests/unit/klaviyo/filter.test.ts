import { anyFilter, equalsFilter, quoteFilterValue } from '../../../src/klaviyo/filter';

describe('Klaviyo filter strings', () => {
  it('quote values so that quotes and backslashes cannot end the string', () => {
    expect(quoteFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(equalsFilter('email', '") ,equals(id,"x')).toBe('equals(email,"\\") ,equals(id,\\"x")');
  });
});

describe('any() filters', () => {
  it('quote every value of the list', () => {
    expect(anyFilter('id', ['a', 'b"c'])).toBe('any(id,["a","b\\"c"])');
  });
});
