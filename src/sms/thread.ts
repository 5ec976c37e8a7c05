/**
 * The SMS thread, built from a profile's Klaviyo events.
 *
 * Klaviyo names SMS metrics from the profile's side: `Sent SMS` is the customer's text to us
 * (inbound, 'received'); `Received SMS` is our text as delivered to them (outbound, 'delivered');
 * `Failed to Deliver SMS` is our text that did not arrive (outbound, 'failed'). Klaviyo's automated
 * replies have their own `… Automated Response SMS` metrics and are shown as ours too. Other events
 * are not SMS and are ignored here (see `isSmsEvent` to split them off for the activity feed).
 *
 * Which property holds the text is not documented. Exports of real accounts show the outbound body
 * under `$extra` → `Message Body`; other integrations use other names. So: the configured property
 * first (`sms_text_property`; a dotted path such as `$extra.Message Body` reaches inside objects),
 * then SMS_TEXT_PROPERTY_CANDIDATES in order, then the same names ignoring case; numbers are shown as
 * text; empty strings, objects, arrays and booleans are not text. No text → `text: null`, which the
 * UI shows as "text not available". Text is trimmed at the ends and otherwise kept whole.
 */
import type { AttributionNames, KlaviyoEvent } from '../klaviyo';
import type { MessageDirection, MessageStatus, ThreadMessage } from './model';

export interface BuildThreadOptions {
  /** The admin's `sms_text_property` setting, tried before the known candidates. */
  textProperty?: string | null;
  /** How many of the newest messages to keep (default 50). */
  limit?: number;
  /** Names of the campaigns and flows inbound texts answer (`klaviyo.getAttributionNames`). */
  attributionNames?: AttributionNames | null;
}

export const DEFAULT_THREAD_LIMIT = 50;

const METRICS: Record<string, { direction: MessageDirection; status: MessageStatus }> = {
  'sent sms': { direction: 'inbound', status: 'received' },
  'received sms': { direction: 'outbound', status: 'delivered' },
  'failed to deliver sms': { direction: 'outbound', status: 'failed' },
  'received automated response sms': { direction: 'outbound', status: 'delivered' },
  'failed to deliver automated response sms': { direction: 'outbound', status: 'failed' },
};

/** Metric names that make up the thread (as Klaviyo spells them). */
export const SMS_METRIC_NAMES: readonly string[] = [
  'Sent SMS',
  'Received SMS',
  'Failed to Deliver SMS',
  'Received Automated Response SMS',
  'Failed to deliver Automated Response SMS',
];

/**
 * Where SMS text has been seen or is likely, most specific first. A dotted name reaches inside an
 * object property (`$extra.Message Body` is `properties.$extra["Message Body"]`). `$message` is NOT
 * a candidate: Klaviyo uses it for the message's id.
 */
export const SMS_TEXT_PROPERTY_CANDIDATES: readonly string[] = [
  'Message Body',
  '$extra.Message Body',
  '$message_body',
  'message_body',
  'SMS Body',
  'SMS Text',
  'Message Text',
  'Body',
  'body',
  'Text',
  'text',
  'Message',
  'message',
  'Content',
  'content',
  '$extra.Body',
  '$extra.Text',
];

const MEDIA_PROPERTIES: readonly string[] = [
  'Media URL',
  'Media URLs',
  '$media_url',
  '$media_urls',
  'Image URL',
  '$image_url',
  'MediaUrl0',
  'Media',
  'Image',
  'Has Media',
  'NumMedia',
  'Num Media',
  '$extra.Media URL',
  '$extra.Image URL',
];

const FAILURE_PROPERTIES: readonly string[] = [
  'Failure Type',
  'Failure Reason',
  '$failure_reason',
  'Reason',
  'Error Message',
  'Error',
  'Vendor Error Code',
  'Failure Source',
];

type Props = Record<string, unknown>;

