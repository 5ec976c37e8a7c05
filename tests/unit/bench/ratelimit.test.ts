import { readFileSync } from 'node:fs';
import {
  defaultTeamModel,
  fallbackLimits,
  loadLimits,
  parseLimitsTable,
  poissonQuantile,
  requestsPerView,
  simulate,
  throttlePolicy,
  type TeamModel,
} from '../../../scripts/bench/ratelimit';
import { describeWithShared, sharedFile } from '../../support/shared';

const TABLE = `
Endpoints the app uses:

| operation | path | limit | scope |
|---|---|---|---|
| get_profiles | GET /api/profiles | 75/s, 750/m | profiles:read |
| get_events | GET /api/events | 350/s, 3500/m | events:read |
| create_event | POST /api/events | 350/s, 3500/m | events:write |
| get_conversations_for_profile | GET /api/profiles/{id}/conversations | 3/s, 60/m | conversations:read |
| create_conversation_message | POST /api/conversation-messages | 3/s, 60/m | conversations:write |
| broken_row | GET /api/x | lots | none |
`;

const parsed = parseLimitsTable(TABLE);
/** As the bench loads them: the table, plus the app's declared limits for what it lacks. */
const limits = loadLimits(TABLE).limits;

function model(overrides: Partial<TeamModel>): TeamModel {
  return { ...defaultTeamModel(50), ...overrides };
}

describe('Klaviyo limits table', () => {
  it('reads burst and steady limits per operation and skips rows it cannot read', () => {
    expect(parsed.map((l) => l.operationId)).toEqual([
      'get_profiles',
      'get_events',
      'create_event',
      'get_conversations_for_profile',
      'create_conversation_message',
    ]);
    expect(parsed[0]).toEqual({
      operationId: 'get_profiles',
      method: 'GET',
      path: '/api/profiles',
      burstPerSecond: 75,
      steadyPerMinute: 750,
    });
  });

  describeWithShared(['klaviyo-openapi/README.md'], 'the shared README table', () => {
    it('is the source of the limits', () => {
      const source = loadLimits(readFileSync(sharedFile('klaviyo-openapi/README.md'), 'utf8'));
      expect(source.source).toBe('readme');
      expect(source.limits.find((l) => l.operationId === 'get_profiles')?.steadyPerMinute).toBe(
        750,
      );
    });
  });

  it("adds the app's declared limit for an operation the table lacks, naming it", () => {
    const source = loadLimits(TABLE);
    expect(source.source).toBe('readme');
    // get_profile (GET /api/profiles/{id}: linked lookups and on-demand predictive analytics) has
    // its own limit in the spec, and the shared table does not list it.
    expect(source.limits.find((l) => l.operationId === 'get_profile')).toMatchObject({
      path: '/api/profiles/{id}',
      burstPerSecond: 75,
      steadyPerMinute: 750,
    });
    expect(source.note).toMatch(/get_profile\b/);
    expect(source.note).not.toMatch(/get_profiles/);
    // The table wins where it has a row.
    const custom = loadLimits(TABLE.replace('75/s, 750/m', '5/s, 50/m')).limits;
    expect(custom.find((l) => l.operationId === 'get_profiles')?.steadyPerMinute).toBe(50);
  });

  it('falls back to the limits the app declares, saying so, when the table is missing or unreadable', () => {
    for (const text of [null, '# nothing here']) {
      const source = loadLimits(text);
      expect(source.source).toBe('fallback');
      expect(source.note).toMatch(/src\/klaviyo\/operations\.ts/);
      expect(
        source.limits.find((l) => l.operationId === 'create_conversation_message'),
      ).toMatchObject({ burstPerSecond: 3, steadyPerMinute: 60 });
    }
    expect(fallbackLimits().length).toBeGreaterThanOrEqual(8);
  });
});

