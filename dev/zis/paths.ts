/**
 * ZIS reference paths (`$`, `$.a.b`, `$.list[0].id`: the Amazon States Language subset ZIS uses),
 * `{{$.x}}` path placeholders, and `.$` parameter resolution, as the flow-state reference
 * describes them. A path that does not resolve is a runtime error, as in ZIS.
 */

export class PathError extends Error {
  override readonly name = 'PathError';
}

type Segment = string | number;

const PATH = /^\$((?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\['[^']*'\])*)$/;

export function parsePath(path: string): Segment[] {
  const match = PATH.exec(path.trim());
  if (!match) throw new PathError(`"${path}" is not a reference path`);
  const segments: Segment[] = [];
  for (const part of match[1]!.matchAll(/\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]/g)) {
    segments.push(part[2] !== undefined ? Number(part[2]) : (part[1] ?? part[3]!));
  }
  return segments;
}

export function isPath(value: unknown): value is string {
  return typeof value === 'string' && PATH.test(value.trim());
}

/** Reads a path; `undefined` when a step is missing (the caller decides whether that is an error). */
export function readPath(data: unknown, path: string): unknown {
  let node: unknown = data;
  for (const segment of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export function requirePath(data: unknown, path: string): unknown {
  const value = readPath(data, path);
  if (value === undefined) throw new PathError(`Error Resolving JSON Params: ${path} not found`);
  return value;
}

/** Writes `value` at `path` inside a copy of `data` (`$` replaces everything), as `ResultPath` does. */
export function writePath(data: unknown, path: string, value: unknown): unknown {
  const segments = parsePath(path);
  if (segments.length === 0) return value;
  const root: Record<string | number, unknown> =
    data !== null && typeof data === 'object'
      ? (structuredClone(data) as Record<string | number, unknown>)
      : {};
  let node = root;
  segments.slice(0, -1).forEach((segment) => {
    const next = node[segment];
    node[segment] = next !== null && typeof next === 'object' ? next : {};
    node = node[segment] as Record<string | number, unknown>;
  });
  node[segments[segments.length - 1]!] = value;
  return root;
}

const PLACEHOLDER = /\{\{\s*(\$[^}\s]*)\s*\}\}/g;

/** Replaces `{{$.x}}` placeholders with the values they point to (objects as JSON). */
export function renderPlaceholders(template: string, data: unknown): string {
  return template.replace(PLACEHOLDER, (_, path: string) => {
    const value = requirePath(data, path);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

export function hasPlaceholder(value: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(value);
}

function hasNestedPathKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.endsWith('.$') || hasNestedPathKey(v));
}

/**
 * Resolves a `Parameters` object: keys ending in `.$` take the value their path (or placeholder
 * string) points to and lose the suffix; other values are literal. Only top-level keys may end in `.$`.
 */
export function resolveParameters(
  parameters: Record<string, unknown>,
  data: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parameters)) {
    if (key.endsWith('.$')) {
      if (typeof value !== 'string') throw new PathError(`${key} must name a path`);
      out[key.slice(0, -2)] = isPath(value)
        ? requirePath(data, value)
        : renderPlaceholders(value, data);
    } else if (hasNestedPathKey(value)) {
      // Production ZIS answers this for `.$` keys below the top level of Parameters.
      throw new PathError(`Error Resolving JSON Params: nested path key inside ${key}`);
    } else {
      out[key] = value;
    }
  }
  return out;
}
