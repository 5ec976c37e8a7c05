/**
 * The demo roster's Klaviyo profiles (tickets 101–106): who they are, where, their consent, lists
 * and segments, and their SMS conversations. Their events are in `demo.ts`.
 */
import type { SeedProfile } from './store';

export const DEMO_IDS = {
  maria: '01DEMOMARIA000000000000000',
  sven: '01DEMOSVEN0000000000000000',
  jordan: '01DEMOJORDAN00000000000000',
  phone: '01DEMOPHONE000000000000000',
  samEmail: '01DEMOSAMEMAIL000000000000',
  samPhone: '01DEMOSAMPHONE000000000000',
} as const;

export const DEMO_CONVERSATIONS = {
  maria: '01DEMOCONVMARIA00000000000',
  jordan: '01DEMOCONVJORDAN0000000000',
  phone: '01DEMOCONVPHONE00000000000',
} as const;

/** The customers' phone numbers (E.164). */
export const DEMO_PHONES = {
  maria: '+14155550101',
  jordan: '+12125550199',
  phone: '+821055501234',
  samPhone: '+15035550142',
} as const;

const DAY = 24 * 60;

type Consent = 'SUBSCRIBED' | 'UNSUBSCRIBED' | 'NEVER_SUBSCRIBED';

function subscriptions(
  email: Consent,
  smsMarketing: Consent,
  smsTransactional: Consent,
  at: string,
) {
  const channel = (consent: Consent, flag: string, method: string) => ({
    [flag]: consent === 'SUBSCRIBED',
    consent,
    consent_timestamp: consent === 'NEVER_SUBSCRIBED' ? null : at,
    method: consent === 'NEVER_SUBSCRIBED' ? null : method,
    method_detail: null,
    last_updated: consent === 'NEVER_SUBSCRIBED' ? null : at,
  });
  return {
    email: {
      marketing: {
        ...channel(email, 'can_receive_email_marketing', 'FORM'),
        custom_method_detail: null,
        double_optin: null,
        suppression: email === 'UNSUBSCRIBED' ? [{ reason: 'UNSUBSCRIBE', timestamp: at }] : [],
        list_suppressions: [],
      },
    },
    sms: {
      marketing: channel(smsMarketing, 'can_receive_sms_marketing', 'TEXT'),
      transactional: channel(smsTransactional, 'can_receive_sms_transactional', 'TEXT'),
    },
  };
}

function location(
  city: string | null,
  region: string | null,
  country: string | null,
  timezone: string,
  zip: string | null = null,
) {
  return {
    address1: null,
    address2: null,
    city,
    country,
    latitude: null,
    longitude: null,
    region,
    zip,
    timezone,
    ip: null,
  };
}

