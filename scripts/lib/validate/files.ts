/**
 * The folder as a whole: symlinks, files Zendesk refuses or ignores, insecure http:// URLs and
 * secrets in text files.
 */
import { posix } from 'node:path';
import { text } from '../appFolder';
import { type Problem, type Rule, error, warning } from './types';
import { TEXT_EXTENSIONS, UNSUPPORTED_EXTENSIONS } from './zendesk';

const extension = (path: string) => posix.extname(path).slice(1).toLowerCase();

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
    } else if (UNSUPPORTED_EXTENSIONS.includes(extension(path))) {
      problems.push(
        error(
          path,
          undefined,
          `.${extension(path)} files are not supported in an app package`,
          'ZAS mime.rb',
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

/** XML namespace names are identifiers, never fetched: they may stay http://. */
const NAMESPACE = /^http:\/\/www\.w3\.org\//;

/**
 * No http:// URL anywhere we author (manifest, translations, requirements, HTML, CSS, SVG); in
 * bundled JavaScript Zendesk's validator only warns (third-party code carries documentation links).
 */
export const insecureUrls: Rule = ({ app }) => {
  const problems: Problem[] = [];
  for (const [path, bytes] of app.files) {
    if (!TEXT_EXTENSIONS.includes(extension(path))) continue;
    const urls = [...text(bytes).matchAll(/http:\/\/[^\s"'`<>()\\]+/g)]
      .map((match) => match[0])
      .filter((url) => !NAMESPACE.test(url));
    if (urls.length === 0) continue;
    const list =
      [...new Set(urls)].slice(0, 3).join(', ') + (new Set(urls).size > 3 ? ', ...' : '');
    const isCode = ['js', 'mjs', 'map'].includes(extension(path));
    problems.push(
      isCode
        ? warning(
            path,
            undefined,
            `contains http:// URLs (${list}); requests must use https://`,
            'ZAS requests.rb',
          )
        : error(path, undefined, `contains http:// URLs (${list}); use https://`, 'project rule'),
    );
  }
  return problems;
};

/** A Klaviyo private key, or key material Zendesk's validator looks for, in any text file. */
const SECRETS: Array<[string, RegExp]> = [
  ['a Klaviyo private API key', /pk_[A-Za-z0-9]{20,}/],
  ['a private key block', /-----BEGIN (?:RSA |DSA |EC |OPENSSH |PGP )?PRIVATE KEY(?: BLOCK)?-----/],
  ['an AWS access key id', /\bAKIA[0-9A-Z]{16}\b/],
  ['a Slack token', /\bxox[pbao]-[0-9A-Za-z-]{10,}/],
];

export const secrets: Rule = ({ app }) => {
  const problems: Problem[] = [];
  for (const [path, bytes] of app.files) {
    if (!TEXT_EXTENSIONS.includes(extension(path))) continue;
    const content = text(bytes);
    for (const [what, pattern] of SECRETS) {
      if (pattern.test(content)) {
        problems.push(
          error(
            path,
            undefined,
            `looks like it contains ${what}; secrets never ship in the app`,
            'ZAS secrets.rb',
          ),
        );
      }
    }
  }
  return problems;
};
