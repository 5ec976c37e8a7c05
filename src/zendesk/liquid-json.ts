/**
 * Zendesk placeholders as JSON string values inside a webhook body. Zendesk does not document
 * whether it JSON-escapes placeholder values, so by default the template escapes them itself with
 * standard Liquid filters: backslash, quote, new lines, tab and every other C0 control character.
 * Zendesk's Liquid and liquidjs differ on backslashes inside quoted filter arguments, so the
 * template never writes one there: the characters it needs are captured from plain template text
 * first (`{% capture %}`), which both read alike. Used by the metric and the reply bodies.
 */

/**
 * `'liquid-filters'`: the template escapes every value (valid JSON whether or not Zendesk escapes
 * too). `'zendesk-escapes'`: plain `"{{ placeholder }}"`, relying on Zendesk to escape.
 */
export type PlaceholderEscaping = 'liquid-filters' | 'zendesk-escapes';

/**
 * The other C0 controls (NUL, vertical tab, form feed, ESC, …): JSON forbids them raw inside a
 * string, so each is captured from the template text and replaced by its `\u00XX` escape. Tab,
 * LF and CR have their own short escapes above. Everything from U+007F up is valid in a JSON
 * string as it is (DEL, C1 controls, U+2028/2029, emoji, noncharacters).
 */
export const OTHER_CONTROLS: number[] = Array.from({ length: 0x20 }, (_, c) => c).filter(
  (c) => c !== 0x09 && c !== 0x0a && c !== 0x0d,
);

const hex = (c: number) => c.toString(16).padStart(2, '0');

/** Should Zendesk drop a control character from the stored body, its capture must not be ''. */
const CONTROL_CAPTURES = OTHER_CONTROLS.map(
  (c) =>
    `{% capture k4z_c${hex(c)} %}${String.fromCharCode(c)}{% endcapture %}` +
    `{% if k4z_c${hex(c)} == '' %}{% assign k4z_c${hex(c)} = '"""' %}{% endif %}` +
    `{% capture k4z_e${hex(c)} %}\\u00${hex(c)}{% endcapture %}`,
).join('');

const CONTROL_FILTERS = OTHER_CONTROLS.map(
  (c) => ` | replace: k4z_c${hex(c)}, k4z_e${hex(c)}`,
).join('');

/** Characters the escaping filters need, captured from plain text (no backslash in a literal). */
export const JSON_ESCAPE_CAPTURES = [
  '{% capture k4z_bs %}\\{% endcapture %}',
  '{% capture k4z_bs2 %}\\\\{% endcapture %}',
  '{% capture k4z_q %}"{% endcapture %}',
  '{% capture k4z_bq %}\\"{% endcapture %}',
  '{% capture k4z_nl %}\\n{% endcapture %}',
  '{% capture k4z_tab %}\t{% endcapture %}',
  '{% capture k4z_cr %}\r{% endcapture %}',
  // Should the stored body lose that CR, replacing '' would garble every value: use a text that
  // never occurs once quotes are escaped instead.
  `{% if k4z_cr == '' %}{% assign k4z_cr = '"""' %}{% endif %}`,
  '{% capture k4z_t %}\\t{% endcapture %}',
  CONTROL_CAPTURES,
].join('');

/** `strip_newlines` removes CR only before LF: a lone CR left over becomes a new line too. */
export const JSON_ESCAPE_FILTERS =
  " | replace: k4z_bs, k4z_bs2 | replace: k4z_q, k4z_bq | newline_to_br | strip_newlines | replace: k4z_cr, k4z_nl | replace: '<br />', k4z_nl | replace: k4z_tab, k4z_t" +
  CONTROL_FILTERS;

/** A JSON string value `"…"` holding a Liquid expression, escaped according to the switch. */
export function jsonString(expression: string, escaping: PlaceholderEscaping): string {
  return escaping === 'zendesk-escapes'
    ? `"{{${expression}}}"`
    : `"{{${expression}${JSON_ESCAPE_FILTERS}}}"`;
}

/** Static text placed in the template: JSON-escaped, and unable to open a Liquid tag. */
export function jsonLiteral(text: string): string {
  return JSON.stringify(text.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')));
}

/**
 * Requester identifiers as `"attributes": {…}`: email when present, phone when it is plausibly
 * E.164 after cleaning. `both` sends each it has (the metrics); `phone-else-email` sends the phone
 * alone when there is one (a reply is a text, and the phone is where it goes).
 */
export function requesterIdentifiers(
  escaping: PlaceholderEscaping,
  which: 'both' | 'phone-else-email' = 'both',
): string {
  const digitsRemoved = ['+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
    .map((d) => ` | remove: '${d}'`)
    .join('');
  return [
    '{% assign k4z_email = ticket.requester.email | strip %}',
    '{% assign k4z_has_email = false %}',
    "{% if k4z_email != '' %}{% assign k4z_has_email = true %}{% endif %}",
    "{% assign k4z_phone = ticket.requester.phone | remove: ' ' | remove: '-' | remove: '(' | remove: ')' | remove: '.' | remove: '/' %}",
    "{% assign k4z_phone = k4z_phone | downcase | split: 'x' | first | split: 'e' | first | split: '#' | first | split: ',' | first %}",
    '{% assign k4z_plus = k4z_phone | slice: 0 %}',
    `{% assign k4z_rest = k4z_phone${digitsRemoved} %}`,
    '{% assign k4z_has_phone = false %}',
    "{% if k4z_plus == '+' and k4z_rest == '' and k4z_phone.size > 7 and k4z_phone.size < 17 %}{% assign k4z_has_phone = true %}{% endif %}",
    // A space always separates a JSON brace from a Liquid tag: `{{%` would read as an output.
    which === 'phone-else-email'
      ? '{% if k4z_has_phone %}{% assign k4z_has_email = false %}{% endif %}'
      : '',
    '"attributes": { ',
    `{% if k4z_has_email %}"email": ${jsonString('k4z_email', escaping)}{% endif %}`,
    '{% if k4z_has_email and k4z_has_phone %}, {% endif %}',
    `{% if k4z_has_phone %}"phone_number": ${jsonString('k4z_phone', escaping)}{% endif %}`,
    ' }',
  ].join('');
}
