/**
 * Which Zendesk brand a customer's text opens its ticket in: each Klaviyo sending number maps to
 * one brand; a text to an unmapped number (or with no number) goes to the default brand. One
 * number and one brand needs no mapping at all.
 */
import { phoneIfKnownNow } from '../klaviyo';
import type { Brand } from '../zendesk/types';

export interface NumberBrand {
  /** The Klaviyo sending number, E.164. */
  number: string;
  brandId: number;
}

export interface BrandMapping {
  numbers: NumberBrand[];
  /** Where unmapped texts go; null lets Zendesk use the account's default brand. */
  defaultBrandId: number | null;
}

export type MappingProblem =
  | { kind: 'number-invalid'; row: number; value: string }
  | { kind: 'number-repeated'; row: number; number: string }
  | { kind: 'brand-unknown'; row: number; brandId: number }
  | { kind: 'default-brand-unknown'; brandId: number };

export interface MappingRow {
  number: string;
  brandId: number | null;
}

/**
 * Checks rows an admin typed against the account's brands. Rows with an empty number and no brand
 * are ignored (the blank row of a form); every other problem is reported with its row, nothing
 * is dropped silently.
 */
export function parseBrandMapping(
  rows: MappingRow[],
  defaultBrandId: number | null,
  brands: Brand[],
): { mapping: BrandMapping; problems: MappingProblem[] } {
  const known = new Set(brands.map((b) => b.id));
  const problems: MappingProblem[] = [];
  const numbers: NumberBrand[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (row.number.trim() === '' && row.brandId === null) return;
    const number = phoneIfKnownNow(row.number, null);
    if (number === null) {
      problems.push({ kind: 'number-invalid', row: index, value: row.number });
      return;
    }
    if (seen.has(number)) {
      problems.push({ kind: 'number-repeated', row: index, number });
      return;
    }
    if (row.brandId === null || !known.has(row.brandId)) {
      problems.push({ kind: 'brand-unknown', row: index, brandId: row.brandId ?? 0 });
      return;
    }
    seen.add(number);
    numbers.push({ number, brandId: row.brandId });
  });
  if (defaultBrandId !== null && !known.has(defaultBrandId)) {
    problems.push({ kind: 'default-brand-unknown', brandId: defaultBrandId });
  }
  return { mapping: { numbers, defaultBrandId }, problems };
}

/** A mapping is needed only when the account has more than one active brand. */
export function needsMapping(brands: Brand[]): boolean {
  return brands.filter((b) => b.active !== false).length > 1;
}

/** The default brand when the admin picked none: the account's default, else its only brand. */
export function fallbackBrandId(brands: Brand[]): number | null {
  const active = brands.filter((b) => b.active !== false);
  return active.find((b) => b.default)?.id ?? (active.length === 1 ? active[0]!.id : null);
}

/** The lookup table the flow's jq reads (`.k.brands[number]`). */
export function brandTable(mapping: BrandMapping): Record<string, number> {
  return Object.fromEntries(mapping.numbers.map((n) => [n.number, n.brandId]));
}

/** The brand a text to `to` lands in, computed as the flow does (for the page and the tests). */
export function brandFor(mapping: BrandMapping, to: string | null): number | null {
  const number = to ? phoneIfKnownNow(to, null) : null;
  return mapping.numbers.find((n) => n.number === number)?.brandId ?? mapping.defaultBrandId;
}
