import { createFormatters } from '../../../src/i18n/format';

const when = new Date('2026-03-05T14:07:00Z');

describe('formatters in the agent locale', () => {
  it('formats the same instant by the agent locale', () => {
    const en = createFormatters('en-US');
    const sv = createFormatters('sv-SE');
    expect(en.time(when, 'UTC')).toBe('2:07 PM');
    expect(sv.time(when, 'UTC')).toBe('14:07');
  });

  it('shows a time in the customer zone when one is given', () => {
    expect(createFormatters('en-US').time(when, 'Asia/Seoul')).toBe('11:07 PM');
  });

  it('formats money with the currency, and an unknown currency code as number plus code', () => {
    const f = createFormatters('en-US');
    expect(f.currency(1234.5, 'USD')).toBe('$1,234.50');
    expect(f.currency(12, 'NOT-A-CODE')).toBe('12 NOT-A-CODE');
  });

  it('says how long ago in words', () => {
    const f = createFormatters('en');
    const now = when.getTime();
    expect(f.relative(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(f.relative(now - 24 * 3600_000, now)).toBe('yesterday');
  });

  it('gives the same text on repeated calls (formatters are reused)', () => {
    const f = createFormatters('ko-KR');
    const first = f.dateTime(when);
    expect(f.dateTime(when)).toBe(first);
    expect(f.dateTime(when, { dateStyle: 'short' })).not.toBe(first);
  });

  it('falls back to English for a locale the browser does not know', () => {
    expect(createFormatters('xx-INVALID').percent(0.12)).toBe('12%');
  });
});
