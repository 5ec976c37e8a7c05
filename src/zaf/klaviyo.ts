import { createKlaviyoClient, createQueryClient, type KlaviyoClient } from '../klaviyo';
import type { QueryClient } from '@tanstack/query-core';
import type { Transport } from '../transport';
import type { AppKlaviyo, ZafValue } from './context';
import { KLAVIYO_AUTHORIZATION } from './klaviyo-auth';

/**
 * The app's Klaviyo client: calls go through the ZAF transport as secure requests, with the
 * Authorization placeholder the Zendesk proxy fills in server-side.
 */
export function createZafKlaviyoClient(options: {
  transport: Transport;
  queryClient?: QueryClient;
  /** e.g. `${subdomain}:${installationId}`: one cache namespace per Klaviyo account. */
  accountKey?: string;
  defaultCountry?: string;
}): KlaviyoClient {
  return createKlaviyoClient({
    transport: options.transport,
    authorization: KLAVIYO_AUTHORIZATION,
    ...(options.queryClient ? { queryClient: options.queryClient } : {}),
    ...(options.accountKey ? { accountKey: options.accountKey } : {}),
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
  });
}

/**
 * A screen's query cache and Klaviyo client (cache keyed by account and installation): the one
 * the entry already started requests with, else a new one.
 */
export function appKlaviyoFor(
  zaf: Pick<ZafValue, 'context' | 'metadata' | 'settings' | 'transport' | 'headStart'>,
): AppKlaviyo {
  if (zaf.headStart) return zaf.headStart;
  const queryClient = createQueryClient();
  const klaviyo = createZafKlaviyoClient({
    transport: zaf.transport,
    queryClient,
    accountKey: `${zaf.context.account.subdomain}:${zaf.metadata.installationId}`,
    defaultCountry: zaf.settings.defaultCountry,
  });
  return { queryClient, klaviyo };
}