describe('requests per ticket view', () => {
  it('a cold view with no reply costs one profile lookup and one events page, no conversations', () => {
    const perView = requestsPerView(
      model({
        repeatShare: 0,
        secondLookupShare: 0,
        repliesPerView: 0,
        metricEventsPerNewTicket: 0,
      }),
    );
    expect(perView.get_profiles).toBe(1);
    expect(perView.get_events).toBe(1);
    expect(perView.get_conversations_for_profile ?? 0).toBe(0);
    expect(perView.create_conversation_message ?? 0).toBe(0);
  });

  it('revisits inside the fresh window cost nothing, revisits long after it cost a full view', () => {
    const soon = requestsPerView(
      model({ repeatShare: 1, meanRevisitGapMs: 1_000, repliesPerView: 0 }),
    );
    expect(soon.get_profiles).toBeLessThan(0.001);
    const late = requestsPerView(
      model({
        repeatShare: 1,
        meanRevisitGapMs: 10 * 3_600_000,
        repliesPerView: 0,
        secondLookupShare: 0,
      }),
    );
    expect(late.get_profiles).toBeGreaterThan(0.99);
  });

  it('predictive analytics cost one GET /api/profiles/{id} in the share of views that open them, never a profile search', () => {
    const base = { repeatShare: 0, secondLookupShare: 0, repliesPerView: 0 };
    const none = requestsPerView(model({ ...base, predictiveShare: 0 }));
    const some = requestsPerView(model({ ...base, predictiveShare: 0.25 }));
    expect(none.get_profile ?? 0).toBe(0);
    expect(some.get_profile).toBeCloseTo(0.25);
    expect(some.get_profiles).toBe(1);
    expect(none.get_profiles).toBe(1);
    expect(defaultTeamModel(10).predictiveShare).toBe(0.1);
  });

  it('an agent reopening predictions within the hour is served from the cache', () => {
    const soon = requestsPerView(
      model({ repeatShare: 1, meanRevisitGapMs: 3 * 60_000, predictiveShare: 1 }),
    );
    expect(soon.get_profile).toBeLessThan(0.001);
    const refetching = requestsPerView(
      model({ repeatShare: 1, revisitsRefetch: true, predictiveShare: 1 }),
    );
    expect(refetching.get_profile).toBeCloseTo(1);
  });

  it('flow-mode replies go to POST /api/events and never to the conversations endpoints', () => {
    const perView = requestsPerView(
      model({
        replyMode: 'flow',
        repliesPerView: 0.5,
        metricEventsPerNewTicket: 0,
        repeatShare: 0,
      }),
    );
    expect(perView.create_event).toBeCloseTo(0.5);
    expect(perView.create_conversation_message).toBeUndefined();
  });
});

describe('team simulation', () => {
  it('50 agents opening a ticket a minute stay within every limit', () => {
    const result = simulate(defaultTeamModel(50), limits);
    expect(result.withinLimits).toBe(true);
    expect(result.throttledShare).toBe(0);
    const profiles = result.endpoints.find((e) => e.operationId === 'get_profiles')!;
    expect(profiles.perMinute).toBeGreaterThan(30);
    expect(profiles.perMinute).toBeLessThan(60);
    expect(profiles.steadyHeadroomPct).toBeGreaterThan(90);
  });

  it('1000 agents exceed the profiles limit and the tight conversations limit, naming the share refused', () => {
    const result = simulate(defaultTeamModel(1000), limits);
    expect(result.withinLimits).toBe(false);
    const profiles = result.endpoints.find((e) => e.operationId === 'get_profiles')!;
    expect(profiles.perMinute).toBeGreaterThan(750);
    expect(profiles.steadyHeadroomPct).toBeLessThan(0);
    expect(result.throttledEndpoint).toMatch(/conversation/);
    expect(result.throttledShare).toBeCloseTo((200 - 60) / 200, 2);
  });

  it("1000 agents' on-demand predictions stay within get_profile's own limit", () => {
    const result = simulate(defaultTeamModel(1000), limits);
    const single = result.endpoints.find((e) => e.operationId === 'get_profile')!;
    expect(single.route).toBe('GET /api/profiles/{id}');
    expect(single.steadyLimitPerMinute).toBe(750);
    expect(single.perMinute).toBeGreaterThan(60);
    expect(single.perMinute).toBeLessThan(110);
    expect(single.withinLimits).toBe(true);
  });

  it('says how many agents each endpoint can serve', () => {
    const result = simulate(model({ agents: 10, repeatShare: 0, secondLookupShare: 0 }), limits);
    expect(result.endpoints.find((e) => e.operationId === 'get_profiles')!.maxAgents).toBe(750);
  });

  it('the busiest second is above the average second but within reason', () => {
    expect(poissonQuantile(1, 0.999)).toBe(5);
    expect(poissonQuantile(0, 0.999)).toBe(0);
    const big = poissonQuantile(1000, 0.999);
    expect(big).toBeGreaterThan(1000);
    expect(big).toBeLessThan(1200);
  });

  it('describes throttling from the client retry policy: bounded retries, no storm', () => {
    const policy = throttlePolicy({
      maxRetries: 2,
      baseDelayMs: 500,
      maxDelayMs: 8000,
      maxRetryAfterSeconds: 30,
    });
    expect(policy.worstCaseAttemptsPerRequest).toBe(3);
    expect(policy.summary).toMatch(/Retry-After/);
  });
});
