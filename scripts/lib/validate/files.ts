/**
 * The folder as a whole: symbolic links, leftovers of older app frameworks and tools, and files
 * Zendesk never serves. File types are in ./fileTypes.ts, URLs in ./requests.ts, secrets in
 * ./secrets.ts.
 */
import { posix } from 'node:path';
import { type Problem, type Rule, error, warning } from './types';

export const forbiddenFiles: Rule = ({ app }) => {
  const problems: Problem[] = app.symlinks.map((path) =>
    error(
      path,
      undefined,
      'is a symbolic link; Zendesk refuses packages that contain links',
      'ZAS marketplace.rb',
    ),
  );
  for (const path of app.files.keys()) {
    const name = posix.basename(path);
    const top = path.split('/')[0]!;
    if (name === '.zat') {
      problems.push(
        error(
          path,
          undefined,
          'is a leftover ZAT settings file (it can hold account details); delete it',
          'project rule',
        ),
      );
    } else if (
      path === 'app.js' ||
      path === 'app.css' ||
      /^lib\/.*\.js$/.test(path) ||
      /^templates\/.*\.hdbs$/.test(path)
    ) {
      problems.push(
        error(
          path,
          undefined,
          'framework 2.0 (iframe) apps cannot ship app.js, lib/, templates/ or app.css',
          'ZAS source.rb',
        ),
      );
    } else if (!['manifest.json', 'requirements.json', 'translations', 'assets'].includes(top)) {
      problems.push(
        warning(
          path,
          undefined,
          'is outside assets/ and translations/; Zendesk never serves it',
          'project rule',
        ),
      );
    }
  }
  return problems;
};
