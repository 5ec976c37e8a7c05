import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  createFormatters,
  createTranslator,
  resolveLocale,
  type Formatters,
  type SupportedLocale,
  type Translate,
} from '../../i18n';

/** What every component reads through `useI18n`: the agent's locale, its strings and formatters. */
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
