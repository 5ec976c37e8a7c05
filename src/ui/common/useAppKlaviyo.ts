import { useState } from 'react';
import { useZaf } from '../../zaf/context';
import { appKlaviyoFor } from '../../zaf/klaviyo';
import type { AppKlaviyo } from '../../zaf/context';

/**
 * A root's query cache and its Klaviyo client (ZAF secure requests, cache keyed by account and
 * installation), made once for the life of the root: in a sidebar, the ones the entry started the
 * first requests with, so React Query picks up those requests rather than sending them again.
 */
export function useAppKlaviyo(): AppKlaviyo {
  const zaf = useZaf();
  const [app] = useState(() => appKlaviyoFor(zaf));
  return app;
}
