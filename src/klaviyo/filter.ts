/**
 * Klaviyo's filter expressions (`equals(email,"…")`). String values are double-quoted; a backslash
 * or double quote inside the value is escaped with a backslash, so a hostile email can never close
 * the string and smuggle in another condition. The whole expression is URL-encoded by
 * `URLSearchParams`, which turns `+` into `%2B` so a plus sign reaches Klaviyo intact.
 */

export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function equalsFilter(field: string, value: string): string {
  return `equals(${field},${quoteFilterValue(value)})`;
}

/** `any(field,["a","b"])`. */
export function anyFilter(field: string, values: readonly string[]): string {
  return `any(${field},[${values.map(quoteFilterValue).join(',')}])`;
}
