import { QueryObserver } from '@tanstack/query-core';
import {
  createQueryClient,
  membershipsQuery,
  predictiveAnalyticsQuery,
  profileEventsQuery,
  profileLookupQuery,
  PROFILE_STALE_MS,
} from '../../../src/klaviyo';
import { DEMO_IDS } from '../../../dev/klaviyo';
import { harness, listenWithKlaviyoServer } from './harness';

listenWithKlaviyoServer();

const maria = { email: 'maria.garcia@example.com', phone: '+14155550101' };

describe('caching and de-duplication', () => {
  it('shares one request between identical lookups in flight', async () => {
    const queryClient = createQueryClient();
    const { client, store } = harness();
    const [a, b, c] = await Promise.all([
      queryClient.fetchQuery(profileLookupQuery(client, maria)),
      queryClient.fetchQuery(profileLookupQuery(client, maria)),
      queryClient.fetchQuery(
        profileLookupQuery(client, { ...maria, email: 'Maria.Garcia@example.com ' }),
      ),
    ]);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(store.requests).toHaveLength(1);
  });

  it('serves a revisit within the freshness window without asking Klaviyo', async () => {
    const queryClient = createQueryClient();
    const { client, store } = harness();
    await queryClient.fetchQuery(profileLookupQuery(client, maria));
    await queryClient.fetchQuery(profileLookupQuery(client, maria));
    expect(store.requests).toHaveLength(1);
  });

  it('shows a stale profile at once and revalidates it in the background', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const queryClient = createQueryClient();
      const { client, store } = harness();
      await queryClient.fetchQuery(profileLookupQuery(client, maria));
      jest.advanceTimersByTime(PROFILE_STALE_MS + 1);
      const observer = new QueryObserver(queryClient, profileLookupQuery(client, maria));
      const first = observer.getOptimisticResult(
        queryClient.defaultQueryOptions(profileLookupQuery(client, maria)),
      );
      expect(first.data).toMatchObject({ status: 'found' });
      expect(first.isStale).toBe(true);
      const unsubscribe = observer.subscribe(() => {});
      jest.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 200));
      unsubscribe();
      expect(store.requests).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps predictive analytics for an hour, so reopening them asks Klaviyo once', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const queryClient = createQueryClient();
      const { client, store } = harness();
      const first = await queryClient.fetchQuery(predictiveAnalyticsQuery(client, DEMO_IDS.maria));
      jest.advanceTimersByTime(59 * 60_000);
      const again = await queryClient.fetchQuery(predictiveAnalyticsQuery(client, DEMO_IDS.maria));
      expect(again).toBe(first);
      expect(store.requests).toHaveLength(1);
      jest.advanceTimersByTime(2 * 60_000);
      await queryClient.fetchQuery(predictiveAnalyticsQuery(client, DEMO_IDS.maria));
      expect(store.requests).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('namespaces keys by account and does not retry at the query level', async () => {
    const { client } = harness({ config: { accountKey: 'demo:1' } });
    const options = [
      profileLookupQuery(client, maria),
      profileEventsQuery(client, DEMO_IDS.maria),
      membershipsQuery(client, DEMO_IDS.maria),
      predictiveAnalyticsQuery(client, DEMO_IDS.maria),
    ];
    for (const o of options) {
      expect(o.queryKey.slice(0, 2)).toEqual(['klaviyo', 'demo:1']);
      expect(o.retry).toBe(false);
    }
  });

  it('uses sane QueryClient defaults', () => {
    const defaults = createQueryClient().getDefaultOptions().queries!;
    expect(defaults.retry).toBe(false);
    expect(defaults.refetchOnWindowFocus).toBe(false);
    expect(defaults.gcTime).toBeGreaterThanOrEqual(60_000);
  });
});
