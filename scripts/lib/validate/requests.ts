/**
 * Insecure http:// URLs. Zendesk's validator (ZAS requests.rb) warns about every http: URL in the
 * JavaScript and HTML files; we report those the same way, explaining the expected ones (XML
 * namespace names, a dependency's documentation link: ./expected.ts). Stricter, as a project rule:
 * in the files we author (manifest, translations, requirements, HTML, CSS, SVG) an http:// URL that
 * is not a namespace name is an error.
 */
import { posix } from 'node:path';
import { text } from '../appFolder';
import { explain, occurrences } from './expected';
import { type Problem, type Rule, error, warning } from './types';
import { TEXT_EXTENSIONS } from './zendesk';

const URL = /http:\/\/[^\s"'`<>()\\]+/;
/** ZAS package.rb js_files and html_files. */
const ZAS_REQUEST_FILE = /\.(?:jsx?|html?)$/;
/** Files we author; bundled JavaScript is mostly third-party code. */
const AUTHORED = ['json', 'html', 'htm', 'css', 'svg'];
/** XML namespace names are identifiers, never fetched: they may stay http://. */
const NAMESPACE = /^http:\/\/www\.w3\.org\//;

export const insecureUrls: Rule = ({ app }) => {
  const problems: Problem[] = [];
  for (const [path, bytes] of app.files) {
    const extension = posix.extname(path).slice(1).toLowerCase();
    if (!TEXT_EXTENSIONS.includes(extension) && !ZAS_REQUEST_FILE.test(path)) continue;
    const found = occurrences(text(bytes), URL, 'http URL');
    const urls = (list: typeof found) => {
      const unique = [...new Set(list.map((occurrence) => occurrence.text))];
      return unique.slice(0, 3).join(', ') + (unique.length > 3 ? ', ...' : '');
    };

    const authoredInsecure = AUTHORED.includes(extension)
      ? found.filter((occurrence) => !NAMESPACE.test(occurrence.text))
      : [];
    if (authoredInsecure.length > 0) {
      problems.push(
        error(
          path,
          undefined,
          `contains http:// URLs (${urls(authoredInsecure)}); use https://`,
          'project rule',
        ),
      );
      continue;
    }
    if (!ZAS_REQUEST_FILE.test(path) || found.length === 0) continue;

    const reasons = found.map((occurrence) => explain(path, occurrence));
    const unexplained = found.filter((_, i) => reasons[i] === undefined);
    const explained = found.filter((_, i) => reasons[i] !== undefined);
    if (unexplained.length > 0) {
      problems.push(
        warning(
          path,
          undefined,
          `possible insecure request to ${urls(unexplained)}; requests must use https://`,
          'ZAS requests.rb',
        ),
      );
    }
    if (explained.length > 0) {
      problems.push({
        ...warning(
          path,
          undefined,
          `contains http:// URLs (${urls(explained)})`,
          'ZAS requests.rb',
        ),
        expected: [...new Set(reasons.filter((reason) => reason !== undefined))].join('; '),
      });
    }
  }
  return problems;
};
