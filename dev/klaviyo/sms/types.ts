/** The stand-in's SMS records and the names Klaviyo's SMS events use. */

/** The property of `Sent SMS` / `Received SMS` events that holds the text. */
export const SMS_TEXT_PROPERTY = 'Message Body';
/** On the `Sent SMS` event of a simulated text: the customer's number and the number texted. */
export const SMS_FROM_PROPERTY = 'From Number';
export const SMS_TO_PROPERTY = 'To Number';

/** The customer's text to the brand (named from the profile's side, as Klaviyo does). */
export const INBOUND_SMS_METRIC = 'Sent SMS';
/** A text Klaviyo delivered to the customer. */
export const OUTBOUND_SMS_METRIC = 'Received SMS';

export type SmsStatus =
  /** A customer's text the stand-in received. */
  | 'received'
  /** Sent to the customer (Conversations API, or a flow's send-sms). */
  | 'sent'
  /** A flow's send-sms that Klaviyo would not send (no consent, smart sending). */
  | 'skipped'
  /** Held for quiet hours: Klaviyo sends it when they end; the stand-in never does. */
  | 'held';

export interface SmsRecord {
  id: string;
  direction: 'inbound' | 'outbound';
  via: 'customer' | 'conversations' | 'flow';
  status: SmsStatus;
  /** Why a flow's SMS was skipped or held (`no-sms-consent`, `smart-sending`, `quiet-hours`, …). */
  reason: string | null;
  profileId: string;
  /** The customer's number, E.164 (null when the profile has none). */
  phone: string | null;
  body: string;
  conversationId: string | null;
  flowId: string | null;
  actionId: string | null;
  /** ISO 8601 */
  at: string;
}
