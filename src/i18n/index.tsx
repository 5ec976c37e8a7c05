import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslator, resolveLocale, type SupportedLocale, type Translate } from './catalog';
import { createFormatters, type Formatters } from './format';

export { createTranslator, isCatalogLoaded, resolveLocale, SUPPORTED_LOCALES } from './catalog';
export { loadAllCatalogs, loadCatalog } from './load';
export type { MessageKey, SupportedLocale, Translate, Vars } from './catalog';
export { createFormatters } from './format';
export type { Formatters } from './format';

export interface I18n {
  /** The agent's full locale (for Intl), e.g. `es-419`. */
  locale: string;
  /** The translation catalogue in use. */
  language: SupportedLocale;
  t: Translate;
  format: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const language = resolveLocale(locale);
    return { locale, language, t: createTranslator(language), format: createFormatters(locale) };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Translations and formatters for the agent's locale. Throws outside `I18nProvider`. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
