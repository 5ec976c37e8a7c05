/**
 * Sending an agent's SMS reply through Klaviyo: the types shared by the orchestration, the
 * composer and the ticket-save bridge. Pure TypeScript: no React, no ZAF.
 */
import type { ReplyMode } from '../sms/guards';

export type { ReplyMode } from '../sms/guards';

/** Why a send did not (or may not have) reach the customer. */
export type ReplyFailure =
  /** Conversations mode: the profile has no SMS conversation to post into. Nothing was sent. */
  | { kind: 'no-conversation' }
  /** 403 on the Conversations API: the Klaviyo account has no Conversations access. Not sent. */
  | { kind: 'conversations-unavailable' }
  /** 429: Klaviyo refused for now; nothing was sent. `retryAt` is ISO 8601. */
  | { kind: 'rate-limited'; retryAt: string }
  /**
   * The message POST got no answer (network drop, timeout, a gateway 5xx): Klaviyo may or may not
   * have sent it, and the Conversations API has no idempotency key to make a resend harmless.
   * `checkedAt` is when the app last looked for it among the profile's delivered texts and did
   * not find it (null: not looked yet).
   */
  | { kind: 'uncertain'; checkedAt: string | null }
  /** No answer before anything was sent, or a flow-mode event (whose `unique_id` makes a retry
   *  harmless). Safe to retry. */
  | { kind: 'network' }
  /** The key is missing, wrong or revoked: the admin must fix it. */
  | { kind: 'bad-key' }
  /** The key lacks a scope (`events:write`, `conversations:write`…). */
  | { kind: 'missing-scope'; scope: string | null }
  /** Klaviyo refused the message itself (400/404/422…); `detail` is Klaviyo's own words. */
  | { kind: 'refused'; detail: string | null }
  /** 5xx that says the request was not processed (503), or any 5xx in flow mode. Safe to retry. */
  | { kind: 'server' };

export type ReplyFailureKind = ReplyFailure['kind'];

/** One reply, as the composer or the save bridge asks for it. */
export interface ReplyRequest {
  /** The idempotency key: created at the first Send of this text, reused by every retry. */
  key: string;
  text: string;
  mode: ReplyMode;
  profileId: string;
  /** Flow mode: the metric the app records; the admin's Klaviyo flow triggers on it. */
  flowMetricName: string;
  /** The ticket the reply answers (in the flow event, and the note's ticket); null outside one. */
  ticketId: number | null;
  /**
   * Record an internal note on the ticket (default true). The ticket-editor bridge says false:
   * the public comment being saved is the record, and writing to the ticket during its save
   * would collide.
   */
  writeNote?: boolean;
  /** When the first attempt with this key started (ISO 8601): how far back to look for it. */
  firstAttemptAt: string;
  /** A conversation id found by an earlier attempt, so a retry does not look it up again. */
  conversationId?: string | null;
  /**
   * The previous attempt with this key ended `uncertain`. Unless `resendIfNotFound`, the app only
   * looks for the message among the profile's delivered texts and never posts it again.
   */
  previouslyUncertain?: boolean;
  /** The agent saw "not found yet" and chose to send again, accepting a possible duplicate. */
  resendIfNotFound?: boolean;
}

export type NoteState = 'written' | 'failed' | 'skipped';

export interface SentReply {
  status: 'sent';
  key: string;
  text: string;
  mode: ReplyMode;
  /** When Klaviyo accepted it (ISO 8601). */
  acceptedAt: string;
  conversationId: string | null;
  /** Found among the delivered texts after an uncertain attempt, instead of posted again. */
  confirmedAfterUncertain: boolean;
  note: NoteState;
}

export interface FailedReply {
  status: 'failed';
  key: string;
  failure: ReplyFailure;
  /** Keep it for the retry: the lookup need not be repeated. */
  conversationId: string | null;
}

export type ReplyResult = SentReply | FailedReply;

/** A text we sent, as Klaviyo recorded it (`Received SMS`, named from the profile's side). */
export interface DeliveredText {
  text: string | null;
  /** ISO 8601 */
  datetime: string;
}

export interface FlowEventInput {
  profileId: string;
  metricName: string;
  text: string;
  /** The idempotency key: Klaviyo records only the first event with a given unique_id. */
  uniqueId: string;
  ticketId: number | null;
}

/**
 * What the orchestration needs from the outside world. `createReplyDeps` wires the real Klaviyo
 * client and Zendesk calls; tests pass fakes. Klaviyo calls reject with `KlaviyoError`.
 */
export interface ReplyDeps {
  /** The profile's SMS conversation id, or null when it has none. */
  findSmsConversation(profileId: string): Promise<string | null>;
  /** POST /api/conversation-messages; resolves on 202. Never retried automatically. `key` is the
   *  reply's idempotency key (the client refuses to post an already accepted key twice). */
  sendConversationMessage(conversationId: string, text: string, key: string): Promise<void>;
  /** POST /api/events with the reply text; resolves on 202. */
  createReplyEvent(input: FlowEventInput): Promise<void>;
  /** The profile's most recent outbound texts, newest first (one events request). */
  recentDeliveredTexts(profileId: string): Promise<DeliveredText[]>;
  /** Adds an internal (private) comment to the ticket through the Zendesk API. */
  addInternalNote(ticketId: number, body: string): Promise<void>;
  now(): Date;
}

/** What the internal note says; the caller words it in the agent's language. */
export interface NoteFacts {
  text: string;
  mode: ReplyMode;
  acceptedAt: Date;
  conversationId: string | null;
  key: string;
  confirmedAfterUncertain: boolean;
}

export type DescribeNote = (facts: NoteFacts) => string;
