/**
 * JSON parsing for the validator: a readable error with line and column, and the duplicate keys
 * that JSON.parse silently collapses (Zendesk's validator refuses them in manifest.json and
 * requirements.json).
 */

export type JsonResult =
  { ok: true; value: unknown; duplicateKeys: string[] } | { ok: false; error: string };

export function parseJson(source: string): JsonResult {
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: describeParseError(source, error) };
  }
  return { ok: true, value, duplicateKeys: findDuplicateKeys(source) };
}

function describeParseError(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const short = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  if (!position) return short;
  const offset = Number(position[1]);
  const before = source.slice(0, offset).split('\n');
  return `${short} (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
}

type Frame =
  | { kind: 'object'; path: string; keys: Set<string>; expectingKey: boolean; lastKey?: string }
  | { kind: 'array'; path: string; index: number };

/** Dotted paths (`a.b[2].c`) of keys that appear twice in the same object. */
export function findDuplicateKeys(source: string): string[] {
  const duplicates: string[] = [];
  const stack: Frame[] = [];
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.kind === 'array') return `${top.path}[${top.index}]`;
    return top.path ? `${top.path}.${top.lastKey ?? ''}` : (top.lastKey ?? '');
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      const raw = source.slice(i, j + 1);
      i = j;
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectingKey) {
        let key: string;
        try {
          key = JSON.parse(raw) as string;
        } catch {
          key = raw;
        }
        if (top.keys.has(key)) duplicates.push(top.path ? `${top.path}.${key}` : key);
        top.keys.add(key);
        top.lastKey = key;
        top.expectingKey = false;
      }
    } else if (c === '{') {
      stack.push({ kind: 'object', path: childPath(), keys: new Set(), expectingKey: true });
    } else if (c === '[') {
      stack.push({ kind: 'array', path: childPath(), index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectingKey = true;
      else if (top?.kind === 'array') top.index += 1;
    }
  }
  return duplicates;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
