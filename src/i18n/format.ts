/** Intl formatting in the agent's locale. Pure functions; the React layer memoises them. */

export interface Formatters {
  dateTime(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  date(value: Date | string | number): string;
  time(value: Date | string | number, timeZone?: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  currency(value: number, currency: string): string;
  percent(value: number): string;
  relative(value: Date | string | number, now?: number): string;
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * Intl formatters are costly to build (tens of microseconds each) and a 50-message thread formats
 * 50 dates: each formatter is built once per locale and options, then reused.
 */
function memo<F>(build: (options: object) => F): (options: object) => F {
  const cache = new Map<string, F>();
  return (options) => {
    const key = JSON.stringify(options);
    let formatter = cache.get(key);
    if (!formatter) {
      formatter = build(options);
      cache.set(key, formatter);
    }
    return formatter;
  };
}

export function createFormatters(locale: string): Formatters {
  const safe = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'en';
  const rtf = new Intl.RelativeTimeFormat(safe, { numeric: 'auto' });
  const dtf = memo((o) => new Intl.DateTimeFormat(safe, o as Intl.DateTimeFormatOptions));
  const nf = memo((o) => new Intl.NumberFormat(safe, o as Intl.NumberFormatOptions));
  return {
    dateTime: (v, o = { dateStyle: 'medium', timeStyle: 'short' }) => dtf(o).format(toDate(v)),
    date: (v) => dtf({ dateStyle: 'medium' }).format(toDate(v)),
    time: (v, timeZone) =>
      dtf({ timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(toDate(v)),
    number: (v, o) => nf(o ?? {}).format(v),
    currency: (v, currency) => {
      try {
        return nf({ style: 'currency', currency }).format(v);
      } catch {
        return `${nf({}).format(v)} ${currency}`;
      }
    },
    percent: (v) => nf({ style: 'percent', maximumFractionDigits: 0 }).format(v),
    relative: (v, now = Date.now()) => {
      const seconds = Math.round((toDate(v).getTime() - now) / 1000);
      for (const [unit, size] of UNITS) {
        if (Math.abs(seconds) >= size || unit === 'second') {
          return rtf.format(Math.round(seconds / size), unit);
        }
      }
      return rtf.format(0, 'second');
    },
  };
}
