import type { Leaf, Tree } from './tree';
import { isNoted } from './tree';

/** The UI strings' type, from en.json (a type-only import: nothing of the file is bundled here). */
type EnglishUi = (typeof import('../../translations/en.json'))['ui'];

/** Every key under `ui`, as a dotted path (`common.retry`), checked at compile time. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends { value: string }
      ? `${P}${K}`
      : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<EnglishUi>;

export const SUPPORTED_LOCALES = ['en', 'es', 'sv', 'ko'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * The catalogues loaded so far (see load.ts): only the agent's language is fetched; the built
 * catalogue of each language already carries English beneath any text it lacks.
 */
const loaded = new Map<SupportedLocale, Tree>();

/** Makes a language's `ui` tree available to `createTranslator`. */
export function registerCatalog(language: SupportedLocale, ui: Tree): void {
  loaded.set(language, ui);
}

export function isCatalogLoaded(language: SupportedLocale): boolean {
  return loaded.has(language);
}

/** `es-419` → `es`, `sv-SE` → `sv`, anything unknown → `en`. */
export function resolveLocale(locale: string | null | undefined): SupportedLocale {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '')
    ? (base as SupportedLocale)
    : 'en';
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: Leaf | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string' || isNoted(node)) return undefined;
    node = (node as Tree)[part];
  }
  if (typeof node === 'string') return node;
  if (isNoted(node)) return node.value;
  return undefined;
}

export type Vars = Record<string, string | number>;

/** Replaces `{{name}}` with the value given; values are inserted as text, never as markup. */
function interpolate(message: string, vars?: Vars): string {
  if (!vars) return message;
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

/**
 * Texts in `locale`, from its loaded catalogue (English where a text is missing and English is
 * loaded; the key itself as the last resort, so a gap shows, never a blank). Load the catalogue
 * first with `loadCatalog`.
 */
export function createTranslator(locale: SupportedLocale): Translate {
  return (key, vars) => {
    const message = lookup(loaded.get(locale), key) ?? lookup(loaded.get('en'), key) ?? key;
    return interpolate(message, vars);
  };
}
