/**
 * `npm run package [folder]` (default dist): refuses an app folder that does not validate, then
 * writes <folder>/<slug-of-name>-<version>.zip in the layout `zcli apps:package` produces, ready
 * to upload to Zendesk or the Marketplace. Set SOURCE_DATE_EPOCH for byte-identical zips.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAppFolder } from './lib/appFolder';
import { appFolderArg } from './lib/folderArg';
import { formatProblem, validateApp } from './lib/validate';
import { buildZip, packageFileName } from './lib/zip';

const { dir, folder } = appFolderArg('package');

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
writeFileSync(join(dir, fileName), zip);

const size =
  zip.byteLength < 1024 * 1024
    ? `${(zip.byteLength / 1024).toFixed(1)} kB`
    : `${(zip.byteLength / 1024 / 1024).toFixed(2)} MB`;
// The zip this run replaces is not news; other left-out files are.
const leftOut = app.excluded.map((entry) => entry.path).filter((path) => path !== fileName);
const left = leftOut.length ? `; left out: ${leftOut.join(', ')}` : '';
console.log(`package: ${join(folder, fileName)} (${size}, ${app.files.size} files${left})`);
