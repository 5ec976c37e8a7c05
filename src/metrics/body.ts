/**
 * The Liquid template Zendesk renders into each webhook request: one Klaviyo event
 * (EventCreateQueryV2) per ticket and metric. Zendesk's Liquid and liquidjs differ on backslashes
 * inside quoted filter arguments, so the template never writes one there: the characters it
 * needs are captured from plain template text first (`{% capture %}`), which both read alike.
 */
import { PLACEHOLDER_ESCAPING, type PlaceholderEscaping } from './escaping';

export type TicketMetric = 'Opened Ticket' | 'Resolved Ticket';

/** A custom ticket field to carry in the `Fields` property. */
export interface CustomFieldRef {
  id: number;
  title: string;
  /** Zendesk field type: `tagger` (drop-down) sends the option's title, not its tag. */
  type: string;
}

export interface EventBodyOptions {
  escaping?: PlaceholderEscaping;
  customFields?: CustomFieldRef[];
}

/** How many characters of the description to send (Klaviyo allows 100 KB per string). */
export const DESCRIPTION_LIMIT = 4000;
/** At most this many custom fields go into `Fields`. */
export const CUSTOM_FIELD_LIMIT = 50;

const UNIQUE_SUFFIX: Record<TicketMetric, string> = {
  'Opened Ticket': 'opened',
  'Resolved Ticket': 'resolved',
};

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
const CAPTURES = [
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
const ESCAPE_FILTERS =
  " | replace: k4z_bs, k4z_bs2 | replace: k4z_q, k4z_bq | newline_to_br | strip_newlines | replace: k4z_cr, k4z_nl | replace: '<br />', k4z_nl | replace: k4z_tab, k4z_t" +
  CONTROL_FILTERS;

/** A JSON string value `"…"` holding a Liquid expression, escaped according to the switch. */
function str(expression: string, escaping: PlaceholderEscaping): string {
  return escaping === 'zendesk-escapes'
    ? `"{{${expression}}}"`
    : `"{{${expression}${ESCAPE_FILTERS}}}"`;
}

/** Static text placed in the template: JSON-escaped, and unable to open a Liquid tag. */
function literal(text: string): string {
  return JSON.stringify(text.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')));
}

function fieldExpression(field: CustomFieldRef): string {
  return field.type === 'tagger'
    ? `ticket.ticket_field_option_title_${field.id}`
    : `ticket.ticket_field_${field.id}`;
}

/** Requester identifiers: email when present, phone when it is plausibly E.164 after cleaning. */
function identifiers(escaping: PlaceholderEscaping): string {
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
    '"attributes": { ',
    `{% if k4z_has_email %}"email": ${str('k4z_email', escaping)}{% endif %}`,
    '{% if k4z_has_email and k4z_has_phone %}, {% endif %}',
    `{% if k4z_has_phone %}"phone_number": ${str('k4z_phone', escaping)}{% endif %}`,
    ' }',
  ].join('');
}

function tags(escaping: PlaceholderEscaping): string {
  return [
    "{% assign k4z_tags = ticket.tags | split: ' ' %}",
    "{% assign k4z_sep = '' %}",
    '[',
    "{% for k4z_tag in k4z_tags %}{% if k4z_tag != '' %}",
    `{{k4z_sep}}${str('k4z_tag', escaping)}{% assign k4z_sep = ', ' %}`,
    '{% endif %}{% endfor %}',
    ']',
  ].join('');
}

/**
 * The trigger's webhook body for one metric. Deterministic: the same options give the same text,
 * so provisioning can compare it with what Zendesk holds.
 */
export function buildEventBody(metric: TicketMetric, options: EventBodyOptions = {}): string {
  const escaping = options.escaping ?? PLACEHOLDER_ESCAPING;
  const s = (e: string) => str(e, escaping);
  const seen = new Set<string>();
  const fields = (options.customFields ?? []).slice(0, CUSTOM_FIELD_LIMIT).map((f) => {
    // Two fields with one title would make a duplicate JSON key: the second gets its id.
    const key = seen.has(f.title) ? `${f.title} (${f.id})` : f.title;
    seen.add(key);
    return `${literal(key)}: ${s(fieldExpression(f))}`;
  });
  const properties = [
    '"Ticket_id": {{ticket.id}}',
    `"Subject": ${s('ticket.title')}`,
    `"Description": ${s(`ticket.description | truncate: ${DESCRIPTION_LIMIT}`)}`,
    `"Status": ${s('ticket.status')}`,
    `"Priority": ${s('ticket.priority')}`,
    `"Type": ${s('ticket.ticket_type')}`,
    `"Channel": ${s('ticket.via')}`,
    '"Via": "Zendesk"',
    `"Brand": ${s('ticket.brand.name')}`,
    `"Group_name": ${s('ticket.group.name')}`,
    `"Assignee_name": ${s('ticket.assignee.name')}`,
    `"Assignee_email": ${s('ticket.assignee.email')}`,
    `"Tags": ${tags(escaping)}`,
    `"Fields": {${fields.join(', ')}}`,
    `"Zendesk_url": ${s('ticket.link')}`,
  ];
  return [
    escaping === 'liquid-filters' ? CAPTURES : '',
    '{"data": {"type": "event", "attributes": {\n',
    '"properties": {\n',
    properties.join(',\n'),
    '\n},\n',
    `"metric": {"data": {"type": "metric", "attributes": {"name": ${JSON.stringify(metric)}}}},\n`,
    '"profile": {"data": {"type": "profile", ',
    identifiers(escaping),
    ' }},\n',
    `"unique_id": "zendesk-{{ticket.id}}-${UNIQUE_SUFFIX[metric]}"\n`,
    '}}}',
  ].join('');
}
