import { useEffect, useState } from 'react';
import type { ProfileLookup } from '../../klaviyo';
import { getUserKlaviyoProfileId, setUserKlaviyoProfileId } from '../../zendesk/users';
import type { Transport } from '../../transport';
import { useZaf } from '../../zaf/context';
import { autoLinkTarget, type AutoLinkRequester } from './autolink';

/** What became of the automatic link: none tried, written, an existing link kept, or failed. */
export type AutoLinkState = 'idle' | 'linked' | 'kept' | 'failed';

/** Users this page already tried to link: each at most once per app instance. */
const tried = new Set<string>();

/**
 * Writes the profile id on the Zendesk user, only if the field is still empty when asked afresh
 * (another agent may have linked someone else since the ticket was read: that link stays).
 */
export async function linkIfStillUnlinked(
  transport: Transport,
  userId: number,
  profileId: string,
): Promise<Exclude<AutoLinkState, 'idle' | 'failed'>> {
  const current = await getUserKlaviyoProfileId(transport, userId);
  if (current !== null) return 'kept';
  await setUserKlaviyoProfileId(transport, userId, profileId);
  return 'linked';
}

/**
 * The "link exact matches" setting (on by default): a unique, exact match is linked to the
 * Zendesk user once, so every later view by any agent goes by profile id (profile and events in
 * one round trip, no profile search). Nothing is shown for it; a failure leaves manual linking.
 */
export function useAutoLink(
  requester: AutoLinkRequester,
  lookup: ProfileLookup | undefined,
): AutoLinkState {
  const { settings, transport, context } = useZaf();
  const [state, setState] = useState<AutoLinkState>('idle');
  const target = settings.autoLinkProfiles
    ? autoLinkTarget(requester, lookup, settings.defaultCountry)
    : null;
  const userId = requester.id;

  useEffect(() => {
    if (target === null || userId === null) return;
    const key = `${context.account.subdomain}:${userId}`;
    if (tried.has(key)) return;
    tried.add(key);
    let live = true;
    linkIfStillUnlinked(transport, userId, target).then(
      (outcome) => live && setState(outcome),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [target, userId, transport, context.account.subdomain]);

  return state;
}
