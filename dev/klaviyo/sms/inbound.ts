/**
 * A customer's text to the brand's number, as Klaviyo records it: the profile found by phone (a
 * phone-only profile for a number it does not know), subscription keywords applied to SMS consent
 * first, then a `Sent SMS` event (text, from and to numbers; attributed to the campaign or flow SMS
 * it answers), then every live flow it triggers, awaited.
 */
import { newProfile, recordEvent } from '../events';
import { runFlowsFor, type FlowEngineDeps } from '../flows/engine';
import type { KlaviyoStore, SeedEvent, SeedProfile } from '../store';
import { setSmsConsent, smsConsent } from './consent';
import { keywordEffect } from './keywords';
import { recordSms } from './records';
import {
  INBOUND_SMS_METRIC,
  OUTBOUND_SMS_METRIC,
  SMS_FROM_PROPERTY,
  SMS_TEXT_PROPERTY,
  SMS_TO_PROPERTY,
} from './types';

export interface InboundSms {
  /** The customer's number, E.164. */
  from: string;
  text: string;
  /** The brand number texted, E.164 (optional). */
  to?: string | null;
}

export class InboundSmsError extends Error {}

const E164 = /^\+[1-9]\d{6,14}$/;
/** Klaviyo attributes a reply to the SMS it answers within five days. */
const ATTRIBUTION_WINDOW_MS = 5 * 24 * 60 * 60_000;
const KLAVIYO_INTEGRATION = {
  object: 'integration',
  id: '0rG4eQ',
  key: 'klaviyo',
  name: 'Klaviyo',
  category: 'Internal',
};

export function readInboundSms(body: unknown): InboundSms {
  const b = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (typeof b.from !== 'string' || !E164.test(b.from.trim()))
    throw new InboundSmsError('inbound-sms.from must be a phone number in E.164 (+15555550101).');
  if (typeof b.text !== 'string') throw new InboundSmsError('inbound-sms.text must be a string.');
  if (b.text.length > 1600)
    throw new InboundSmsError('inbound-sms.text is longer than 1,600 characters.');
  const to = b.to === undefined || b.to === null ? null : b.to;
  if (to !== null && (typeof to !== 'string' || !E164.test(to.trim())))
    throw new InboundSmsError('inbound-sms.to, when given, must be a phone number in E.164.');
  return { from: b.from.trim(), text: b.text, to: to === null ? null : to.trim() };
}

function applyKeyword(store: KlaviyoStore, profile: SeedProfile, text: string): void {
  const effect = keywordEffect(text);
  if (effect === 'unsubscribe') {
    setSmsConsent(profile, 'marketing', 'UNSUBSCRIBED');
    if (smsConsent(profile, 'transactional') === 'SUBSCRIBED')
      setSmsConsent(profile, 'transactional', 'UNSUBSCRIBED');
    recordEvent(store, {
      metricName: 'Unsubscribed from SMS',
      profile,
      properties: {},
      uniqueId: null,
    });
  } else if (effect === 'subscribe') {
    setSmsConsent(profile, 'marketing', 'SUBSCRIBED');
    if (smsConsent(profile, 'transactional') === 'UNSUBSCRIBED')
      setSmsConsent(profile, 'transactional', 'SUBSCRIBED');
    recordEvent(store, {
      metricName: 'Subscribed to SMS',
      profile,
      properties: {},
      uniqueId: null,
    });
  }
}

/** The latest campaign or flow SMS delivered to the profile within the window, if any. */
function answeredMessage(
  store: KlaviyoStore,
  profileId: string,
  now: number,
): SeedEvent | undefined {
  const outbound = store.metrics.find((m) => m.name === OUTBOUND_SMS_METRIC)?.id;
  return store.events
    .filter(
      (e) =>
        e.profileId === profileId &&
        e.metricId === outbound &&
        (e.campaignId || e.flowId) &&
        now - Date.parse(e.datetime) <= ATTRIBUTION_WINDOW_MS,
    )
    .sort((a, b) => Date.parse(b.datetime) - Date.parse(a.datetime))[0];
}

export async function receiveInboundSms(
  store: KlaviyoStore,
  sms: InboundSms,
  engine: FlowEngineDeps,
): Promise<{ eventId: string }> {
  const profile =
    store.findProfiles('phone_number', sms.from)[0] ?? newProfile(store, null, sms.from);
  applyKeyword(store, profile, sms.text);
  const metric = store.metricNamed(INBOUND_SMS_METRIC);
  metric.integration ??= KLAVIYO_INTEGRATION;
  recordSms(store, {
    direction: 'inbound',
    via: 'customer',
    status: 'received',
    profile,
    body: sms.text,
    phone: sms.from,
  });
  const properties: Record<string, unknown> = {
    [SMS_TEXT_PROPERTY]: sms.text,
    [SMS_FROM_PROPERTY]: sms.from,
    ...(sms.to ? { [SMS_TO_PROPERTY]: sms.to } : {}),
  };
  const outcome = recordEvent(store, {
    metricName: INBOUND_SMS_METRIC,
    profile,
    properties,
    uniqueId: null,
  });
  if (outcome.duplicate) throw new Error('unreachable: an inbound text has no unique_id');
  const answered = answeredMessage(store, profile.id, engine.now());
  if (answered) outcome.event.attributedTo = answered.id;
  await runFlowsFor(store, outcome.event, engine);
  return { eventId: outcome.event.id };
}
