/**
 * translations/*.json: locale file names, JSON, the Marketplace strings in the default locale,
 * parameter labels, the app name's length and the shape of every string (ZAS translations.rb and
 * manifest.rb, plus project rules).
 */
import { text } from '../appFolder';
import { isRecord, parseJson } from '../json';
import { type Context, type Problem, type Rule, error, warning } from './types';
import { APP_NAME_MAX, MARKETPLACE_KEYS, PRODUCTS, VALID_LOCALE } from './zendesk';

/** Each file under translations/ is `<locale>.json`, valid JSON, one object. */
export const translationFiles: Rule = ({ app }) => {
  const problems: Problem[] = [];
  for (const [path, bytes] of app.files) {
    if (!path.startsWith('translations/')) continue;
    const match = /^translations\/([^/]+)\.json$/.exec(path);
    if (!match) {
      problems.push(
        warning(
          path,
          undefined,
          'Zendesk only reads translations/<locale>.json files',
          'ZAS translations.rb',
        ),
      );
      continue;
    }
    if (!VALID_LOCALE.test(match[1]!)) {
      problems.push(
        error(
          path,
          undefined,
          `"${match[1]}" is not a locale name (like en, pt-br or zh-cn)`,
          'ZAS translations.rb',
        ),
      );
    }
    const parsed = parseJson(text(bytes));
    if (!parsed.ok) {
      problems.push(
        error(path, undefined, `not valid JSON: ${parsed.error}`, 'ZAS translations.rb'),
      );
    } else if (!isRecord(parsed.value)) {
      problems.push(error(path, undefined, 'must be a JSON object', 'ZAS translations.rb'));
    } else {
      for (const key of parsed.duplicateKeys) {
        problems.push(
          error(path, key, 'key appears twice; the first value would be lost', 'project rule'),
        );
      }
    }
  }
  return problems;
};

/** manifest.json `defaultLocale` is a valid locale and translations/<it>.json exists. */
export const defaultLocale: Rule = ({ manifest, app }) => {
  if (!manifest || typeof manifest.defaultLocale !== 'string') return [];
  const locale = manifest.defaultLocale;
  if (!VALID_LOCALE.test(locale)) {
    return [
      error(
        'manifest.json',
        'defaultLocale',
        `"${locale}" is not a valid locale`,
        'ZAS manifest.rb',
      ),
    ];
  }
  const path = `translations/${locale}.json`;
  if (!app.files.has(path)) {
    return [
      error(
        path,
        undefined,
        `missing: it holds the default locale "${locale}" named in manifest.json`,
        'ZAS manifest.rb',
      ),
    ];
  }
  return [];
};

/** The default locale holds the app name and, for a public app, the Marketplace strings. */
export const marketplaceStrings: Rule = (context) => {
  const { manifest } = context;
  const locale = defaultLocaleOf(context);
  const json = locale ? context.translations.get(locale) : undefined;
  if (!manifest || !locale || !json) return [];
  const file = `translations/${locale}.json`;
  const isPrivate = manifest.private !== false;
  const required = isPrivate ? ['name'] : MARKETPLACE_KEYS;
  const app = json.app;
  if (!isRecord(app)) {
    return [error(file, 'app', `missing: it holds ${required.join(', ')}`, 'ZAS translations.rb')];
  }
  const productKeys = Object.keys(app).filter((key) => PRODUCTS[key] !== undefined);
  const blocks = productKeys.length
    ? productKeys.map((product) => ({ prefix: `app.${product}`, node: app[product] }))
    : [{ prefix: 'app', node: app }];
  const problems: Problem[] = [];
  for (const { prefix, node } of blocks) {
    const strings = isRecord(node) ? node : {};
    for (const key of required) {
      const value =
        key === 'short_description' ? (strings[key] ?? strings.description) : strings[key];
      const shown = isRecord(value) && typeof value.value === 'string' ? value.value : value;
      if (typeof shown !== 'string' || shown.trim() === '') {
        const why = key === 'name' ? 'required' : 'required for an app that is not private';
        problems.push(
          error(file, `${prefix}.${key}`, `${why}: a non-empty string`, 'ZAS translations.rb'),
        );
      }
    }
  }
  return problems;
};

