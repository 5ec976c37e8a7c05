import { invocationMeaning, invocationRows } from '../../../src/metrics/health';

describe('what a webhook invocation means for the admin', () => {
  it.each([
    [202, 'accepted'],
    [200, 'accepted'],
    [400, 'body-rejected'],
    [401, 'bad-key'],
    [403, 'missing-scope'],
    [429, 'throttled'],
    [500, 'klaviyo-down'],
    [503, 'klaviyo-down'],
    [0, 'unreachable'],
    [null, 'unreachable'],
    [404, 'other'],
  ] as const)('status %p means %s', (status, meaning) => {
    expect(invocationMeaning(status)).toBe(meaning);
  });

  it('lists the newest first and marks only accepted ones as fine', () => {
    const rows = invocationRows([
      {
        id: 'a',
        latest_completed_at: '2026-11-21T04:00:00Z',
        status: 'success',
        latest_status_code: 202,
      },
      {
        id: 'b',
        latest_completed_at: '2026-11-21T05:00:00Z',
        status: 'failed',
        latest_status_code: 429,
      },
    ]);
    expect(rows.map((r) => [r.id, r.ok])).toEqual([
      ['b', false],
      ['a', true],
    ]);
  });
});
