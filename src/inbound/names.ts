/**
 * Every name the inbound path gives the objects it creates, derived from the account's subdomain
 * (ZIS integration names are global across Zendesk: `[a-z0-9_-]`, at most 64 characters).
 */

/** The webhook's `source_system` and the job spec's `event_source`. */
export const SOURCE_SYSTEM = 'klaviyo';
/** The webhook's and the job spec's `event_type`. */
export const EVENT_TYPE = 'inbound_sms';
/** Job spec and flow name inside the bundle. */
export const JOB_SPEC = 'inbound_sms';
export const FLOW = 'inbound_sms';
/** The connection every Zendesk action uses; ZIS reserves `zendesk` for OAuth to Zendesk. */
export const CONNECTION = 'zendesk';
/** The ZIS config scope holding the non-secret install state. */
export const CONFIG_SCOPE = 'kfz_inbound';
/** Tag on every ticket this path creates, beside the `sms_ticket_tag` setting. */
export const INBOUND_TAG = 'klaviyo_sms_inbound';
/** The Klaviyo flow the setup page owns (found again by this exact name). */
export const KLAVIYO_FLOW_NAME =
  'Klaviyo for Zendesk: inbound SMS to Zendesk (managed, do not edit)';
/** The Zendesk actions of the bundle (resource key = action name, at most 20 characters). */
export const ACTIONS = {
  find: 'zd_find',
  user: 'zd_user',
  create: 'zd_create',
  update: 'zd_update',
  /** The ticket's newest comment: a rerun whose comment went through must not add it again. */
  latest: 'zd_latest_comment',
  /** Deletes this run's ticket when another text of the customer opened one at the same moment. */
  drop: 'zd_drop_twin',
} as const;
export type ActionKey = keyof typeof ACTIONS;

const KEY_PREFIX = 'kfz_';
const MAX_KEY = 64;

/**
 * `kfz_<subdomain>`, lower case, anything outside `[a-z0-9_-]` replaced by `_`; `suffix` (a retry
 * after another account owns the name) is appended inside the 64-character limit.
 */
export function integrationKey(subdomain: string, suffix = ''): string {
  const clean = subdomain
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '_');
  if (clean === '') throw new Error('The Zendesk subdomain is empty.');
  const tail = suffix === '' ? '' : `_${suffix.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  return `${KEY_PREFIX}${clean}`.slice(0, MAX_KEY - tail.length) + tail;
}

export function isIntegrationKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY && /^[a-z0-9_-]+$/.test(key);
}

export const jobSpecName = (key: string) => `zis:${key}:job_spec:${JOB_SPEC}`;
export const flowName = (key: string) => `zis:${key}:flow:${FLOW}`;
export const actionName = (key: string, action: string) => `zis:${key}:action:${action}`;
/** The OAuth client ZIS creates with an integration. */
export const oauthClientIdentifier = (key: string) => `zis_${key}`;
/** The external id of a customer's SMS tickets: one live ticket per Klaviyo profile. */
export const ticketExternalId = (profileId: string) => `klaviyo-sms:${profileId}`;
