export { createTranslator, resolveLocale, SUPPORTED_LOCALES } from './catalog';
export type { MessageKey, SupportedLocale, Translate, Vars } from './catalog';
export { createFormatters } from './format';
export type { Formatters } from './format';
