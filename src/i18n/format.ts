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

export function createFormatters(locale: string): Formatters {
  const safe = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'en';
  const rtf = new Intl.RelativeTimeFormat(safe, { numeric: 'auto' });
  return {
    dateTime: (v, o = { dateStyle: 'medium', timeStyle: 'short' }) =>
      new Intl.DateTimeFormat(safe, o).format(toDate(v)),
    date: (v) => new Intl.DateTimeFormat(safe, { dateStyle: 'medium' }).format(toDate(v)),
    time: (v, timeZone) =>
      new Intl.DateTimeFormat(safe, {
        timeStyle: 'short',
        ...(timeZone ? { timeZone } : {}),
      }).format(toDate(v)),
    number: (v, o) => new Intl.NumberFormat(safe, o).format(v),
    currency: (v, currency) => {
      try {
        return new Intl.NumberFormat(safe, { style: 'currency', currency }).format(v);
      } catch {
        return `${new Intl.NumberFormat(safe).format(v)} ${currency}`;
      }
    },
    percent: (v) =>
      new Intl.NumberFormat(safe, { style: 'percent', maximumFractionDigits: 0 }).format(v),
    relative: (v, now = Date.now()) => {
      const seconds = Math.round((toDate(v).getTime() - now) / 1000);
      for (const [unit, size] of UNITS) {
        if (Math.abs(seconds) >= size || unit === 'second')
          return rtf.format(Math.round(seconds / size), unit);
      }
      return rtf.format(0, 'second');
    },
  };
}
