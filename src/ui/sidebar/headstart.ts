/**
 * The sidebar's first Klaviyo requests, started by the entry the moment the bootstrap's one `get`
 * answers, while React, Garden and the sidebar's code are still loading. They go into the query
 * cache the sidebar then mounts with, so React Query shows their answers rather than asking again.
 * No React here: this runs before any of it has loaded.
 */
import { profileLookupQuery, type ProfileLookup, type RequesterIdentity } from '../../klaviyo';
import type { AppKlaviyo, ZafValue } from '../../zaf/context';
import { readRequesterResult } from '../../zaf/hooks/requester';
import { appKlaviyoFor } from '../../zaf/klaviyo';
import { eventPagesQuery } from './eventPages';

/** What the lookup asks Klaviyo with, for a requester read from ZAF. */
export function identityOf(requester: {
  linkedProfileId: string | null;
  email: string | null;
  phone: string | null;
}): RequesterIdentity {
  return {
    linkedProfileId: requester.linkedProfileId,
    email: requester.email,
    phone: requester.phone,
  };
}

/**
 * Starts the profile lookup (and, for a linked profile, its events in the same moment: one round
 * trip for both) and returns the client and cache holding them. Nothing starts without a
 * requester.
 */
export function startSidebarData(zaf: ZafValue): AppKlaviyo {
  const app = appKlaviyoFor(zaf);
  if (!zaf.firstRead) return app;
  const { requester } = readRequesterResult(zaf.context.location, zaf.firstRead.result);
  if (!requester) return app;
  const { queryClient, klaviyo } = app;
  const lookup = profileLookupQuery(klaviyo, identityOf(requester), {
    defaultCountry: zaf.settings.defaultCountry,
  });
  const events = (profileId: string) =>
    queryClient.prefetchInfiniteQuery(eventPagesQuery(klaviyo, profileId));
  const linked = requester.linkedProfileId;
  if (linked) void events(linked);
  void queryClient.prefetchQuery(lookup).then(() => {
    // Unlinked: the thread's events follow the match at once, whether or not the UI is up yet.
    const found = queryClient.getQueryData<ProfileLookup>(lookup.queryKey);
    if (found?.status === 'found' && found.profile.id !== linked) void events(found.profile.id);
  });
  return app;
}
