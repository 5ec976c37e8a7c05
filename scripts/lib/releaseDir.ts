/**
 * Where `npm run package` puts the zip: a folder outside the app folder (by default `release/` at
 * the project root), so that neither `zcli apps:server dist`, a validator run on `dist/`, nor the
 * next package ever sees an earlier zip.
 */
import { isAbsolute, relative, resolve } from 'node:path';

export const DEFAULT_RELEASE_DIR = 'release';

export type ReleaseDir = { ok: true; dir: string } | { ok: false; message: string };

/** Resolves the output folder against `root` and refuses one inside (or equal to) the app folder. */
export function releaseDir(root: string, appDir: string, out = DEFAULT_RELEASE_DIR): ReleaseDir {
  const dir = resolve(root, out);
  const fromApp = relative(resolve(appDir), dir);
  const inside = fromApp === '' || (!fromApp.startsWith('..') && !isAbsolute(fromApp));
  if (inside) {
    return {
      ok: false,
      message:
        `${out} is inside the app folder, where zcli apps:server would serve the zip and ` +
        'Zendesk would refuse it as an unsupported file; choose a folder outside it',
    };
  }
  return { ok: true, dir };
}
