export { createTranslator, isCatalogLoaded, resolveLocale, SUPPORTED_LOCALES } from './catalog';
export type { MessageKey, SupportedLocale, Translate, Vars } from './catalog';
export { loadAllCatalogs, loadCatalog } from './load';
export { createFormatters } from './format';
export type { Formatters } from './format';
export { overlay, plainValues } from './tree';
export type { PlainTree, Tree } from './tree';
