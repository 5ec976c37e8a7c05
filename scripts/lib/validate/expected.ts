/**
 * Findings of Zendesk's validator that our build cannot avoid, each with the reason a Marketplace
 * reviewer needs. A finding is explained only when the text around that very occurrence matches;
 * any other occurrence of the same word or URL stays an unexplained warning. docs/validation.md
 * lists the same entries.
 */

/** One place in a file where a check matched. */
export interface Occurrence {
  /** What matched, e.g. `keyword "password"`, `pattern "Token"`, `http URL`. */
  finding: string;
  /** The matched text (a keyword, a pattern's start, a URL). */
  text: string;
  /**
   * Up to 60 characters either side of the match's start, with `HERE` (a NUL character) marking
   * the start, so an explanation can tell this occurrence from a neighbour.
   */
  around: string;
}

/** Marks the start of the match in `Occurrence.around`; never part of a text file. */
export const HERE = '\u0000';

/** A pattern over `around`: `before` ends where the match starts, `after` starts there. */
const at = (before: string, after: string) => new RegExp(`${before}${HERE}${after}`);

export interface Expected {
  /** Findings it explains (see Occurrence.finding). */
  findings: readonly string[];
  /** Paths (relative to the app folder) it applies to. */
  file: RegExp;
  /** Matched against Occurrence.text, when set. */
  text?: RegExp;
  /** Matched against Occurrence.around, when set. */
  around?: RegExp;
  reason: string;
}

const PASSWORD = ['keyword "password"', 'pattern "Password"'];
const API_KEY = ['keyword "api_key"'];
const JS = /^assets\/.*\.js$/;

export const EXPECTED: readonly Expected[] = [
  {
    findings: PASSWORD,
    file: JS,
    around: at('[,{]', 'password:(?:!0|true),range:(?:!0|true)'),
    reason:
      'React DOM\'s table of text-like <input> types ("email", "number", "password", ...): a type ' +
      'name in a lookup table, no credential',
  },
  {
    findings: PASSWORD,
    file: JS,
    around: at(
      '\\.type\\s*===\\s*[`\'"]',
      'password[`\'"]\\s*\\)\\s*\\|\\|\\s*\\w+\\s*===\\s*[`\'"]textarea[`\'"]',
    ),
    reason:
      'React DOM asking whether a focused element takes text (an <input type="password"> or a ' +
      '<textarea>): a type name, no credential',
  },
  {
    findings: PASSWORD,
    file: JS,
    around: at('type:\\s*[`\'"]', 'password[`\'"]'),
    reason:
      'an <input type="password">: the setup page masks the webhook key while the admin types it; ' +
      'the bundle holds no key',
  },
  {
    findings: API_KEY,
    file: JS,
    around: at('type\\s*(?::|===|!==)\\s*[`\'"]', 'api_key[`\'"]'),
    reason:
      'the name of Zendesk\'s webhook authentication type ("authentication": {"type": "api_key"}, ' +
      'Webhooks API), written and compared by the setup page; the admin types the key, which goes ' +
      'straight to Zendesk',
  },
  {
    findings: API_KEY,
    file: /^(?:manifest\.json|translations\/[^/]+\.json|assets\/.*\.js)$/,
    around: at('klaviyo_', 'api_key'),
    reason:
      "the name of the app's secure setting klaviyo_api_key (secure, scope header), not a value; " +
      'renaming it would drop the key every installed account has stored',
  },
  {
    findings: ['http URL'],
    file: /^assets\/.*\.(?:js|html?)$/,
    text: /^http:\/\/www\.w3\.org\/(?:2000\/svg|1999\/xlink|1999\/xhtml|1998\/Math\/MathML|XML\/1998\/namespace|2000\/xmlns\/)$/,
    reason:
      'an XML namespace name (React DOM and the Garden icons create SVG and MathML elements in ' +
      'it); a name that is compared, never requested',
  },
  {
    findings: ['http URL'],
    file: JS,
    text: /^http:\/\/fb\.me\/use-check-prop-types$/,
    around: at('Read more at ', 'http://fb\\.me/use-check-prop-types'),
    reason:
      'a link inside the error message of the prop-types package (bundled by Garden): text for ' +
      'developers, never requested',
  },
];

/** The reason this occurrence is expected, or undefined when it is not. */
export function explain(file: string, occurrence: Occurrence): string | undefined {
  const entry = EXPECTED.find(
    (candidate) =>
      candidate.findings.includes(occurrence.finding) &&
      candidate.file.test(file) &&
      (!candidate.text || candidate.text.test(occurrence.text)) &&
      (!candidate.around || candidate.around.test(occurrence.around)),
  );
  return entry?.reason;
}

/** Every match of `pattern` in `content`, each with its place; overlapping starts included. */
export function occurrences(
  content: string,
  pattern: RegExp,
  finding: string,
): Array<Occurrence & { index: number }> {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(pattern.source, flags);
  const found: Array<Occurrence & { index: number }> = [];
  for (let match = global.exec(content); match; match = global.exec(content)) {
    const start = match.index;
    // Patterns end in `.*` runs that swallow the rest of a line; keep the start and a short text.
    const text = match[0].slice(0, 80);
    const around =
      content.slice(Math.max(0, start - 60), start) +
      HERE +
      content.slice(start, start + Math.max(text.length, 60));
    found.push({ finding, text, around, index: start });
    global.lastIndex = start + 1;
  }
  return found;
}

/** 1-based line and column of an index, as editors show it. */
export function lineColumn(content: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = content.indexOf('\n'); i !== -1 && i < index; i = content.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `${line}:${index - lineStart + 1}`;
}
