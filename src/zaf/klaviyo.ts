import { createKlaviyoClient, type KlaviyoClient } from '../klaviyo';
import type { QueryClient } from '@tanstack/query-core';
import type { Transport } from '../transport';
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
