/**
 * `npm run validate [folder]` (default dist): checks an app folder offline against Zendesk's
 * published app rules and its validator's findings (docs/validation.md). Prints one line per
 * problem (an expected warning with its reason on the next line) and exits 1 if any is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAppFolder } from './lib/appFolder';
import { appFolderArg } from './lib/folderArg';
import { formatProblem, summarise, validateApp } from './lib/validate';

const { root, dir, folder } = appFolderArg('validate');

const zcliConfigPath = join(root, 'zcli.apps.config.json');
const input = {
  app: readAppFolder(dir),
  project: {
    appFolderName: folder,
    ...(existsSync(zcliConfigPath)
      ? { zcliConfig: new Uint8Array(readFileSync(zcliConfigPath)) }
      : {}),
  },
};
const problems = validateApp(input);
for (const problem of problems) {
  const line = formatProblem(problem, folder);
  if (problem.severity === 'error') console.error(line);
  else console.warn(line);
}
const summary = summarise(input, problems, folder);
if (problems.some((problem) => problem.severity === 'error')) {
  console.error(summary);
  process.exit(1);
}
console.log(summary);
