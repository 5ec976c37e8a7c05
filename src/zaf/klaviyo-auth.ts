import { KLAVIYO_KEY_SETTING } from './settings';

/**
 * The Authorization header value for Klaviyo calls: a ZAF placeholder the Zendesk proxy replaces
 * with the secure setting server-side. The browser never holds the key.
 */
export const KLAVIYO_AUTHORIZATION = `Klaviyo-API-Key {{setting.${KLAVIYO_KEY_SETTING}}}`;
