/**
 * Hostile demo: one Klaviyo profile and one Zendesk ticket whose every field is an
 * attack or an edge case — markup, event handlers, javascript: URLs, a right-to-left override,
 * a 10 000-character word, emoji, nulls where strings belong. The attack suite seeds them into
 * the workspace and checks that nothing executes and the layout holds.
 *
 * Every payload that could run sets `window.__pwned` (in whichever frame it runs) or opens a
 * dialog, so the suite can tell "rendered as text" from "executed".
 */
import type { SeedEvent, SeedProfile } from '../../dev/klaviyo';

type HostileEvent = Omit<SeedEvent, 'metricId'> & { metricName: string };

export const HOSTILE_TICKET_ID = 666;
export const HOSTILE_REQUESTER_ID = 1666;
export const HOSTILE_PROFILE_ID = '01HOSTILE00000000000000000';
export const HOSTILE_EMAIL = 'hostile.customer@example.com';
export const HOSTILE_PHONE = '+14155550666';

export const PAYLOADS = {
  script: '<script>window.__pwned="script";alert("script")</script>',
  img: "<img src=x onerror=\"window.__pwned='img';alert('img')\">",
  svg: "<svg onload=\"window.__pwned='svg';alert('svg')\"></svg>",
  jsUrl: 'javascript:window.__pwned="url";alert("url")',
  rtl: '\u202Etxt.exe\u202C Customer',
  emoji: '👩‍👩‍👧‍👦🦄🔥 Émoji Ünïcode 한국어',
  /** 10 000 characters without a space: must wrap, not push the sidebar wider. */
  longWord: 'W'.repeat(10_000),
} as const;

/** Texts the sidebar shows for the hostile profile, which must appear literally. */
export const HOSTILE_FIRST_NAME = `${PAYLOADS.script}Robert`;
export const HOSTILE_LAST_NAME = `${PAYLOADS.img}Tables`;

export function hostileProfile(): SeedProfile {
  const smsConsent = (flag: string) => ({
    [flag]: true,
    consent: 'SUBSCRIBED',
    consent_timestamp: '2026-01-01T00:00:00+00:00',
    method: 'TEXT',
    method_detail: null,
    last_updated: '2026-01-01T00:00:00+00:00',
  });
  return {
    id: HOSTILE_PROFILE_ID,
    attributes: {
      email: HOSTILE_EMAIL,
      phone_number: HOSTILE_PHONE,
      external_id: null,
      anonymous_id: null,
      first_name: HOSTILE_FIRST_NAME,
      last_name: HOSTILE_LAST_NAME,
      organization: PAYLOADS.rtl,
      locale: null,
      title: PAYLOADS.svg,
      image: PAYLOADS.jsUrl,
      created: '2026-01-01T00:00:00+00:00',
      updated: null,
      last_event_date: null,
      location: {
        address1: PAYLOADS.img,
        address2: null,
        city: PAYLOADS.longWord,
        country: null,
        latitude: null,
        longitude: null,
        region: PAYLOADS.emoji,
        zip: null,
        timezone: 'America/Los_Angeles',
        ip: null,
      },
      properties: {
        website: PAYLOADS.jsUrl,
        nickname: PAYLOADS.script,
        nothing: null,
        nested: { deeper: [null, PAYLOADS.img] },
        [PAYLOADS.img]: 'hostile key',
        long: PAYLOADS.longWord,
      },
      subscriptions: {
        email: {
          marketing: {
            can_receive_email_marketing: true,
            consent: 'SUBSCRIBED',
            consent_timestamp: null,
            method: null,
            method_detail: null,
            custom_method_detail: null,
            double_optin: null,
            last_updated: null,
            suppression: [],
            list_suppressions: [],
          },
        },
        sms: {
          marketing: smsConsent('can_receive_sms_marketing'),
          transactional: smsConsent('can_receive_sms_transactional'),
        },
      },
      predictive_analytics: null,
    },
    conversations: [{ id: '01HOSTILECONV0000000000000', channel: 'sms' }],
  };
}

/**
 * Events for the hostile profile, newest last. Metric ids are resolved by the caller with
 * `store.metricNamed(name).id` so they match the stand-in's metrics.
 */
/** The hostile profile's events, each naming its metric (the workspace's seed API resolves it). */
export function hostileEvents(now = Date.now()): HostileEvent[] {
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  let n = 0;
  const event = (
    metric: string,
    minutesAgo: number,
    properties: Record<string, unknown>,
  ): HostileEvent => {
    n += 1;
    return {
      id: `EvHostile${String(n).padStart(4, '0')}`,
      profileId: HOSTILE_PROFILE_ID,
      metricName: metric,
      datetime: at(minutesAgo),
      properties,
    };
  };
  const sms = { 'From Number': HOSTILE_PHONE, 'To Number': '+18335550100' };
  return [
    event('Placed Order', 600, {
      $value: null,
      ItemNames: [null, PAYLOADS.img, PAYLOADS.emoji],
      Items: null,
      URL: PAYLOADS.jsUrl,
      $currency_code: '<b>USD</b>',
    }),
    event('Viewed Product', 500, {
      ProductName: PAYLOADS.script,
      URL: PAYLOADS.jsUrl,
      ImageURL: PAYLOADS.jsUrl,
      Price: null,
    }),
    event('Opened Email', 400, { Subject: PAYLOADS.rtl, 'Campaign Name': null }),
    event('Sent SMS', 300, { ...sms, 'Message Body': PAYLOADS.longWord }),
    event('Received SMS', 200, {
      'Message Body': PAYLOADS.img,
      'Message Type': 'conversational',
      'From Number': '+18335550100',
      'To Number': HOSTILE_PHONE,
    }),
    event('Sent SMS', 100, { ...sms, 'Message Body': `${PAYLOADS.script} ${PAYLOADS.emoji}` }),
    event('Sent SMS', 50, { ...sms, 'Message Body': null }),
    event('Sent SMS', 20, { ...sms, 'Message Body': `${PAYLOADS.rtl} ${PAYLOADS.jsUrl}` }),
  ];
}

/** The Zendesk side: a requester and ticket in the shape of dev/zendesk/seed.ts. */
export const HOSTILE_ZENDESK = {
  user: {
    id: HOSTILE_REQUESTER_ID,
    name: `${PAYLOADS.img} ${PAYLOADS.rtl}`,
    email: HOSTILE_EMAIL,
    phone: HOSTILE_PHONE,
  },
  ticket: {
    id: HOSTILE_TICKET_ID,
    subject: `${PAYLOADS.script} ${PAYLOADS.emoji}`,
    status: 'open' as const,
    tags: ['sms'],
    requesterId: HOSTILE_REQUESTER_ID,
    brandId: 1,
    comments: [
      {
        authorId: HOSTILE_REQUESTER_ID,
        body: `${PAYLOADS.svg} ${PAYLOADS.longWord}`,
        minutesAgo: 30,
      },
    ],
  },
};
