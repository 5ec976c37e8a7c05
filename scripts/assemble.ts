/**
 * Completes dist/ as a ZAF app folder after `vite build`: Vite has written dist/assets/ (the page,
 * its hashed JS and CSS, and everything from assets/); this copies manifest.json and translations/.
 */
import { cpSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const dist = join(root, 'dist');

if (!existsSync(join(dist, 'assets', 'index.html'))) {
  console.error(
    'dist/assets/index.html is missing: run vite build first (npm run build does both).',
  );
  process.exit(1);
}
mkdirSync(dist, { recursive: true });
copyFileSync(join(root, 'manifest.json'), join(dist, 'manifest.json'));
cpSync(join(root, 'translations'), join(dist, 'translations'), { recursive: true });
console.log('dist/ assembled: manifest.json, translations/, assets/');
