import { clip, keyProperties, orderFromEvent, type KlaviyoEvent } from '../../../src/klaviyo';

const event = (metricName: string | null, properties: Record<string, unknown>): KlaviyoEvent => ({
  id: 'ev1',
  metricId: 'm1',
  metricName,
  datetime: '2026-11-30T10:00:00Z',
  properties,
  attribution: null,
});

describe('the key properties under an event', () => {
  it('shows the metric’s preferred properties, in order, with $value named Value', () => {
    expect(
      keyProperties(
        event('Placed Order', { ItemNames: ['Mug', 'Tee'], $value: 42.5, Secret: 'x' }),
      ),
    ).toEqual([
      ['ItemNames', 'Mug, Tee'],
      ['Value', '42.5'],
    ]);
  });

  it('falls back to the first plain values, skipping $-properties, objects and blanks', () => {
    expect(
      keyProperties(
        event('Custom Thing', {
          $event_id: 'abc',
          Nested: { a: 1 },
          Blank: '  ',
          Colour: 'red',
          Size: 10,
          Gift: false,
          Extra: 'not shown, over the limit',
        }),
      ),
    ).toEqual([
      ['Colour', 'red'],
      ['Size', '10'],
      ['Gift', 'false'],
    ]);
  });

  it('clips an absurdly long value so one event cannot make the sidebar huge', () => {
    const shown =
      keyProperties(event('Opened Email', { Subject: 'x'.repeat(5_000) }))[0]?.[1] ?? '';
    expect(Array.from(shown)).toHaveLength(201);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('shows nothing for an event without properties', () => {
    expect(keyProperties(event('Opened Email', {}))).toEqual([]);
  });
});

describe('an order from a Placed Order event', () => {
  it('reads value, currency and item names', () => {
    expect(
      orderFromEvent(
        event('Placed Order', { $value: '19.90', $currency_code: 'eur', ItemNames: ['Mug', ''] }),
      ),
    ).toMatchObject({ value: 19.9, currency: 'EUR', items: ['Mug'], itemCount: 1 });
  });

  it('reads Items objects with quantities, and refuses a currency that is not an ISO code', () => {
    expect(
      orderFromEvent(
        event('Placed Order', {
          value: 5,
          Currency: 'dollars',
          Items: [{ ProductName: 'Sock', Quantity: 3 }, { Name: 'Hat', Quantity: 1 }, 7, 'Scarf'],
        }),
      ),
    ).toMatchObject({
      value: 5,
      currency: null,
      items: ['Sock × 3', 'Hat', 'Scarf'],
      itemCount: 3,
    });
  });

  it('says it does not know the value or the items rather than guessing', () => {
    expect(orderFromEvent(event('Placed Order', { $value: 'n/a' }))).toMatchObject({
      value: null,
      items: [],
      itemCount: null,
    });
  });
});

describe('clip', () => {
  it('counts code points, so an emoji is never cut in half', () => {
    expect(clip('😀😀😀', 2)).toBe('😀😀…');
    expect(clip('short', 10)).toBe('short');
  });
});
