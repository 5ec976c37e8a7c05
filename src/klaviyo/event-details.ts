/**
 * What the sidebar shows of an event: a few key properties by metric, and a `Placed Order` as an
 * order (value, currency, items). Pure; Klaviyo's properties are untrusted and of any shape.
 */
import { clip } from './clip';
import type { KlaviyoEvent } from './model';

export const PLACED_ORDER = 'Placed Order';

type Scalar = string | number | boolean;

function scalar(value: unknown): value is Scalar {
  return (
    (typeof value === 'string' && value.trim() !== '') ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean'
  );
}

function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Properties worth a line under each metric; others fall back to the first plain values. */
const PREFERRED: Record<string, string[]> = {
  'Opened Email': ['Subject', 'Campaign Name'],
  'Clicked Email': ['Subject', 'URL'],
  'Received Email': ['Subject', 'Campaign Name'],
  'Viewed Product': ['ProductName', 'Name', 'Price'],
  'Added to Cart': ['AddedItemProductName', 'ProductName', 'AddedItemPrice'],
  'Started Checkout': ['ItemNames', '$value'],
  'Placed Order': ['ItemNames', '$value'],
  'Ordered Product': ['ProductName', 'Quantity', '$value'],
  'Active on Site': ['page', 'URL'],
};

/** Up to `max` `[name, text]` pairs from an event's properties, plain values only. */
export function keyProperties(event: KlaviyoEvent, max = 3): Array<[string, string]> {
  const props = event.properties ?? {};
  const shown = (value: unknown): string | null => {
    if (scalar(value)) return String(value);
    if (Array.isArray(value)) {
      const parts = value.filter(scalar).map(String);
      return parts.length ? parts.join(', ') : null;
    }
    return null;
  };
  const out: Array<[string, string]> = [];
  const preferred = PREFERRED[event.metricName ?? ''] ?? [];
  for (const key of preferred) {
    const value = shown(props[key]);
    if (value !== null) out.push([key === '$value' ? 'Value' : key, clip(value)]);
  }
  if (out.length === 0) {
    for (const [key, raw] of Object.entries(props)) {
      if (key.startsWith('$') || out.length >= max) continue;
      const value = shown(raw);
      if (value !== null) out.push([clip(key, 60), clip(value)]);
    }
  }
  return out.slice(0, max);
}

export interface OrderSummary {
  id: string;
  datetime: string;
  value: number | null;
  /** ISO 4217 code from the event, when it says. */
  currency: string | null;
  items: string[];
  itemCount: number | null;
}

/** A `Placed Order` event as the orders section shows it. */
export function orderFromEvent(event: KlaviyoEvent): OrderSummary {
  const p = event.properties ?? {};
  const currencyRaw = str(p['$currency_code']) ?? str(p['Currency']) ?? str(p['currency']);
  const currency =
    currencyRaw && /^[A-Za-z]{3}$/.test(currencyRaw) ? currencyRaw.toUpperCase() : null;
  let items: string[] = [];
  if (Array.isArray(p['ItemNames'])) {
    items = (p['ItemNames'] as unknown[])
      .map(str)
      .filter((s): s is string => s !== null)
      .map((s) => clip(s, 120));
  } else if (Array.isArray(p['Items'])) {
    items = (p['Items'] as unknown[])
      .map((item) => {
        if (typeof item === 'string') return str(item) && clip(str(item)!, 120);
        if (item && typeof item === 'object') {
          const o = item as Record<string, unknown>;
          const name = str(o['ProductName']) ?? str(o['Name']) ?? str(o['name']);
          const qty = num(o['Quantity']);
          const shown = name && clip(name, 120);
          return shown && qty && qty > 1 ? `${shown} × ${qty}` : shown;
        }
        return null;
      })
      .filter((s): s is string => s !== null);
  }
  return {
    id: event.id,
    datetime: event.datetime,
    value: num(p['$value']) ?? num(p['value']),
    currency,
    items,
    itemCount: items.length || null,
  };
}
