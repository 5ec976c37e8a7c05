import { useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  isKlaviyoError,
  klaviyoKeys,
  membershipsQuery,
  predictiveAnalyticsQuery,
  profileLookupQuery,
  type EventPage,
  type RequesterIdentity,
} from '../../klaviyo';
import { eventPagesQuery } from './eventPages';
import { useKlaviyo } from './KlaviyoContext';

export { eventPagesKey } from './eventPages';

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
    // The same options the entry prefetched with (headstart.ts), so the cache entry is shared.
    ...(profileId
      ? eventPagesQuery(klaviyo, profileId)
      : { ...eventPagesQuery(klaviyo, ''), queryKey: ['klaviyo', 'no-profile'] }),
    enabled: profileId !== null,
    // An answer (or error) the entry's prefetch already got is shown, not asked for again.
    retryOnMount: false,
  });
}

export function useProfileLookup(identity: RequesterIdentity, defaultCountry: string) {
  const klaviyo = useKlaviyo();
  // An error the entry's prefetch got is shown as it is: a refused key is not asked again.
  return useQuery({
    ...profileLookupQuery(klaviyo, identity, { defaultCountry }),
    retryOnMount: false,
  });
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
