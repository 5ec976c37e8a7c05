/**
 * THE SWITCH for a known unknown: Zendesk does not document whether it JSON-escapes placeholder
 * values inside a webhook's JSON body (a subject with a quote, a description with new lines).
 *
 * - `'liquid-filters'` (default): the body escapes every free-text value itself with standard
 *   Liquid filters (backslash, quote, new line, tab). Valid JSON if Zendesk does not escape; still
 *   valid JSON if it does (values then carry extra backslashes). Safe either way.
 * - `'zendesk-escapes'`: the body writes plain `"{{ticket.title}}"` and relies on Zendesk escaping
 *   the value. Cleaner text, but a quote or new line breaks the JSON if Zendesk does not escape.
 *
 * Flip it here, build, and save the setup page once: provisioning sees the changed body as drift
 * and updates both triggers. tests/unit/metrics/event-body.test.ts renders both ways.
 */
import type { PlaceholderEscaping } from '../zendesk/liquid-json';

export type { PlaceholderEscaping } from '../zendesk/liquid-json';

export const PLACEHOLDER_ESCAPING: PlaceholderEscaping = 'liquid-filters';
