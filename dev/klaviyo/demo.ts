/**
 * The shared demo roster as Klaviyo data (see the brief's roster): profiles for tickets 101–106,
 * realistic events with Klaviyo's metric names and property names, timestamps relative to `now`
 * so the demo always looks recent. The SMS text is in `Message Body` (one plausible candidate:
 * Klaviyo does not document which property holds it; the thread code looks for several).
 */
import type { KlaviyoSeed, SeedEvent, SeedProfile } from './store';

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

/** The brand's Klaviyo sending number. */
export const DEMO_BRAND_NUMBER = '+18335550100';

const METRICS = {
  sentSms: { id: 'SmSnT1', name: 'Sent SMS' },
  receivedSms: { id: 'SmRcV1', name: 'Received SMS' },
  failedSms: { id: 'SmFaL1', name: 'Failed to Deliver SMS' },
  clickedSms: { id: 'SmClK1', name: 'Clicked SMS' },
  unsubscribedSms: { id: 'SmUnS1', name: 'Unsubscribed from SMS' },
  placedOrder: { id: 'PlOrD1', name: 'Placed Order' },
  openedEmail: { id: 'EmOpN1', name: 'Opened Email' },
  receivedEmail: { id: 'EmRcV1', name: 'Received Email' },
  viewedProduct: { id: 'ViPrD1', name: 'Viewed Product' },
} as const;

const KLAVIYO_INTEGRATION = {
  object: 'integration',
  id: '0rG4eQ',
  key: 'klaviyo',
  name: 'Klaviyo',
  category: 'Internal',
};
const SHOPIFY_INTEGRATION = {
  object: 'integration',
  id: '0eMvjm',
  key: 'shopify',
  name: 'Shopify',
  category: 'eCommerce',
};

const LISTS = [
  { id: 'LiNeWs', name: 'Newsletter' },
  { id: 'LiSmSs', name: 'SMS subscribers' },
];
const SEGMENTS = [
  { id: 'SeVipC', name: 'VIP customers' },
  { id: 'SeEngd', name: 'Engaged (90 days)' },
];

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

