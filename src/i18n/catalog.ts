import en from '../../translations/en.json';
import es from '../../translations/es.json';
import sv from '../../translations/sv.json';
import ko from '../../translations/ko.json';

/** A leaf is either a plain string or Zendesk's `{ title: translator note, value: text }`. */
type Leaf = string | { title: string; value: string };
type Tree = { [key: string]: Leaf | Tree };

/** Every key under `ui`, as a dotted path (`common.retry`), checked at compile time. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends { value: string }
      ? `${P}${K}`
      : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<(typeof en)['ui']>;

export const SUPPORTED_LOCALES = ['en', 'es', 'sv', 'ko'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

const catalogs: Record<SupportedLocale, Tree> = {
  en: en.ui as Tree,
  es: es.ui as Tree,
  sv: sv.ui as Tree,
  ko: ko.ui as Tree,
};

/** `es-419` → `es`, `sv-SE` → `sv`, anything unknown → `en`. */
export function resolveLocale(locale: string | null | undefined): SupportedLocale {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '')
    ? (base as SupportedLocale)
    : 'en';
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: Leaf | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string' || ('value' in node && typeof node.value === 'string'))
      return undefined;
    node = (node as Tree)[part];
  }
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && typeof node.value === 'string') return node.value;
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

export function createTranslator(locale: SupportedLocale): Translate {
  return (key, vars) => {
    const message = lookup(catalogs[locale], key) ?? lookup(catalogs.en, key) ?? key;
    return interpolate(message, vars);
  };
}
