/**
 * Completes dist/ as a ZAF app folder after `vite build`: Vite has written dist/assets/ (the page,
 * its hashed JS and CSS, and everything from assets/); this copies manifest.json and translations/.
 * `zcli apps:server dist` reads dist/zcli.apps.config.json, so the project's copy is placed there
 * once; a developer's own edited copy (e.g. with a real key) is never overwritten, and
 * `npm run package` leaves it out of the zip.
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
const zcliConfig = join(dist, 'zcli.apps.config.json');
if (!existsSync(zcliConfig)) copyFileSync(join(root, 'zcli.apps.config.json'), zcliConfig);
console.log('dist/ assembled: manifest.json, translations/, assets/');
