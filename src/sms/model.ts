/** The SMS domain's results: the contract between `sms/` and `ui/`. */

export type MessageDirection = 'inbound' | 'outbound';

export type MessageStatus =
  /** Customer's text (`Sent SMS`, named from the profile's side). */
  | 'received'
  /** Our text as delivered (`Received SMS`). */
  | 'delivered'
  /** `Failed to Deliver SMS`. */
  | 'failed'
  /** Sent by the agent, not yet accepted by Klaviyo. */
  | 'pending'
  /** Accepted by Klaviyo (202), not yet seen as a `Received SMS` event. */
  | 'sent';

export interface ThreadMessage {
  /** Event id, or the idempotency key of a local (pending/sent) message. */
  id: string;
  direction: MessageDirection;
  /** null when no known property held the text: show "text not available". */
  text: string | null;
  /** ISO 8601 */
  datetime: string;
  status: MessageStatus;
  /** Campaign or flow that sent it (marketing sends), if the event says. */
  source: { type: 'campaign' | 'flow'; name: string } | null;
  /**
   * A customer's text that answers a campaign or flow SMS, as Klaviyo attributes it ("Reply to
   * Summer Sale SMS"); null when it is not attributed or the name is unknown. Absent on messages
   * the composer made.
   */
  repliesTo?: { type: 'campaign' | 'flow'; name: string } | null;
  /** The message carried an image; images are not shown. */
  hasMedia: boolean;
  /** Failure reason from `Failed to Deliver SMS`, if any. */
  failureReason: string | null;
}

export type CannotTextReason =
  | 'no-phone'
  | 'unsubscribed'
  | 'never-subscribed'
  | 'suppressed'
  | 'cannot-receive'
  | 'unknown-consent';

export interface ConsentSummary {
  smsMarketing: 'subscribed' | 'unsubscribed' | 'never_subscribed' | 'suppressed' | 'unknown';
  smsTransactional: 'subscribed' | 'unsubscribed' | 'never_subscribed' | 'suppressed' | 'unknown';
  emailMarketing: 'subscribed' | 'unsubscribed' | 'never_subscribed' | 'suppressed' | 'unknown';
  /** May the agent text this profile (a support reply, i.e. transactional or marketing consent)? */
  canText: boolean;
  reason: CannotTextReason | null;
}

export interface LocalTimeStatus {
  /** IANA zone used, or null when unknown. */
  timezone: string | null;
  /** Where the zone came from. */
  source: 'profile' | 'phone' | 'unknown';
  /** The customer's local time now, formatted by the UI with `timezone`. */
  now: Date;
  /** Inside the configured texting window. True when the zone is unknown (cannot judge). */
  inWindow: boolean;
  /** When the window next opens (absolute time), null when inside it or unknown. */
  opensAt: Date | null;
  /**
   * The zone is a guess: it came from the phone number of a country with several time zones (US,
   * CA, AU, BR, RU, MX, …), so a representative zone was used. Show it as "about". False when the
   * zone is the profile's own or the country has one zone; false when unknown. Always set by
   * `localTimeStatus`; optional only so that objects written before it existed stay valid
   * (treat a missing value as false).
   */
  approximate?: boolean;
}

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the user sees them (grapheme-aware is not required; code points). */
  characters: number;
  /** Encoded units (GSM-7 septets incl. escapes, or UTF-16 code units). */
  units: number;
  segments: number;
  /** Units left before another segment starts. */
  remainingInSegment: number;
  /** Beyond what Klaviyo accepts. */
  tooLong: boolean;
}
