/** What the admin chooses on the setup page; provisioning turns it into Zendesk objects. */
export interface MetricSyncConfig {
  /** Opened Ticket and Resolved Ticket triggers active. */
  enabled: boolean;
  /** Brands the triggers are limited to; empty means every brand. */
  brandIds: number[];
  /** The optional automation that closes solved SMS tickets after `hours`. */
  closeSolvedSms: { enabled: boolean; hours: number };
  /** The optional "Klaviyo SMS" view. */
  smsView: boolean;
  /** The tag that marks SMS tickets (app setting `sms_ticket_tag`). */
  smsTag: string;
}

export const DEFAULT_CLOSE_AFTER_HOURS = 24;
/** Zendesk automations act on whole hours; four weeks is the system's own auto-close horizon. */
export const MIN_CLOSE_AFTER_HOURS = 1;
export const MAX_CLOSE_AFTER_HOURS = 672;

export function defaultConfig(smsTag: string): MetricSyncConfig {
  return {
    enabled: false,
    brandIds: [],
    closeSolvedSms: { enabled: false, hours: DEFAULT_CLOSE_AFTER_HOURS },
    smsView: false,
    smsTag,
  };
}

export type KeyProblem = 'empty' | 'whitespace' | 'public-key' | 'not-private';

/** Checks what the admin typed as the webhook's Klaviyo key, without ever echoing it. */
export function checkPrivateKey(raw: string): KeyProblem | null {
  const key = raw.trim();
  if (key === '') return 'empty';
  if (/\s/.test(key)) return 'whitespace';
  if (/^[A-Za-z0-9]{6}$/.test(key)) return 'public-key';
  if (!/^pk_[A-Za-z0-9_]{8,}$/.test(key)) return 'not-private';
  return null;
}

export function validHours(hours: number): boolean {
  return (
    Number.isInteger(hours) && hours >= MIN_CLOSE_AFTER_HOURS && hours <= MAX_CLOSE_AFTER_HOURS
  );
}
