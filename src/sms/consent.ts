/**
 * May the agent text this customer?
 *
 * The rule, and why: a support reply is a transactional message (it answers the customer's own
 * question; it promotes nothing). Klaviyo knows three nested kinds of SMS consent: promotional
 * (marketing) consent allows every kind of SMS, transactional messages included; transactional
 * consent allows transactional messages, and Klaviyo lists SMS conversations among them; order-update
 * consent (Shopify) covers only one order's post-purchase flow. Klaviyo's Conversations also refuse a
 * reply to anyone not currently consented to SMS. (Klaviyo help centre: "How to ask for
 * transactional SMS consent separately" and "Guide to SMS Conversations"; paraphrased.)
 *
 * So the app lets the agent text when the profile has a phone number and SMS marketing OR SMS
 * transactional consent is `subscribed`, and Klaviyo has not said it cannot receive on that channel
 * (`can_receive_sms_*` false). When neither channel allows it, the reason names the most telling
 * state: a subscribed channel Klaviyo cannot deliver to → 'cannot-receive'; any channel suppressed →
 * 'suppressed'; any unsubscribed → 'unsubscribed' (an SMS opt-out such as STOP is a blanket opt-out
 * in Klaviyo); never subscribed → 'never-subscribed'; subscriptions missing or unrecognised →
 * 'unknown-consent' (never guess "yes").
 */
import type { ChannelConsent, ProfileSubscriptions, SubscriptionState } from '../klaviyo';
import type { CannotTextReason, ConsentSummary } from './model';

const STATES: ReadonlySet<string> = new Set([
  'subscribed',
  'unsubscribed',
  'never_subscribed',
  'suppressed',
  'unknown',
]);

function stateOf(channel: ChannelConsent | null | undefined): SubscriptionState {
  const state = channel?.state;
  return typeof state === 'string' && STATES.has(state) ? state : 'unknown';
}

/** Subscribed and not known to be undeliverable. */
function allows(channel: ChannelConsent | null | undefined): boolean {
  return stateOf(channel) === 'subscribed' && channel?.canReceive !== false;
}

function hasPhone(phone: string | null | undefined): boolean {
  return typeof phone === 'string' && /\d/.test(phone);
}

export function summariseConsent(
  subscriptions: ProfileSubscriptions | null | undefined,
  phone: string | null | undefined,
): ConsentSummary {
  const sms = [subscriptions?.smsMarketing, subscriptions?.smsTransactional];
  const summary = {
    smsMarketing: stateOf(subscriptions?.smsMarketing),
    smsTransactional: stateOf(subscriptions?.smsTransactional),
    emailMarketing: stateOf(subscriptions?.emailMarketing),
  };

  let reason: CannotTextReason | null;
  if (!hasPhone(phone)) reason = 'no-phone';
  else if (!subscriptions) reason = 'unknown-consent';
  else if (sms.some(allows)) reason = null;
  else {
    const states = sms.map(stateOf);
    if (states.includes('subscribed')) reason = 'cannot-receive';
    else if (states.includes('suppressed')) reason = 'suppressed';
    else if (states.includes('unsubscribed')) reason = 'unsubscribed';
    else if (states.includes('never_subscribed')) reason = 'never-subscribed';
    else reason = 'unknown-consent';
  }

  return { ...summary, canText: reason === null, reason };
}
