declare module 'zendesk_app_framework_sdk' {
  import type { ZafClient } from './types';
  const ZAFClient: {
    /** Returns `false` when the page has no `origin` and `app_guid` (opened outside Zendesk). */
    init(callback?: (context: unknown) => void): ZafClient | false;
  };
  export default ZAFClient;
}
