import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { overlay, plainValues, type Tree } from './src/i18n';

const root = fileURLToPath(new URL('./src', import.meta.url));
const translations = fileURLToPath(new URL('./translations', import.meta.url));
const DEFAULT_LOCALE = 'en';

function readTree(file: string): Tree {
  return JSON.parse(readFileSync(file, 'utf8')) as Tree;
}

/**
 * translations/<locale>.json stays as Zendesk reads it (Marketplace strings, en.json's translator
 * notes); what the app imports of it is only `{ ui }`: its texts, with English beneath any it
 * lacks, so one language's chunk is all a sidebar fetches.
 */
function uiCatalogs(): Plugin {
  const isTranslation = (id: string) =>
    id.startsWith(`${translations}/`) && id.endsWith('.json') && !id.includes('?');
  return {
    name: 'ui-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (!isTranslation(id)) return null;
      const english = join(DEFAULT_LOCALE);
      this.addWatchFile(english);
      const own = plainValues((JSON.parse(code) as Tree).ui as Tree);
      const base = plainValues(readTree(english).ui as Tree);
      const ui = basename(id) === `${DEFAULT_LOCALE}.json` ? own : overlay(base, own);
      // Still JSON: Vite's JSON plugin turns it into the module.
      return { code: JSON.stringify({ ui }), map: null };
    },
  };
}

function join(locale: string): string {
  return `${translations}/${locale}.json`;
}

// The built page lands in dist/assets/ beside the logos, as a ZAF app folder expects:
// dist/assets/index.html loads ./index-<hash>.js and ./index-<hash>.css by relative paths.
export default defineConfig({
  root,
  base: './',
  publicDir: fileURLToPath(new URL('./assets', import.meta.url)),
  plugins: [uiCatalogs(), react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/assets', import.meta.url)),
    emptyOutDir: true,
    assetsDir: '.',
    sourcemap: false,
    target: 'es2020',
  },
});
