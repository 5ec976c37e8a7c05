import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient, type KlaviyoClient } from '../../klaviyo';
import { useZaf } from '../../zaf/context';
import { createZafKlaviyoClient } from '../../zaf/klaviyo';

/**
 * A root's query cache and its Klaviyo client (ZAF secure requests, cache keyed by account and
 * installation), made once for the life of the root.
 */
export function useAppKlaviyo(): { queryClient: QueryClient; klaviyo: KlaviyoClient } {
  const { context, metadata, settings, transport } = useZaf();
  const [queryClient] = useState(() => createQueryClient());
  const [klaviyo] = useState<KlaviyoClient>(() =>
    createZafKlaviyoClient({
      transport,
      queryClient,
      accountKey: `${context.account.subdomain}:${metadata.installationId}`,
      defaultCountry: settings.defaultCountry,
    }),
  );
  return { queryClient, klaviyo };
}
