/**
 * A small parser for Klaviyo's filter syntax as the stand-in needs it: `op(field,value)` conditions,
 * combined with `and(...)` or top-level commas; values are double- or single-quoted strings (with
 * backslash escapes), lists `["a","b"]`, or bare words (dates, numbers, booleans). Anything it cannot
 * read is a `FilterError`, which the handlers answer with Klaviyo's 400.
 */

export interface Condition {
  op: string;
  field: string;
  value: string | string[] | null;
}

export class FilterError extends Error {}

export function parseFilter(text: string): Condition[] {
  let i = 0;
  const peek = () => text[i];
  const expect = (ch: string) => {
    if (text[i] !== ch) throw new FilterError(`Expected '${ch}' at position ${i} in filter`);
    i++;
  };
  const word = () => {
    const m = /^[A-Za-z_$][A-Za-z0-9_.$-]*/.exec(text.slice(i));
    if (!m) throw new FilterError(`Expected a name at position ${i} in filter`);
    i += m[0].length;
    return m[0];
  };
  const quoted = (): string => {
    const q = text[i];
    i++;
    let out = '';
    while (i < text.length && text[i] !== q) {
      if (text[i] === '\\' && i + 1 < text.length) {
        out += text[i + 1];
        i += 2;
      } else {
        out += text[i];
        i++;
      }
    }
    if (text[i] !== q) throw new FilterError('Unterminated string in filter');
    i++;
    return out;
  };
  const scalar = (): string | null => {
    const ch = peek();
    if (ch === '"' || ch === "'") return quoted();
    const m = /^[^,()[\]]+/.exec(text.slice(i));
    if (!m) throw new FilterError(`Expected a value at position ${i} in filter`);
    i += m[0].length;
    return m[0] === 'null' ? null : m[0];
  };
  const value = (): string | string[] | null => {
    if (peek() !== '[') return scalar();
    i++;
    const items: string[] = [];
    while (peek() !== ']') {
      const v = scalar();
      if (v !== null) items.push(v);
      if (peek() === ',') i++;
      else if (peek() !== ']') throw new FilterError('Malformed list in filter');
    }
    i++;
    return items;
  };
  const condition = (): Condition[] => {
    const op = word();
    expect('(');
    if (op === 'and') {
      const parts: Condition[] = [...condition()];
      while (peek() === ',') {
        i++;
        parts.push(...condition());
      }
      expect(')');
      return parts;
    }
    if (op === 'or' || op === 'not')
      throw new FilterError(`The '${op}' operator is not supported here`);
    const field = word();
    let v: Condition['value'] = null;
    if (peek() === ',') {
      i++;
      v = value();
    }
    expect(')');
    return [{ op, field, value: v }];
  };
  const all: Condition[] = [...condition()];
  while (peek() === ',') {
    i++;
    all.push(...condition());
  }
  if (i !== text.length) throw new FilterError(`Unexpected text at position ${i} in filter`);
  return all;
}
