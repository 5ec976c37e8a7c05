import { useMemo } from 'react';
import type { KlaviyoClient } from '../../../klaviyo';
import { createReplyDeps } from '../../../reply/deps';
import type { ReplyDeps } from '../../../reply/types';
import { useZaf } from '../../../zaf/context';

/**
 * The reply orchestration's dependencies for this installation (Klaviyo client, Zendesk API, the
 * SMS text setting, the account's URL and the agent's name), made again only when one changes.
 * Tests pass `depsOverride` to use their own.
 */
export function useReplyDeps(klaviyo: KlaviyoClient, depsOverride?: ReplyDeps): ReplyDeps {
  const { settings, transport, currentUser, context } = useZaf();
  return useMemo(
    () =>
      depsOverride ??
      createReplyDeps({
        klaviyo,
        zendesk: transport,
        smsTextProperty: settings.smsTextProperty,
        zendeskBaseUrl: `https://${context.account.subdomain}.zendesk.com`,
        agentName: currentUser.name,
      }),
    [
      depsOverride,
      klaviyo,
      transport,
      settings.smsTextProperty,
      context.account.subdomain,
      currentUser.name,
    ],
  );
}
