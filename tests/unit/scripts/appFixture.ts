/**
 * The repository's app as an in-memory app folder (manifest.json, translations/, assets/, and
 * src/index.html standing in for the page Vite builds into assets/), with helpers to break it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type AppFolder, appFolderFrom } from '../../../scripts/lib/appFolder';
import { type Problem, validateApp } from '../../../scripts/lib/validate';

export const root = join(__dirname, '..', '..', '..');

export type Entries = Record<string, string | Uint8Array>;

export function repoEntries(): Entries {
  const entries: Entries = {
    'manifest.json': readFileSync(join(root, 'manifest.json'), 'utf8'),
    'assets/index.html': readFileSync(join(root, 'src', 'index.html'), 'utf8'),
  };
  for (const folder of ['translations', 'assets']) {
    for (const name of readdirSync(join(root, folder))) {
      entries[`${folder}/${name}`] = new Uint8Array(readFileSync(join(root, folder, name)));
    }
  }
  return entries;
}

export function repoManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

export function json(entries: Entries, path: string): Record<string, unknown> {
  const value = entries[path];
  const source = typeof value === 'string' ? value : new TextDecoder().decode(value);
  return JSON.parse(source) as Record<string, unknown>;
}

/** Copies the entries with one JSON file changed by `edit`. */
export function withJson(
  entries: Entries,
  path: string,
  edit: (value: Record<string, unknown>) => void,
): Entries {
  const value = json(entries, path);
  edit(value);
  return { ...entries, [path]: JSON.stringify(value, null, 2) };
}

export function pngOf(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(255);
  return new Uint8Array(PNG.sync.write(png));
}

export function validate(
  entries: Entries,
  options: Parameters<typeof appFolderFrom>[1] = {},
): Problem[] {
  return validateApp({ app: appFolderFrom(entries, options) });
}

export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity === 'error');
}

export function folderOf(entries: Entries): AppFolder {
  return appFolderFrom(entries);
}
