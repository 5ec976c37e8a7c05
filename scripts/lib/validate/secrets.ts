/**
 * Secrets in text files. Two layers:
 * - errors (project rule) for what is certainly key material: a Klaviyo private key, a private
 *   key block, an AWS access key id, a Slack token, in any text file;
 * - warnings for what Zendesk's validator flags as possible secrets (ZAS secrets.rb: its keywords
 *   and named patterns, over its text files), each occurrence explained when it is one of the
 *   expected ones (./expected.ts), so a reviewer sees why it is there.
 * Messages give the place (line:column), never the matched text: it could be a real secret.
 */
import { posix } from 'node:path';
import { text } from '../appFolder';
import { type Occurrence, explain, lineColumn, occurrences } from './expected';
import { type Problem, type Rule, error, warning } from './types';
import { TEXT_EXTENSIONS } from './zendesk';
import { APPLICATION_SECRETS, SECRET_KEYWORDS, ZAS_TEXT_FILE } from './zendeskSecrets';

/** Key material that never belongs in an app, whatever the context. */
const CERTAIN_SECRETS: Array<[string, RegExp]> = [
  ['a Klaviyo private API key', /pk_[A-Za-z0-9]{20,}/],
  ['a private key block', /-----BEGIN (?:RSA |DSA |EC |OPENSSH |PGP )?PRIVATE KEY(?: BLOCK)?-----/],
  ['an AWS access key id', /\bAKIA[0-9A-Z]{16}\b/],
  ['a Slack token', /\bxox[pbao]-[0-9A-Za-z-]{10,}/],
];

const KEYWORDS = SECRET_KEYWORDS.map(
  (word) => [`keyword "${word}"`, new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))] as const,
);
const PATTERNS = APPLICATION_SECRETS.map(
  ([name, pattern]) => [`pattern "${name}"`, pattern] as const,
);

export const secrets: Rule = ({ app }) => {
  const problems: Problem[] = [];
  for (const [path, bytes] of app.files) {
    const isText = TEXT_EXTENSIONS.includes(posix.extname(path).slice(1).toLowerCase());
    const zasReads = ZAS_TEXT_FILE.test(path);
    if (!isText && !zasReads) continue;
    const content = text(bytes);
    if (isText) {
      for (const [what, pattern] of CERTAIN_SECRETS) {
        if (pattern.test(content)) {
          problems.push(
            error(
              path,
              undefined,
              `contains ${what}; secrets never ship in the app`,
              'project rule',
            ),
          );
        }
      }
    }
    if (!zasReads) continue;
    for (const [finding, pattern] of [...KEYWORDS, ...PATTERNS]) {
      const found = occurrences(content, pattern, finding);
      if (found.length > 0) problems.push(possibleSecret(path, content, finding, found));
    }
  }
  return problems;
};

function possibleSecret(
  path: string,
  content: string,
  finding: string,
  found: Array<Occurrence & { index: number }>,
): Problem {
  const reasons = found.map((occurrence) => explain(path, occurrence));
  const unexplained = found.filter((_, i) => reasons[i] === undefined);
  const times = found.length === 1 ? 'once' : `${found.length} times`;
  const message = `possible secret: ${finding} matches ${times}`;
  if (unexplained.length === 0) {
    return {
      ...warning(path, undefined, message, 'ZAS secrets.rb'),
      expected: [...new Set(reasons)].join('; '),
    };
  }
  const places = unexplained
    .slice(0, 5)
    .map((occurrence) => lineColumn(content, occurrence.index))
    .join(', ');
  const more = unexplained.length > 5 ? ', ...' : '';
  return warning(
    path,
    undefined,
    `${message}; not an expected use at ${places}${more}: check it and remove any secret`,
    'ZAS secrets.rb',
  );
}
