/**
 * `npm run validate [folder]` (default dist): checks an app folder offline against Zendesk's
 * published app rules (see README, "Validating and packaging"). Prints one line per problem and
 * exits 1 if any is an error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readAppFolder } from './lib/appFolder';
import { formatProblem, summarise, validateApp } from './lib/validate';

const folderArg = process.argv[2] ?? 'dist';
const root = process.cwd();
const dir = resolve(root, folderArg);
const folder = relative(root, dir) || '.';

if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(
    `validate: ${folderArg} is not a folder${folderArg === 'dist' ? ' (run npm run build first)' : ''}`,
  );
  process.exit(1);
}

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