/** Every entry under app.parameters has a label (ZAS), and every parameter has one (project). */
export const parameterLabels: Rule = (context) => {
  const problems: Problem[] = [];
  for (const [locale, json] of context.translations) {
    const file = `translations/${locale}.json`;
    const node = isRecord(json.app) ? json.app.parameters : undefined;
    if (!isRecord(node)) continue;
    for (const [name, entry] of Object.entries(node)) {
      if (!isRecord(entry) || typeof entry.label !== 'string' || entry.label.trim() === '') {
        problems.push(
          error(
            file,
            `app.parameters.${name}.label`,
            'missing: every parameter entry needs a label',
            'ZAS translations.rb',
          ),
        );
      }
    }
  }
  const locale = defaultLocaleOf(context);
  const json = locale ? context.translations.get(locale) : undefined;
  if (!locale || !json) return problems;
  const file = `translations/${locale}.json`;
  const labels = isRecord(json.app) && isRecord(json.app.parameters) ? json.app.parameters : {};
  for (const { name, raw } of context.parameters) {
    if (!name || raw.type === 'hidden') continue;
    if (!(name in labels)) {
      problems.push(
        error(
          file,
          `app.parameters.${name}.label`,
          `missing: the settings page would show the raw name "${name}"`,
          'project rule',
        ),
      );
    }
  }
  return problems;
};

/** The app name fits the Marketplace tiles, in every language. */
export const appNameLength: Rule = ({ translations }) => {
  const problems: Problem[] = [];
  for (const [locale, json] of translations) {
    const app = isRecord(json.app) ? json.app : {};
    const names = [{ key: 'app.name', value: app.name }];
    for (const product of Object.keys(app).filter((key) => PRODUCTS[key] !== undefined)) {
      const node = app[product];
      if (isRecord(node)) names.push({ key: `app.${product}.name`, value: node.name });
    }
    for (const { key, value } of names) {
      if (typeof value === 'string' && [...value].length > APP_NAME_MAX) {
        problems.push(
          error(
            `translations/${locale}.json`,
            key,
            `"${value}" is ${[...value].length} characters; the limit is ${APP_NAME_MAX}`,
            'project rule',
          ),
        );
      }
    }
  }
  return problems;
};

/** Every leaf is a string or a { title, value } pair of strings (the shape t() and Zendesk read). */
export const translationShape: Rule = ({ translations }) => {
  const problems: Problem[] = [];
  for (const [locale, json] of translations) {
    const file = `translations/${locale}.json`;
    const walk = (node: unknown, path: string) => {
      if (typeof node === 'string') return;
      if (isRecord(node)) {
        const keys = Object.keys(node);
        if (keys.includes('value') && keys.includes('title') && keys.length === 2) {
          if (typeof node.value !== 'string' || typeof node.title !== 'string') {
            problems.push(
              error(file, path, 'title and value must both be strings', 'project rule'),
            );
          }
          return;
        }
        if (keys.length === 0) problems.push(warning(file, path, 'empty object', 'project rule'));
        for (const key of keys) walk(node[key], path ? `${path}.${key}` : key);
        return;
      }
      problems.push(
        error(
          file,
          path || '(root)',
          `must be a string or { "title", "value" }, got ${JSON.stringify(node)}`,
          'project rule',
        ),
      );
    };
    walk(json, '');
  }
  return problems;
};

function defaultLocaleOf({ manifest }: Context): string | undefined {
  return manifest && typeof manifest.defaultLocale === 'string'
    ? manifest.defaultLocale
    : undefined;
}
