/**
 * Caching and de-duplication with TanStack Query (the UI's React Query uses the same QueryClient).
 * Factories return options for `useQuery` / `queryClient.fetchQuery`; keys are namespaced by the
 * client's account key. Retries are the client's own (see retry.ts), never the query layer's.
 */
import { QueryClient, type QueryKey } from '@tanstack/query-core';
import type { KlaviyoClient } from './client';
import type { LookupOptions } from './profiles';
import type {
  EventPage,
  PredictiveAnalytics,
  ProfileLookup,
  ProfileMemberships,
  RequesterIdentity,
} from './model';

export const PROFILE_STALE_MS = 60_000;
export const EVENTS_STALE_MS = 30_000;
export const MEMBERSHIPS_STALE_MS = 5 * 60_000;
export const PREDICTIVE_STALE_MS = 60 * 60_000;
export const DEFAULT_GC_MS = 10 * 60_000;

export interface KlaviyoQueryOptions<T> {
  queryKey: QueryKey;
  queryFn: () => Promise<T>;
  staleTime: number;
  gcTime: number;
  retry: false;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        gcTime: DEFAULT_GC_MS,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}

export const klaviyoKeys = {
  all: (client: Pick<KlaviyoClient, 'accountKey'>) => ['klaviyo', client.accountKey] as const,
  profileLookup: (
    client: Pick<KlaviyoClient, 'accountKey'>,
    identity: RequesterIdentity,
    options?: LookupOptions,
  ) =>
    [
      ...klaviyoKeys.all(client),
      'profile-lookup',
      {
        linkedProfileId: identity.linkedProfileId?.trim() || null,
        email: identity.email?.trim().toLowerCase() || null,
        phone: identity.phone?.trim() || null,
        defaultCountry: options?.defaultCountry ?? null,
      },
    ] as const,
  profileEvents: (client: Pick<KlaviyoClient, 'accountKey'>, profileId: string) =>
    [...klaviyoKeys.all(client), 'events', profileId] as const,
  memberships: (client: Pick<KlaviyoClient, 'accountKey'>, profileId: string) =>
    [...klaviyoKeys.all(client), 'memberships', profileId] as const,
  predictiveAnalytics: (client: Pick<KlaviyoClient, 'accountKey'>, profileId: string) =>
    [...klaviyoKeys.all(client), 'predictive-analytics', profileId] as const,
};

/** 60 s fresh: a revisit within a minute shows it at once with no request; after, it is shown
 *  at once and revalidated in the background. */
export function profileLookupQuery(
  client: KlaviyoClient,
  identity: RequesterIdentity,
  options?: LookupOptions,
): KlaviyoQueryOptions<ProfileLookup> {
  return {
    queryKey: klaviyoKeys.profileLookup(client, identity, options),
    queryFn: () => client.lookupProfile(identity, options),
    staleTime: PROFILE_STALE_MS,
    gcTime: DEFAULT_GC_MS,
    retry: false,
  };
}

export function profileEventsQuery(
  client: KlaviyoClient,
  profileId: string,
  options?: { pageSize?: number },
): KlaviyoQueryOptions<EventPage> {
  return {
    queryKey: klaviyoKeys.profileEvents(client, profileId),
    queryFn: () => client.getProfileEvents(profileId, options),
    staleTime: EVENTS_STALE_MS,
    gcTime: DEFAULT_GC_MS,
    retry: false,
  };
}

/** Five minutes fresh: the list/segment endpoints allow only 60 calls a minute per account. */
export function membershipsQuery(
  client: KlaviyoClient,
  profileId: string,
): KlaviyoQueryOptions<ProfileMemberships> {
  return {
    queryKey: klaviyoKeys.memberships(client, profileId),
    queryFn: () => client.getProfileMemberships(profileId),
    staleTime: MEMBERSHIPS_STALE_MS,
    gcTime: DEFAULT_GC_MS,
    retry: false,
  };
}

/**
 * An hour fresh, and kept as long: Klaviyo recomputes predictions about once a week, and they are
 * asked for only when the agent opens them.
 */
export function predictiveAnalyticsQuery(
  client: KlaviyoClient,
  profileId: string,
): KlaviyoQueryOptions<PredictiveAnalytics | null> {
  return {
    queryKey: klaviyoKeys.predictiveAnalytics(client, profileId),
    queryFn: () => client.getPredictiveAnalytics(profileId),
    staleTime: PREDICTIVE_STALE_MS,
    gcTime: PREDICTIVE_STALE_MS,
    retry: false,
  };
}