export function demoProfiles(now: Date): SeedProfile[] {
  const t = now.getTime();
  const ago = (minutes: number) => new Date(t - minutes * 60_000).toISOString();
  const created = (days: number) => ago(days * DAY);
  return [
    {
      id: DEMO_IDS.maria,
      attributes: {
        email: 'maria.garcia@example.com',
        phone_number: DEMO_PHONES.maria,
        external_id: 'shopify-7001',
        first_name: 'Maria',
        last_name: 'Garcia',
        organization: null,
        locale: 'en-US',
        title: null,
        image: null,
        created: created(400),
        updated: created(1),
        last_event_date: ago(45),
        location: location('San Francisco', 'CA', 'United States', 'America/Los_Angeles', '94110'),
        properties: {},
        subscriptions: subscriptions('SUBSCRIBED', 'SUBSCRIBED', 'SUBSCRIBED', created(390)),
        predictive_analytics: {
          historic_clv: 246.5,
          predicted_clv: 180,
          total_clv: 426.5,
          historic_number_of_orders: 3,
          predicted_number_of_orders: 2.1,
          average_days_between_orders: 24,
          average_order_value: 82.17,
          churn_probability: 0.12,
          expected_date_of_next_order: new Date(t + 21 * DAY * 60_000).toISOString(),
          ranked_channel_affinity: ['sms', 'email'],
        },
      },
      listIds: ['LiNeWs', 'LiSmSs'],
      segmentIds: ['SeVipC', 'SeEngd'],
      conversations: [{ id: DEMO_CONVERSATIONS.maria, channel: 'sms' }],
    },
    {
      id: DEMO_IDS.sven,
      attributes: {
        email: 'sven.lindqvist@example.se',
        phone_number: null,
        external_id: null,
        first_name: 'Sven',
        last_name: 'Lindqvist',
        organization: null,
        locale: 'sv-SE',
        title: null,
        image: null,
        created: created(120),
        updated: created(2),
        last_event_date: created(1),
        location: location('Stockholm', null, 'Sweden', 'Europe/Stockholm'),
        properties: {},
        subscriptions: subscriptions(
          'SUBSCRIBED',
          'NEVER_SUBSCRIBED',
          'NEVER_SUBSCRIBED',
          created(119),
        ),
        predictive_analytics: null,
      },
      listIds: ['LiNeWs'],
      segmentIds: [],
    },
    {
      id: DEMO_IDS.jordan,
      attributes: {
        email: 'jordan.lee@example.com',
        phone_number: DEMO_PHONES.jordan,
        external_id: null,
        first_name: 'Jordan',
        last_name: 'Lee',
        organization: null,
        locale: 'en-US',
        title: null,
        image: null,
        created: created(200),
        updated: created(2),
        last_event_date: created(2),
        location: location('New York', 'NY', 'United States', 'America/New_York'),
        properties: {},
        subscriptions: subscriptions('UNSUBSCRIBED', 'UNSUBSCRIBED', 'UNSUBSCRIBED', created(2)),
        predictive_analytics: null,
      },
      listIds: [],
      segmentIds: [],
      conversations: [{ id: DEMO_CONVERSATIONS.jordan, channel: 'sms' }],
    },
    {
      id: DEMO_IDS.phone,
      attributes: {
        email: null,
        phone_number: DEMO_PHONES.phone,
        external_id: null,
        first_name: null,
        last_name: null,
        organization: null,
        locale: 'ko-KR',
        title: null,
        image: null,
        created: created(30),
        updated: created(2),
        last_event_date: ago(90),
        location: location('Seoul', null, 'South Korea', 'Asia/Seoul'),
        properties: {},
        subscriptions: subscriptions('NEVER_SUBSCRIBED', 'SUBSCRIBED', 'SUBSCRIBED', created(30)),
        predictive_analytics: null,
      },
      listIds: ['LiSmSs'],
      segmentIds: [],
      conversations: [{ id: DEMO_CONVERSATIONS.phone, channel: 'sms' }],
    },
    {
      id: DEMO_IDS.samEmail,
      attributes: {
        email: 'sam.taylor@example.com',
        phone_number: null,
        external_id: null,
        first_name: 'Sam',
        last_name: 'Taylor',
        organization: null,
        locale: 'en-US',
        title: null,
        image: null,
        created: created(90),
        updated: created(5),
        last_event_date: created(5),
        location: location('Portland', 'OR', 'United States', 'America/Los_Angeles'),
        properties: {},
        subscriptions: subscriptions(
          'SUBSCRIBED',
          'NEVER_SUBSCRIBED',
          'NEVER_SUBSCRIBED',
          created(90),
        ),
        predictive_analytics: null,
      },
      listIds: ['LiNeWs'],
      segmentIds: [],
    },
    {
      id: DEMO_IDS.samPhone,
      attributes: {
        email: null,
        phone_number: DEMO_PHONES.samPhone,
        external_id: null,
        first_name: 'Sam',
        last_name: null,
        organization: null,
        locale: null,
        title: null,
        image: null,
        created: created(10),
        updated: created(7),
        last_event_date: created(7),
        location: location(null, null, null, 'America/Los_Angeles'),
        properties: {},
        subscriptions: subscriptions('NEVER_SUBSCRIBED', 'SUBSCRIBED', 'SUBSCRIBED', created(10)),
        predictive_analytics: null,
      },
      listIds: ['LiSmSs'],
      segmentIds: [],
      conversations: [{ id: '01DEMOCONVSAM0000000000000', channel: 'sms' }],
    },
  ];
}
