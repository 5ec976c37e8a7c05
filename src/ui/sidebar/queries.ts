import { useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  EVENTS_STALE_MS,
  DEFAULT_GC_MS,
  isKlaviyoError,
  klaviyoKeys,
  membershipsQuery,
  predictiveAnalyticsQuery,
  profileLookupQuery,
  type EventPage,
  type KlaviyoClient,
  type RequesterIdentity,
} from '../../klaviyo';
import { useKlaviyo } from './KlaviyoContext';

/** Query key of the sidebar's paged events; under `profileEvents`, so invalidating that reaches it. */
export function eventPagesKey(client: KlaviyoClient, profileId: string) {
  return [...klaviyoKeys.profileEvents(client, profileId), 'pages'] as const;
}

/** The profile's events newest first, one request for the first page, `links.next` for more. */
export function useProfileEvents(profileId: string | null) {
  const klaviyo = useKlaviyo();
  return useInfiniteQuery<
    EventPage,
    Error,
    InfiniteData<EventPage, string | null>,
    readonly unknown[],
    string | null
  >({
    queryKey: profileId ? eventPagesKey(klaviyo, profileId) : ['klaviyo', 'no-profile'],
    queryFn: ({ pageParam }) =>
      pageParam ? klaviyo.getEventsPage(pageParam) : klaviyo.getProfileEvents(profileId!),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextUrl,
    enabled: profileId !== null,
    staleTime: EVENTS_STALE_MS,
    gcTime: DEFAULT_GC_MS,
    retry: false,
  });
}

export function useProfileLookup(identity: RequesterIdentity, defaultCountry: string) {
  const klaviyo = useKlaviyo();
  return useQuery(profileLookupQuery(klaviyo, identity, { defaultCountry }));
}

export function useMemberships(profileId: string, enabled: boolean) {
  const klaviyo = useKlaviyo();
  return useQuery({ ...membershipsQuery(klaviyo, profileId), enabled });
}

/** Lifetime value and churn risk: a request of its own, sent only once the agent asks. */
export function usePredictiveAnalytics(profileId: string, enabled: boolean) {
  const klaviyo = useKlaviyo();
  return useQuery({ ...predictiveAnalyticsQuery(klaviyo, profileId), enabled });
}

/** The agent's manual search; nothing is sent until there is a query. */
export function useProfileSearch(query: string | null, defaultCountry: string) {
  const klaviyo = useKlaviyo();
  return useQuery({
    queryKey: [...klaviyoKeys.all(klaviyo), 'search', query, defaultCountry],
    queryFn: () => klaviyo.searchProfiles(query!, { defaultCountry }),
    enabled: query !== null,
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * After a 429 whose wait the client did not sit out, try again when Klaviyo said to (once per
 * error), keeping whatever data is shown meanwhile.
 */
export function useRetryWhenAllowed(error: unknown, refetch: () => unknown, errorAt: number) {
  useEffect(() => {
    if (!isKlaviyoError(error) || error.kind !== 'rate-limited') return;
    const waitMs = Math.max(1, error.retryAfterSeconds ?? 60) * 1000;
    const due = errorAt + waitMs - Date.now();
    const id = setTimeout(() => void refetch(), Math.max(0, due));
    return () => clearTimeout(id);
  }, [error, refetch, errorAt]);
}