function isPlainObject(value: unknown): value is Props {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Property by exact key, else by a dotted path into nested objects (keys may contain dots). */
export function propertyAt(properties: unknown, path: string): unknown {
  if (!isPlainObject(properties) || path === '') return undefined;
  if (Object.prototype.hasOwnProperty.call(properties, path)) return properties[path];
  for (let i = path.indexOf('.'); i > 0; i = path.indexOf('.', i + 1)) {
    const head = path.slice(0, i);
    if (Object.prototype.hasOwnProperty.call(properties, head) && isPlainObject(properties[head])) {
      const found = propertyAt(properties[head], path.slice(i + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A string (trimmed, non-empty) or a finite number as text; anything else is null. */
function asText(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function firstText(properties: Props, names: readonly string[]): string | null {
  for (const name of names) {
    const text = asText(propertyAt(properties, name));
    if (text !== null) return text;
  }
  return null;
}

/** Same as firstText, but compares top-level keys without regard to case or outer spaces. */
function firstTextIgnoringCase(properties: Props, names: readonly string[]): string | null {
  const byLower = new Map<string, unknown>();
  for (const [key, value] of Object.entries(properties)) {
    const lower = key.trim().toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, value);
  }
  for (const name of names) {
    const text = asText(byLower.get(name.trim().toLowerCase()));
    if (text !== null) return text;
  }
  return null;
}

/** The SMS text in an event's properties, or null when no known property holds it. */
export function smsText(properties: unknown, textProperty?: string | null): string | null {
  if (!isPlainObject(properties)) return null;
  const configured = typeof textProperty === 'string' ? textProperty.trim() : '';
  const names = configured
    ? [configured, ...SMS_TEXT_PROPERTY_CANDIDATES]
    : SMS_TEXT_PROPERTY_CANDIDATES;
  return firstText(properties, names) ?? firstTextIgnoringCase(properties, names);
}

function present(value: unknown): boolean {
  if (typeof value === 'string')
    return value.trim() !== '' && value.trim().toLowerCase() !== 'false';
  if (typeof value === 'number') return Number.isFinite(value) && value > 0;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return false;
}

function hasMedia(properties: Props): boolean {
  const format = asText(
    propertyAt(properties, 'Message Format') ?? propertyAt(properties, '$extra.Message Format'),
  );
  if (format !== null && format.toUpperCase() === 'MMS') return true;
  return MEDIA_PROPERTIES.some((name) => present(propertyAt(properties, name)));
}

function sourceOf(properties: Props): ThreadMessage['source'] {
  const pick = (...names: string[]) => firstText(properties, names);
  const type = (pick('Message Type', '$message_type') ?? '').toLowerCase();
  const flowName = pick('Flow Name', '$flow_name');
  const flowId = pick('$flow', 'Flow ID', '$flow_id');
  const campaignName = pick('Campaign Name', '$campaign_name');
  const campaignId = pick('$campaign', 'Campaign ID', '$campaign_id');
  const messageName = pick('Message Name', '$message_name');
  if (flowName || flowId || type.includes('flow')) {
    return { type: 'flow', name: flowName ?? messageName ?? campaignName ?? '' };
  }
  if (campaignName || campaignId || type.includes('campaign')) {
    return { type: 'campaign', name: campaignName ?? messageName ?? '' };
  }
  return null;
}

function kindOf(
  event: KlaviyoEvent,
): { direction: MessageDirection; status: MessageStatus } | null {
  const name = typeof event?.metricName === 'string' ? event.metricName.trim().toLowerCase() : '';
  return METRICS[name] ?? null;
}

/** Is this one of the SMS metrics that make up the thread? */
export function isSmsEvent(event: KlaviyoEvent): boolean {
  return kindOf(event) !== null;
}

function timeOf(datetime: string): number {
  const t = Date.parse(datetime);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

function byTime(a: ThreadMessage, b: ThreadMessage): number {
  const ta = timeOf(a.datetime);
  const tb = timeOf(b.datetime);
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

/**
 * What an inbound text answers: the attributed campaign or flow, named from `names`, else from the
 * answered message itself when it is among `byId`; null when unattributed or nameless.
 */
function repliesToOf(
  event: KlaviyoEvent,
  names: AttributionNames | null | undefined,
  byId: ReadonlyMap<string, KlaviyoEvent>,
): ThreadMessage['repliesTo'] {
  const a = event.attribution;
  if (!a) return null;
  const answered = a.attributedEventId ? byId.get(a.attributedEventId) : undefined;
  const own = answered && isPlainObject(answered.properties) ? sourceOf(answered.properties) : null;
  const named = (type: 'campaign' | 'flow', id: string | null) => {
    const name =
      (id && (type === 'campaign' ? names?.campaigns[id] : names?.flows[id])) ||
      (own?.type === type ? own.name : '');
    return name ? { type, name } : null;
  };
  return (
    (a.campaignId ? named('campaign', a.campaignId) : null) ??
    (a.flowId ? named('flow', a.flowId) : null)
  );
}

function toMessage(
  event: KlaviyoEvent,
  options: BuildThreadOptions,
  byId: ReadonlyMap<string, KlaviyoEvent>,
): ThreadMessage | null {
  const kind = kindOf(event);
  if (!kind || typeof event.id !== 'string') return null;
  const properties: Props = isPlainObject(event.properties) ? event.properties : {};
  const textProperty = options.textProperty;
  return {
    id: event.id,
    direction: kind.direction,
    text: smsText(properties, textProperty),
    datetime: typeof event.datetime === 'string' ? event.datetime : '',
    status: kind.status,
    source: kind.direction === 'outbound' ? sourceOf(properties) : null,
    hasMedia: hasMedia(properties),
    failureReason: kind.status === 'failed' ? firstText(properties, FAILURE_PROPERTIES) : null,
    repliesTo:
      kind.direction === 'inbound' ? repliesToOf(event, options.attributionNames, byId) : null,
  };
}

/**
 * The newest `limit` SMS messages among `events` (any order, any mix of metrics), oldest first.
 * Duplicate event ids are shown once.
 */
export function buildThread(
  events: KlaviyoEvent[],
  options: BuildThreadOptions = {},
): ThreadMessage[] {
  const limit =
    typeof options.limit === 'number' && options.limit >= 0
      ? Math.floor(options.limit)
      : DEFAULT_THREAD_LIMIT;
  const seen = new Set<string>();
  const messages: ThreadMessage[] = [];
  const list = Array.isArray(events) ? events : [];
  const byId = new Map(list.filter((e) => e && typeof e.id === 'string').map((e) => [e.id, e]));
  for (const event of list) {
    const message = event ? toMessage(event, options, byId) : null;
    if (!message || seen.has(message.id)) continue;
    seen.add(message.id);
    messages.push(message);
  }
  messages.sort(byTime);
  return messages.slice(Math.max(0, messages.length - limit));
}

/**
 * The composer's own copy of a text it sends (keyed by the idempotency key), shown in the thread
 * while Klaviyo has not reported it yet: `pending` until Klaviyo accepts it, then `sent`.
 */
export function localOutboundMessage(
  key: string,
  text: string,
  datetime: string,
  status: 'pending' | 'sent',
): ThreadMessage {
  return {
    id: key,
    direction: 'outbound',
    text,
    datetime,
    status,
    source: null,
    hasMedia: false,
    failureReason: null,
  };
}

export interface MergeOptions {
  /** How long after the send a `Received SMS` event may still be this message (default 30 min). */
  windowMs?: number;
  /** How much earlier than the local send time an event may be stamped (clock skew; default 2 min). */
  skewMs?: number;
}

/** Text as compared for matching: Unicode NFC, whitespace runs collapsed, ends trimmed. */
export function normaliseSmsText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The thread plus the composer's local messages (pending, sent or failed), oldest first. A local
 * message disappears when an outbound event (`Received SMS`, or `Failed to Deliver SMS`) arrives
 * that is the same message: same normalised text (or Klaviyo's text starting with ours, in case a
 * footer was added), stamped from `skewMs` before to `windowMs` after the local send time. When the
 * event's text is unknown (no text property found), a non-campaign, non-flow outbound event in the
 * window matches instead, so a message is not shown twice. Each event replaces at most one local
 * message, the earliest first, so sending the same text twice needs two events.
 */
export function mergeLocalMessages(
  thread: ThreadMessage[],
  local: ThreadMessage[],
  options: MergeOptions = {},
): ThreadMessage[] {
  const windowMs = options.windowMs ?? 30 * 60_000;
  const skewMs = options.skewMs ?? 2 * 60_000;
  const events = thread
    .filter(
      (m) => m.direction === 'outbound' && (m.status === 'delivered' || m.status === 'failed'),
    )
    .slice()
    .sort(byTime);
  const threadIds = new Set(thread.map((m) => m.id));
  const pendingLocals = local
    .filter((m) => !threadIds.has(m.id))
    .slice()
    .sort(byTime);
  const used = new Set<string>();
  const replaced = new Set<ThreadMessage>();

  const inWindow = (event: ThreadMessage, mine: ThreadMessage) => {
    const sentAt = timeOf(mine.datetime);
    const at = timeOf(event.datetime);
    return at >= sentAt - skewMs && at <= sentAt + windowMs;
  };
  const pass = (matches: (event: ThreadMessage, mine: ThreadMessage) => boolean) => {
    for (const mine of pendingLocals) {
      if (replaced.has(mine)) continue;
      const event = events.find((e) => !used.has(e.id) && inWindow(e, mine) && matches(e, mine));
      if (event) {
        used.add(event.id);
        replaced.add(mine);
      }
    }
  };
  const textOf = (m: ThreadMessage) => (m.text === null ? null : normaliseSmsText(m.text));

  pass((e, mine) => textOf(mine) !== null && textOf(e) === textOf(mine));
  pass((e, mine) => {
    const ours = textOf(mine);
    const theirs = textOf(e);
    return ours !== null && ours !== '' && theirs !== null && theirs.startsWith(ours);
  });
  pass((e) => e.text === null && e.source === null);

  const kept = pendingLocals.filter((m) => !replaced.has(m));
  return [...thread, ...kept].sort(byTime);
}
