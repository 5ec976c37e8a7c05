/**
 * Merges UI strings into translations/{en,es,sv,ko}.json under a file lock, so several people can
 * add strings at once. Input: a JSON file `{ "en": { "sidebar": { "x": { "title": "...", "value": "..." } } }, "es": {...}, ... }`
 * whose trees are deep-merged under each file's `ui` key. Every key must be given for all four
 * locales; the script refuses a patch that leaves one out.
 *
 *   npx tsx scripts/i18n-merge.ts my-strings.json
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

type Tree = { [k: string]: unknown };
const LOCALES = ['en', 'es', 'sv', 'ko'] as const;

function flatKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' && !('value' in (v as Tree))
      ? flatKeys(v as Tree, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

function merge(target: Tree, patch: Tree): void {
  for (const [k, v] of Object.entries(patch)) {
    if (
      v &&
      typeof v === 'object' &&
      !('value' in (v as Tree)) &&
      target[k] &&
      typeof target[k] === 'object'
    ) {
      merge(target[k] as Tree, v as Tree);
    } else {
      target[k] = v;
    }
  }
}

function lock(): () => void {
  const path = 'translations/.merge.lock';
  for (let i = 0; i < 200; i++) {
    try {
      const fd = openSync(path, 'wx');
      closeSync(fd);
      return () => unlinkSync(path);
    } catch {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  throw new Error('translations/.merge.lock is held: remove it if no merge is running');
}

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx scripts/i18n-merge.ts <patch.json>');
  process.exit(2);
}
const patch = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Tree>;
const enKeys = flatKeys(patch.en ?? {}).sort();
for (const locale of LOCALES) {
  const keys = flatKeys(patch[locale] ?? {}).sort();
  const missing = enKeys.filter((k) => !keys.includes(k));
  if (missing.length) {
    console.error(
      `${locale}: missing ${missing.length} keys, e.g. ${missing.slice(0, 5).join(', ')}`,
    );
    process.exit(1);
  }
}
const release = lock();
try {
  for (const locale of LOCALES) {
    const path = `translations/${locale}.json`;
    const json = JSON.parse(readFileSync(path, 'utf8')) as Tree;
    json.ui ??= {};
    merge(json.ui as Tree, patch[locale] ?? {});
    writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
  }
} finally {
  release();
}
console.log(`merged ${enKeys.length} keys into ${LOCALES.join(', ')}`);
