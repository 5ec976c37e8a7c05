import { registerCatalog, SUPPORTED_LOCALES, type SupportedLocale } from './catalog';
import type { Tree } from './tree';

type CatalogModule = { default: { ui: unknown } };

/**
 * One import per language, so each is its own chunk: an agent's sidebar fetches only its own
 * language. The build (vite.config.ts) reduces each file to its `ui` texts, English beneath.
 */
const importers: Record<SupportedLocale, () => Promise<CatalogModule>> = {
  en: () => import('../../translations/en.json'),
  es: () => import('../../translations/es.json'),
  sv: () => import('../../translations/sv.json'),
  ko: () => import('../../translations/ko.json'),
};

const pending = new Map<SupportedLocale, Promise<void>>();

/** Fetches a language's texts once (later calls share the first). */
export function loadCatalog(language: SupportedLocale): Promise<void> {
  let load = pending.get(language);
  if (!load) {
    load = importers[language]().then((mod) => registerCatalog(language, mod.default.ui as Tree));
    // A failed fetch may be tried again.
    load.catch(() => pending.delete(language));
    pending.set(language, load);
  }
  return load;
}

/** Every language: for tests and tools that switch languages at will. */
export function loadAllCatalogs(): Promise<void> {
  return Promise.all(SUPPORTED_LOCALES.map(loadCatalog)).then(() => undefined);
}
