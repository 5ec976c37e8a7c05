/**
 * The app package, laid out as `zcli apps:package` lays it out: every file of the app folder at
 * its root-relative path (manifest.json at the root), minus what `packageExclusion` leaves out.
 */
import { zipSync, type Zippable } from 'fflate';
import type { AppFolder } from './appFolder';
import { text } from './appFolder';
import { isRecord, parseJson } from './json';

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `<slug-of-name>-<version>.zip`, from manifest.json (the name falls back to the default locale's app.name). */
export function packageFileName(app: AppFolder): string {
  const manifest = readJson(app, 'manifest.json');
  const version = typeof manifest?.version === 'string' ? manifest.version : undefined;
  let name = typeof manifest?.name === 'string' ? manifest.name : undefined;
  if (!name && typeof manifest?.defaultLocale === 'string') {
    const strings = readJson(app, `translations/${manifest.defaultLocale}.json`);
    if (isRecord(strings?.app) && typeof strings.app.name === 'string') name = strings.app.name;
  }
  const slug = name ? slugify(name) : '';
  if (!slug || !version)
    throw new Error('manifest.json needs a name and a version to name the package');
  return `${slug}-${version.replace(/[^0-9A-Za-z.+-]/g, '-')}.zip`;
}

/** Zips every file of the view; `mtime` stamps every entry (pass one for reproducible bytes). */
export function buildZip(app: AppFolder, mtime: Date = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const [path, bytes] of app.files) {
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    entries[path] = [copy, { mtime, level: alreadyCompressed(path) ? 0 : 6 }];
  }
  return zipSync(entries);
}

function alreadyCompressed(path: string): boolean {
  return /\.(png|jpe?g|gif|webp|woff2?|zip|gz)$/i.test(path);
}

function readJson(app: AppFolder, path: string): Record<string, unknown> | undefined {
  const bytes = app.files.get(path);
  if (!bytes) return undefined;
  const parsed = parseJson(text(bytes));
  return parsed.ok && isRecord(parsed.value) ? parsed.value : undefined;
}
