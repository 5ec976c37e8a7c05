import { detectCoexistence, RECENT_DAYS, type MetricSeen } from '../../../src/provision';

const NOW = new Date('2026-12-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

function metric(over: Partial<MetricSeen>): MetricSeen {
  return {
    id: 'm',
    name: 'Opened Ticket',
    integrationName: 'Zendesk',
    integrationKey: 'zendesk',
    latestEventAt: null,
    ...over,
  };
}

describe("detecting Klaviyo's own Zendesk integration", () => {
  it('is absent when no metric belongs to the Zendesk integration', () => {
    expect(
      detectCoexistence(
        [metric({ integrationName: 'API', integrationKey: 'api', latestEventAt: daysAgo(0) })],
        NOW,
      ),
    ).toEqual({ state: 'absent' });
  });

  it('does not mistake our own API metrics with the same names for it', () => {
    const ours = ['Opened Ticket', 'Resolved Ticket', 'Zendesk Agent Reply'].map((name) =>
      metric({ name, integrationName: 'API', integrationKey: 'api', latestEventAt: daysAgo(1) }),
    );
    expect(detectCoexistence(ours, NOW).state).toBe('absent');
  });

  it('is active when one of its metrics received an event recently', () => {
    expect(
      detectCoexistence(
        [
          metric({ id: 'a', name: 'Resolved Ticket', latestEventAt: daysAgo(40) }),
          metric({ id: 'b', name: 'Opened Ticket', latestEventAt: daysAgo(2) }),
        ],
        NOW,
      ),
    ).toEqual({
      state: 'active',
      metrics: ['Opened Ticket', 'Resolved Ticket'],
      lastEventAt: daysAgo(2),
    });
  });

  it('is dormant when its metrics exist but have been quiet for longer than the window', () => {
    expect(detectCoexistence([metric({ latestEventAt: daysAgo(RECENT_DAYS + 1) })], NOW)).toEqual({
      state: 'dormant',
      metrics: ['Opened Ticket'],
      lastEventAt: daysAgo(RECENT_DAYS + 1),
    });
  });

  it('is dormant, not active, when no event time could be read', () => {
    expect(detectCoexistence([metric({ latestEventAt: 'not a date' })], NOW)).toEqual({
      state: 'dormant',
      metrics: ['Opened Ticket'],
      lastEventAt: null,
    });
  });

  it('recognises the integration by its key alone, whatever the case', () => {
    expect(
      detectCoexistence(
        [metric({ integrationName: null, integrationKey: 'ZenDesk', latestEventAt: daysAgo(0) })],
        NOW,
      ).state,
    ).toBe('active');
  });
});
