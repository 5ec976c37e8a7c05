/**
 * The shape of a translation file's tree, and the two operations the build and the loader need.
 * A leaf is a plain string (es, sv, ko) or, in en.json only, Zendesk's `{ title: translator note,
 * value: text }`. Pure: used by `vite.config.ts` (to bundle values only) and by the catalogue.
 */

export type Leaf = string | { title: string; value: string };
export type Tree = { [key: string]: Leaf | Tree };
/** A tree of texts only: what the app ships and reads. */
export type PlainTree = { [key: string]: string | PlainTree };

/** A `{ title, value }` pair of strings: a text with its translator note. */
export function isNoted(node: unknown): node is { title: string; value: string } {
  if (!node || typeof node !== 'object') return false;
  const keys = Object.keys(node).sort();
  const { title, value } = node as Record<string, unknown>;
  return (
    keys.length === 2 &&
    keys[0] === 'title' &&
    keys[1] === 'value' &&
    typeof title === 'string' &&
    typeof value === 'string'
  );
}

/** The tree with every translator note dropped: `{ title, value }` becomes its value. */
export function plainValues(tree: Tree): PlainTree {
  const out: PlainTree = {};
  for (const [key, node] of Object.entries(tree)) {
    if (typeof node === 'string') out[key] = node;
    else if (isNoted(node)) out[key] = node.value;
    else if (node && typeof node === 'object') out[key] = plainValues(node as Tree);
  }
  return out;
}

/** `top` over `base`: every text of `top`, and `base`'s where `top` has none. */
export function overlay(base: PlainTree, top: PlainTree): PlainTree {
  const out: PlainTree = { ...base };
  for (const [key, node] of Object.entries(top)) {
    const under = out[key];
    out[key] =
      typeof node === 'object' && under !== undefined && typeof under === 'object'
        ? overlay(under, node)
        : node;
  }
  return out;
}
