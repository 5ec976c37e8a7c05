/**
 * `npm run package [folder] [--out dir]` (default folder dist, default out release/): refuses an
 * app folder that does not validate, then writes <out>/<slug-of-name>-<version>.zip in the layout
 * `zcli apps:package` produces, ready to upload to Zendesk or the Marketplace. The zip never lands
 * inside the app folder (see lib/releaseDir.ts). Set SOURCE_DATE_EPOCH for byte-identical zips.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readAppFolder } from './lib/appFolder';
import { appFolderArg } from './lib/folderArg';
import { releaseDir } from './lib/releaseDir';
import { formatProblem, validateApp } from './lib/validate';
import { buildZip, packageFileName } from './lib/zip';

const args = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const { root, dir, folder } = appFolderArg('package', args.positionals[0] ?? 'dist');

const out = releaseDir(root, dir, args.values.out);
if (!out.ok) {
  console.error(`package: ${out.message}; nothing was written`);
  process.exit(1);
}

const app = readAppFolder(dir);
const errors = validateApp({ app }).filter((problem) => problem.severity === 'error');
if (errors.length > 0) {
  for (const problem of errors) console.error(formatProblem(problem, folder));
  console.error(
    `package: ${folder} does not validate; nothing was written (npm run validate for details)`,
  );
  process.exit(1);
}

const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const mtime = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
const fileName = packageFileName(app);
const zip = buildZip(app, mtime);
mkdirSync(out.dir, { recursive: true });
writeFileSync(join(out.dir, fileName), zip);

const size =
  zip.byteLength < 1024 * 1024
    ? `${(zip.byteLength / 1024).toFixed(1)} kB`
    : `${(zip.byteLength / 1024 / 1024).toFixed(2)} MB`;
const leftOut = app.excluded.map((entry) => entry.path);
const left = leftOut.length ? `; left out: ${leftOut.join(', ')}` : '';
const shown = relative(root, join(out.dir, fileName));
console.log(`package: ${shown} (${size}, ${app.files.size} files${left})`);
