/** Number-to-brand mapping: one brand needs none; each typed row is checked, nothing dropped silently. */
import {
  brandFor,
  brandTable,
  fallbackBrandId,
  needsMapping,
  parseBrandMapping,
} from '../../../src/inbound/brands';

const BRANDS = [
  { id: 1, name: 'Acme', default: true },
  { id: 2, name: 'Acme Outlet' },
  { id: 3, name: 'Old brand', active: false },
];

describe('number-to-brand mapping', () => {
  it('is not needed with one active brand', () => {
    expect(needsMapping([BRANDS[0]!, BRANDS[2]!])).toBe(false);
    expect(needsMapping(BRANDS)).toBe(true);
  });

  it('falls back to the account’s default brand, or its only one', () => {
    expect(fallbackBrandId(BRANDS)).toBe(1);
    expect(fallbackBrandId([{ id: 9, name: 'Only' }])).toBe(9);
    expect(
      fallbackBrandId([
        { id: 8, name: 'A' },
        { id: 9, name: 'B' },
      ]),
    ).toBeNull();
  });

  it('normalises typed numbers to E.164 and maps each to its brand', () => {
    const { mapping, problems } = parseBrandMapping(
      [
        { number: '+1 (415) 555-0000', brandId: 1 },
        { number: '+1 415 555 0001', brandId: 2 },
        { number: '', brandId: null },
      ],
      1,
      BRANDS,
    );
    expect(problems).toEqual([]);
    expect(brandTable(mapping)).toEqual({ '+14155550000': 1, '+14155550001': 2 });
    expect(brandFor(mapping, '+14155550001')).toBe(2);
    expect(brandFor(mapping, '+19995550000')).toBe(1);
    expect(brandFor(mapping, null)).toBe(1);
  });

  it('reports a number without its country code, a repeated number and an unknown brand by row', () => {
    const { mapping, problems } = parseBrandMapping(
      [
        { number: '(415) 555-0007', brandId: 1 },
        { number: '+14155550000', brandId: 1 },
        { number: '+1 415-555-0000', brandId: 2 },
        { number: '+14155550009', brandId: 42 },
      ],
      7,
      BRANDS,
    );
    expect(problems).toEqual([
      { kind: 'number-invalid', row: 0, value: '(415) 555-0007' },
      { kind: 'number-repeated', row: 2, number: '+14155550000' },
      { kind: 'brand-unknown', row: 3, brandId: 42 },
      { kind: 'default-brand-unknown', brandId: 7 },
    ]);
    expect(mapping.numbers).toEqual([{ number: '+14155550000', brandId: 1 }]);
  });
});
