import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator, resolveLocale } from '../../../src/i18n/catalog';

type Tree = { [key: string]: unknown };
const dir = join(__dirname, '../../../translations');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree;

/** Every leaf as [dotted key, text]; `{ title, value }` leaves give their value. */
function leaves(tree: Tree, prefix = ''): Array<[string, unknown]> {
  return Object.entries(tree).flatMap(([k, v]): Array<[string, unknown]> => {
    if (v && typeof v === 'object' && !('value' in (v as Tree)))
      return leaves(v as Tree, `${prefix}${k}.`);
    return [[`${prefix}${k}`, v && typeof v === 'object' ? (v as Tree).value : v]];
  });
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const en = new Map(leaves(load('en.json')));

describe('translations', () => {
  it('ship en, es, sv and ko', () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining(['en.json', 'es.json', 'ko.json', 'sv.json']),
    );
  });

  it.each(files.filter((f) => f !== 'en.json'))('%s has exactly the keys of en.json', (file) => {
    const keys = leaves(load(file))
      .map(([k]) => k)
      .sort();
    expect(keys).toEqual([...en.keys()].sort());
  });

  it.each(files)('%s has a non-empty text for every key', (file) => {
    const empty = leaves(load(file)).filter(
      ([, text]) => typeof text !== 'string' || text.trim() === '',
    );
    expect(empty.map(([k]) => k)).toEqual([]);
  });

  it.each(files.filter((f) => f !== 'en.json'))(
    '%s keeps every {{placeholder}} of en.json',
    (file) => {
      const mismatched = leaves(load(file))
        .filter(
          ([k, text]) =>
            JSON.stringify(placeholders(String(text))) !==
            JSON.stringify(placeholders(String(en.get(k)))),
        )
        .map(([k]) => k);
      expect(mismatched).toEqual([]);
    },
  );

  it('gives every UI string a note for translators in en.json', () => {
    const ui = load('en.json').ui as Tree;
    const bare = leaves(ui).length - countNoted(ui);
    expect(bare).toBe(0);
  });

  it.each(files.filter((f) => f !== 'en.json'))(
    '%s carries plain texts only: the notes live in en.json',
    (file) => {
      const noted = leaves(load(file)).filter(([k]) => {
        const node = k.split('.').reduce<unknown>((n, part) => (n as Tree)?.[part], load(file));
        return typeof node !== 'string';
      });
      expect(noted.map(([k]) => k)).toEqual([]);
    },
  );
});

function countNoted(tree: Tree): number {
  return Object.values(tree).reduce<number>((n, v) => {
    if (v && typeof v === 'object' && 'value' in (v as Tree)) {
      const title = (v as Tree).title;
      return n + (typeof title === 'string' && title.trim() !== '' ? 1 : 0);
    }
    return v && typeof v === 'object' ? n + countNoted(v as Tree) : n;
  }, 0);
}

describe('t()', () => {
  it('picks the agent language from a full Zendesk locale and falls back to English', () => {
    expect(resolveLocale('es-419')).toBe('es');
    expect(resolveLocale('sv-SE')).toBe('sv');
    expect(resolveLocale('ko')).toBe('ko');
    expect(resolveLocale('pt-BR')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });

  it('translates into the agent language', () => {
    expect(createTranslator('sv')('common.retry')).toBe('Försök igen');
    expect(createTranslator('en')('common.retry')).toBe('Try again');
  });

  it('inserts values as plain text and leaves unknown placeholders visible', () => {
    const t = createTranslator('en');
    const key = [...en.entries()].find(
      ([k, v]) => k.startsWith('ui.') && placeholders(String(v)).length === 1,
    );
    expect(key).toBeDefined();
    const [path, text] = key!;
    const name = placeholders(String(text))[0]!;
    const out = t(path.slice(3) as Parameters<typeof t>[0], { [name]: '<b>x</b>' });
    expect(out).toContain('<b>x</b>');
    expect(out).not.toContain(`{{${name}}}`);
    expect(t(path.slice(3) as Parameters<typeof t>[0])).toContain(`{{${name}}}`);
  });
});
