import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { overlay, plainValues, type Tree } from '../../../src/i18n/tree';

const dir = join(__dirname, '../../../translations');
const load = (locale: string) =>
  JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as { ui: Tree };

describe('what the build bundles of a translation file', () => {
  it('keeps the English texts and drops the translator notes', () => {
    const source = load('en').ui;
    const note = ((source.common as Tree).retry as { title: string }).title;
    const ui = plainValues(source);
    expect((ui.common as Record<string, unknown>).retry).toBe('Try again');
    expect(JSON.stringify(ui)).not.toContain(note);
  });

  it('is smaller than half of en.json once the notes are gone', () => {
    const en = load('en').ui;
    expect(JSON.stringify(plainValues(en)).length).toBeLessThan(JSON.stringify(en).length / 2);
  });

  it('keeps a group of keys that happens to be named title and value', () => {
    const tree: Tree = { quiet: { title: { title: 'note', value: 'Quiet' }, value: 'x' } };
    expect(plainValues(tree)).toEqual({ quiet: { title: 'Quiet', value: 'x' } });
  });

  it('shows English where a language lacks a text, and the language everywhere else', () => {
    const base = plainValues({ a: { title: 'n', value: 'Hello' }, b: { c: 'One', d: 'Two' } });
    const merged = overlay(base, { b: { c: 'Uno' } });
    expect(merged).toEqual({ a: 'Hello', b: { c: 'Uno', d: 'Two' } });
  });
});

describe('loading a language', () => {
  beforeEach(() => jest.resetModules());

  it('translates only once its catalogue is loaded, and falls back to English texts', async () => {
    const catalog = await import('../../../src/i18n/catalog');
    const { loadCatalog } = await import('../../../src/i18n/load');
    expect(catalog.isCatalogLoaded('sv')).toBe(false);
    expect(catalog.createTranslator('sv')('common.retry')).toBe('common.retry');
    await loadCatalog('sv');
    expect(catalog.isCatalogLoaded('sv')).toBe(true);
    expect(catalog.isCatalogLoaded('en')).toBe(false);
    expect(catalog.createTranslator('sv')('common.retry')).toBe('Försök igen');
  });
});
