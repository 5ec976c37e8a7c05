/**
 * The contract between the sidebar and the SMS composer. The sidebar renders `<Composer>` at the
 * bottom of the SMS thread with what it already has, and calls `useTicketSaveBridge()` once from
 * its root; settings, the transport and the current agent come from `useZaf()` inside.
 */
import type { KlaviyoClient } from '../../../klaviyo';
import type { KlaviyoProfile } from '../../../klaviyo';
import type { ConsentSummary, LocalTimeStatus, ThreadMessage } from '../../../sms/model';

/**
 * What the composer tells the thread about the agent's own messages, keyed by `message.id` (the
 * idempotency key): `upsert` adds or replaces (pending → sent), `remove` takes a local message out
 * of the thread (the send failed: its text is back in the composer). Feed the upserted messages to
 * `mergeLocalMessages` so a `sent` one is matched to its `Received SMS` event when it arrives.
 */
export type LocalMessageUpdate =
  { type: 'upsert'; message: ThreadMessage } | { type: 'remove'; id: string };

export interface ComposerProps {
  /** The sidebar's Klaviyo client (the one it reads the profile with). */
  klaviyo: KlaviyoClient;
  /** The ticket being answered: the draft is kept per ticket and the internal note goes on it.
   *  null outside a ticket (user sidebar): no internal note is written. */
  ticketId: number | null;
  profile: KlaviyoProfile;
  consent: ConsentSummary;
  localTime: LocalTimeStatus;
  /** The thread already holds SMS with this profile (any `Sent SMS` / `Received SMS` event). */
  hasSmsThread: boolean;
  onLocalMessage(update: LocalMessageUpdate): void;
  /** Called after Klaviyo accepted a message (e.g. to refetch events a little later). Optional. */
  onSent?(message: ThreadMessage): void;
}

/**
 * Input of `useTicketSaveBridge(input)` (exported from `composer/`), which registers the ZAF
 * `ticket.save` hook while the ticket sidebar is mounted. It does nothing unless the
 * `send_public_replies_as_sms` setting is on. Pass the current values on every render.
 */
export interface TicketSaveBridgeInput {
  klaviyo: KlaviyoClient;
  ticketId: number | null;
  /** The requester's profile once one is known and chosen; null while loading, when none
   *  matches, or when several match and the agent has not picked one. */
  profile: KlaviyoProfile | null;
  consent: ConsentSummary | null;
  localTime: LocalTimeStatus | null;
  /** Lets the thread show a reply sent from the editor. Optional. */
  onLocalMessage?(update: LocalMessageUpdate): void;
}