export function demoKlaviyoSeed(now: Date = new Date()): KlaviyoSeed {
  const t = now.getTime();
  const ago = (minutes: number) => new Date(t - minutes * 60_000).toISOString();
  const DAY = 24 * 60;
  let n = 0;
  const events: SeedEvent[] = [];
  const add = (
    profileId: string,
    metric: { id: string },
    minutesAgo: number,
    properties: Record<string, unknown>,
  ) => {
    n += 1;
    events.push({
      id: `EvDemo${String(n).padStart(5, '0')}`,
      profileId,
      metricId: metric.id,
      datetime: ago(minutesAgo),
      properties,
    });
  };
  const outbound = (
    profileId: string,
    to: string,
    minutesAgo: number,
    text: string,
    extra: Record<string, unknown> = {},
  ) =>
    add(profileId, METRICS.receivedSms, minutesAgo, {
      'Message Body': text,
      'Message Type': 'conversational',
      'From Number': DEMO_BRAND_NUMBER,
      'To Number': to,
      ...extra,
    });
  const inbound = (profileId: string, from: string, minutesAgo: number, text: string) =>
    add(profileId, METRICS.sentSms, minutesAgo, {
      'Message Body': text,
      'From Number': from,
      'To Number': DEMO_BRAND_NUMBER,
    });

  // ---- Maria Garcia: a long thread, orders, email opens, product views ----
  const maria = DEMO_IDS.maria;
  const mariaPhone = '+14155550101';
  const history: Array<[boolean, string]> = [
    [false, 'Hi Maria, thanks for your order #4602! We will text you when it ships.'],
    [true, 'Great, thank you!'],
    [false, 'Your order #4602 has shipped. Track it here: https://acme.example.com/t/4602'],
    [true, 'Got it 👍'],
    [true, 'Do you have the linen shirt in medium?'],
    [false, 'We do! The Linen Shirt is back in stock in M. Want us to hold one for you?'],
    [true, 'Yes please'],
    [false, 'Done, it is reserved for 48 hours under your name.'],
    [true, 'Can I change the color to sage?'],
    [false, 'Sage in M is available too, I switched the reservation.'],
    [true, 'Perfect, ordering now'],
    [false, 'Thanks Maria! Order #4711 confirmed.'],
    [true, 'When will it arrive?'],
    [false, 'Estimated delivery is Thursday.'],
    [true, 'Thanks!'],
    [false, 'Your order #4711 was delivered. Enjoy!'],
    [true, 'The shirt is lovely. Do you ship to Canada? Asking for my sister'],
    [false, 'We do ship to Canada, delivery takes 5–7 business days.'],
    [true, 'Ok I will tell her'],
    [false, 'Happy to help! Reply anytime.'],
  ];
  // 30 rounds of the older exchange (60 events), from 60 days ago to 9 days ago.
  let minute = 60 * DAY;
  for (let round = 0; round < 30; round++) {
    const [isInbound, text] = history[round % history.length]!;
    if (isInbound) inbound(maria, mariaPhone, minute, text);
    else outbound(maria, mariaPhone, minute, text);
    minute -= 17;
    const [isInbound2, text2] = history[(round + 1) % history.length]!;
    if (isInbound2) inbound(maria, mariaPhone, minute, text2);
    else outbound(maria, mariaPhone, minute, text2);
    minute -= Math.floor((51 * DAY) / 30);
  }
  add(maria, METRICS.receivedSms, 8 * DAY, {
    'Message Body':
      'ACME: Summer sale! 25% off everything this weekend with code SUN25. Shop: https://acme.example.com/s Reply STOP to opt out',
    'Message Type': 'campaign',
    'Campaign Name': 'Summer Sale SMS',
    $message: '01DEMOCAMPMSG0000000000000',
    'From Number': DEMO_BRAND_NUMBER,
    'To Number': mariaPhone,
  });
  add(maria, METRICS.clickedSms, 8 * DAY - 30, {
    'Campaign Name': 'Summer Sale SMS',
    URL: 'https://acme.example.com/s',
  });
  add(maria, METRICS.receivedSms, 6 * DAY, {
    'Message Body':
      'ACME: You left something in your cart! Complete your order: https://acme.example.com/c/8f2',
    'Message Type': 'flow',
    $flow: 'FlAbnC',
    'Flow Name': 'Abandoned Cart SMS',
    $message: '01DEMOFLOWMSG0000000000000',
    'From Number': DEMO_BRAND_NUMBER,
    'To Number': mariaPhone,
  });
  add(maria, METRICS.failedSms, 5 * DAY, {
    'Message Body': 'Hi Maria, your return label is ready: https://acme.example.com/r/4711',
    'Message Type': 'conversational',
    'Failure Type': 'Device Unreachable',
    'From Number': DEMO_BRAND_NUMBER,
    'To Number': mariaPhone,
  });
  inbound(maria, mariaPhone, 3 * DAY, 'Hi, I ordered the sage linen shirt again as a gift');
  outbound(
    maria,
    mariaPhone,
    3 * DAY - 12,
    'Lovely! Order #4821 is confirmed. We will text you when it ships.',
  );
  outbound(
    maria,
    mariaPhone,
    2 * DAY,
    'Your order #4821 has shipped: https://acme.example.com/t/4821',
  );
  inbound(
    maria,
    mariaPhone,
    1 * DAY,
    'Hi, tracking has not moved in 2 days. Where is my order #4821?',
  );
  outbound(
    maria,
    mariaPhone,
    1 * DAY - 20,
    'Sorry about that, Maria. Let me check with the carrier.',
  );
  inbound(maria, mariaPhone, 150, 'Any news? I need it by Friday 🙏');
  inbound(maria, mariaPhone, 45, 'Also can you send it to my work address instead?');

  const item = (name: string, sku: string, price: number, qty = 1) => ({
    ProductName: name,
    SKU: sku,
    ItemPrice: price,
    Quantity: qty,
    RowTotal: price * qty,
    ProductURL: `https://acme.example.com/p/${sku.toLowerCase()}`,
  });
  const order = (
    profileId: string,
    minutesAgo: number,
    id: string,
    items: ReturnType<typeof item>[],
  ) =>
    add(profileId, METRICS.placedOrder, minutesAgo, {
      $value: Math.round(items.reduce((s, i) => s + i.RowTotal, 0) * 100) / 100,
      OrderId: id,
      $event_id: id,
      Items: items,
      ItemNames: items.map((i) => i.ProductName),
      Categories: ['Apparel'],
      Brands: ['Acme'],
      DiscountCode: null,
      Currency: 'USD',
    });
  order(maria, 52 * DAY, '4602', [
    item('Canvas Tote', 'TOTE-NAT', 24),
    item('Cotton Tee', 'TEE-WHT-M', 18, 2),
  ]);
  order(maria, 30 * DAY, '4711', [item('Linen Shirt (Sage)', 'LIN-SAG-M', 68)]);
  order(maria, 3 * DAY - 5, '4821', [
    item('Linen Shirt (Sage)', 'LIN-SAG-M', 68),
    item('Gift Wrap', 'GIFT-WRAP', 4.5),
  ]);
  add(maria, METRICS.receivedEmail, 4 * DAY, {
    Subject: 'New arrivals for fall',
    'Campaign Name': 'Fall Arrivals',
    $message: 'EmMsg01',
  });
  add(maria, METRICS.openedEmail, 4 * DAY - 90, {
    Subject: 'New arrivals for fall',
    'Campaign Name': 'Fall Arrivals',
    $message: 'EmMsg01',
    'Email Domain': 'example.com',
  });
  add(maria, METRICS.openedEmail, 12 * DAY, {
    Subject: 'Your order has shipped',
    'Campaign Name': null,
    $flow: 'FlShpN',
    $message: 'EmMsg02',
    'Email Domain': 'example.com',
  });
  add(maria, METRICS.viewedProduct, 3 * DAY + 40, {
    ProductName: 'Linen Shirt (Sage)',
    ProductID: '8812',
    SKU: 'LIN-SAG-M',
    URL: 'https://acme.example.com/p/lin-sag-m',
    Price: 68,
    Categories: ['Shirts'],
  });
  add(maria, METRICS.viewedProduct, 2 * DAY, {
    ProductName: 'Wool Scarf',
    ProductID: '9020',
    SKU: 'SCF-GRY',
    URL: 'https://acme.example.com/p/scf-gry',
    Price: 39,
    Categories: ['Accessories'],
  });

  // ---- Sven: email only ----
  const sven = DEMO_IDS.sven;
  order(sven, 9 * DAY, '4790', [item('Rain Jacket', 'RJ-NAVY-L', 129)]);
  add(sven, METRICS.openedEmail, 2 * DAY, {
    Subject: 'How to return an item',
    'Campaign Name': null,
    $flow: 'FlRetN',
    $message: 'EmMsg03',
    'Email Domain': 'example.se',
  });
  add(sven, METRICS.viewedProduct, 1 * DAY, {
    ProductName: 'Rain Jacket',
    ProductID: '7001',
    SKU: 'RJ-NAVY-L',
    URL: 'https://acme.example.com/p/rj-navy-l',
    Price: 129,
    Categories: ['Outerwear'],
  });

  // ---- Jordan: unsubscribed everywhere ----
  const jordan = DEMO_IDS.jordan;
  const jordanPhone = '+12125550199';
  add(jordan, METRICS.receivedSms, 2 * DAY, {
    'Message Body':
      'ACME: Flash sale today only! 30% off: https://acme.example.com/f Reply STOP to opt out',
    'Message Type': 'campaign',
    'Campaign Name': 'Flash Sale SMS',
    $message: '01DEMOCAMPMSG0000000000001',
    'From Number': DEMO_BRAND_NUMBER,
    'To Number': jordanPhone,
  });
  inbound(jordan, jordanPhone, 2 * DAY - 10, 'STOP');
  add(jordan, METRICS.unsubscribedSms, 2 * DAY - 10, {
    'From Number': jordanPhone,
    Method: 'TEXT',
  });
  outbound(
    jordan,
    jordanPhone,
    2 * DAY - 10,
    'ACME: You are unsubscribed and will receive no more messages.',
    { 'Message Type': 'transactional' },
  );

  // ---- +82 phone-only profile: a short thread ----
  const phoneId = DEMO_IDS.phone;
  const koPhone = '+821055501234';
  outbound(phoneId, koPhone, 2 * DAY, 'ACME: Your order #4833 is out for delivery today.');
  inbound(phoneId, koPhone, 2 * DAY - 30, 'The courier left it at the wrong building');
  outbound(phoneId, koPhone, 2 * DAY - 40, 'Sorry! We are contacting the courier now.');
  inbound(phoneId, koPhone, 90, 'Still nothing. Can you call me?');
  order(phoneId, 4 * DAY, '4833', [item('Cotton Tee', 'TEE-BLK-S', 18, 3)]);

  // ---- Sam Taylor: two profiles ----
  order(DEMO_IDS.samEmail, 20 * DAY, '4750', [item('Canvas Tote', 'TOTE-NAT', 24)]);
  add(DEMO_IDS.samEmail, METRICS.openedEmail, 5 * DAY, {
    Subject: 'New arrivals for fall',
    'Campaign Name': 'Fall Arrivals',
    $message: 'EmMsg01',
    'Email Domain': 'example.com',
  });
  outbound(
    DEMO_IDS.samPhone,
    '+15035550142',
    7 * DAY,
    'ACME: Welcome! Reply HELP for help, STOP to opt out.',
    { 'Message Type': 'flow', $flow: 'FlWlcM', 'Flow Name': 'SMS Welcome Series' },
  );

  const created = (days: number) => ago(days * DAY);
  const profiles: SeedProfile[] = [
    {
      id: maria,
      attributes: {
        email: 'maria.garcia@example.com',
        phone_number: mariaPhone,
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
      id: sven,
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
      id: jordan,
      attributes: {
        email: 'jordan.lee@example.com',
        phone_number: jordanPhone,
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
      id: phoneId,
      attributes: {
        email: null,
        phone_number: koPhone,
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
        phone_number: '+15035550142',
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

  return {
    account: { id: 'AbC123', organizationName: 'Acme' },
    profiles,
    metrics: Object.values(METRICS).map((m) => ({
      ...m,
      integration:
        m.id.startsWith('Sm') || m.id.startsWith('Em') ? KLAVIYO_INTEGRATION : SHOPIFY_INTEGRATION,
    })),
    events,
    lists: LISTS,
    segments: SEGMENTS,
    grantedScopes: null,
    conversationsEnabled: true,
  };
}
