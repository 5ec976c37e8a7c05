/**
 * The sidebar's paged events as React Query options, without React: the entry prefetches the first
 * page with them, and `useProfileEvents` reads the same entry of the cache.
 */
import type { InfiniteData, QueryKey } from '@tanstack/query-core';
import {
  DEFAULT_GC_MS,
  EVENTS_STALE_MS,
  klaviyoKeys,
  type EventPage,
  type KlaviyoClient,
} from '../../klaviyo';

/** Query key of the sidebar's paged events; under `profileEvents`, so invalidating that reaches it. */
export function eventPagesKey(client: Pick<KlaviyoClient, 'accountKey'>, profileId: string) {
  return [...klaviyoKeys.profileEvents(client, profileId), 'pages'] as const;
}

export interface EventPagesOptions {
  queryKey: QueryKey;
  queryFn: (context: { pageParam: string | null }) => Promise<EventPage>;
  initialPageParam: string | null;
  getNextPageParam: (last: EventPage) => string | null;
  staleTime: number;
  gcTime: number;
  retry: false;
}

/** Newest first: one request for the first page, Klaviyo's `links.next` for each further one. */
export function eventPagesQuery(klaviyo: KlaviyoClient, profileId: string): EventPagesOptions {
  return {
    queryKey: eventPagesKey(klaviyo, profileId),
    queryFn: ({ pageParam }) =>
      pageParam ? klaviyo.getEventsPage(pageParam) : klaviyo.getProfileEvents(profileId),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextUrl,
    staleTime: EVENTS_STALE_MS,
    gcTime: DEFAULT_GC_MS,
    retry: false,
  };
}

export type EventPages = InfiniteData<EventPage, string | null>;
