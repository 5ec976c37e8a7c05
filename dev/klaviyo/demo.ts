/**
 * The shared demo roster as Klaviyo data (see the brief's roster): profiles for tickets 101–106,
 * realistic events with Klaviyo's metric names and property names, timestamps relative to `now`
 * so the demo always looks recent. The SMS text is in `Message Body` (one plausible candidate:
 * Klaviyo does not document which property holds it; the thread code looks for several).
 */
import { mariaHistory } from './demo-maria';
import { DEMO_IDS, DEMO_PHONES, demoProfiles } from './demo-profiles';
import type { KlaviyoSeed, SeedEvent } from './store';

export { DEMO_CONVERSATIONS, DEMO_IDS } from './demo-profiles';

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
  ): SeedEvent => {
    n += 1;
    const event: SeedEvent = {
      id: `EvDemo${String(n).padStart(5, '0')}`,
      profileId,
      metricId: metric.id,
      datetime: ago(minutesAgo),
      properties,
    };
    events.push(event);
    return event;
  };
  /**
   * Marks `reply` as the customer's answer to `answered` (a campaign or flow text), which the
   * stand-in serves as the event's `attributions`, as Klaviyo does for replies it attributes.
   */
  const answers = (reply: SeedEvent, answered: SeedEvent) =>
    Object.assign(reply, { attributedTo: answered.id });
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
  const mariaPhone = DEMO_PHONES.maria;
  for (const { day, after, from, text } of mariaHistory()) {
    if (from === 'customer') inbound(maria, mariaPhone, day * DAY - after, text);
    else outbound(maria, mariaPhone, day * DAY - after, text);
  }
  const summerSale = add(maria, METRICS.receivedSms, 8 * DAY, {
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
  // The customer answers the campaign (Klaviyo attributes such a reply to it).
  answers(
    inbound(maria, mariaPhone, 8 * DAY - 34, 'Does SUN25 work on things already on sale?'),
    summerSale,
  );
  outbound(maria, mariaPhone, 8 * DAY - 41, 'It does, on everything but gift cards. Enjoy!');
  const abandonedCart = add(maria, METRICS.receivedSms, 6 * DAY, {
    'Message Body':
      'ACME: You left something in your cart! Complete your order: https://acme.example.com/c/8f2',
    'Message Type': 'flow',
    $flow: 'FlAbnC',
    'Flow Name': 'Abandoned Cart SMS',
    $message: '01DEMOFLOWMSG0000000000000',
    'From Number': DEMO_BRAND_NUMBER,
    'To Number': mariaPhone,
  });
  // And answers the abandoned-cart flow's text.
  answers(
    inbound(maria, mariaPhone, 6 * DAY - 48, "I'll finish it tonight, the site timed out on me"),
    abandonedCart,
  );
  outbound(maria, mariaPhone, 6 * DAY - 55, 'No problem! Your cart is saved for 7 days.');
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
  const jordanPhone = DEMO_PHONES.jordan;
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
  const koPhone = DEMO_PHONES.phone;
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
    DEMO_PHONES.samPhone,
    7 * DAY,
    'ACME: Welcome! Reply HELP for help, STOP to opt out.',
    { 'Message Type': 'flow', $flow: 'FlWlcM', 'Flow Name': 'SMS Welcome Series' },
  );

  const profiles = demoProfiles(now);

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
