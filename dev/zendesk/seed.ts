/**
 * The demo Zendesk account: agent, brands, end-users and tickets 101-106 of the shared demo roster
 * (the Klaviyo stand-in's profiles match these requesters by email and phone).
 */

export interface SeedUser {
  id: number;
  name: string;
  email?: string | null;
  phone?: string | null;
  role?: 'end-user' | 'agent' | 'admin';
  locale?: string;
  /** Zendesk's display name of the zone and its IANA id. */
  timeZone?: { name: string; iana: string };
  /** Extra identities beyond the primary email and phone (which become identities too). */
  identities?: Array<{ type: 'email' | 'phone_number'; value: string }>;
  userFields?: Record<string, unknown>;
  tags?: string[];
  externalId?: string | null;
  defaultGroupId?: number | null;
}

export interface SeedComment {
  authorId: number;
  body: string;
  public?: boolean;
  minutesAgo: number;
  channel?: string;
}

export interface SeedTicket {
  id: number;
  subject: string;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  tags?: string[];
  requesterId: number;
  assigneeId?: number | null;
  groupId?: number | null;
  brandId: number;
  priority?: 'low' | 'normal' | 'high' | 'urgent' | null;
  type?: 'question' | 'incident' | 'problem' | 'task' | null;
  channel?: string;
  externalId?: string | null;
  comments: SeedComment[];
}

export interface ZendeskSeed {
  subdomain: string;
  currentUserId: number;
  brands: Array<{ id: number; name: string; subdomain: string; default?: boolean }>;
  groups: Array<{ id: number; name: string; default?: boolean }>;
  users: SeedUser[];
  userFields: Array<{ key: string; title: string; type: 'text' | 'checkbox' | 'integer' }>;
  ticketFields: SeedTicketField[];
  tickets: SeedTicket[];
}

export interface SeedTicketField {
  id: number;
  type: string;
  title: string;
  active: boolean;
  /** False for Zendesk's built-in fields (subject, status, …). */
  removable: boolean;
  position: number;
  custom_field_options?: Array<{ id: number; name: string; value: string }>;
}

function systemField(id: number, type: string, title: string, position: number): SeedTicketField {
  return { id, type, title, active: true, removable: false, position };
}

/** Zendesk's built-in ticket fields plus the custom ones of the demo account. */
export function demoTicketFields(): SeedTicketField[] {
  return [
    systemField(360000001, 'subject', 'Subject', 1),
    systemField(360000002, 'description', 'Description', 2),
    systemField(360000003, 'status', 'Status', 3),
    systemField(360000004, 'tickettype', 'Type', 4),
    systemField(360000005, 'priority', 'Priority', 5),
    systemField(360000006, 'group', 'Group', 6),
    systemField(360000007, 'assignee', 'Assignee', 7),
    { ...systemField(360000101, 'text', 'Order number', 8), removable: true },
    {
      ...systemField(360000102, 'tagger', 'Contact reason', 9),
      removable: true,
      custom_field_options: [
        { id: 1, name: 'Delivery', value: 'reason_delivery' },
        { id: 2, name: 'Returns', value: 'reason_returns' },
      ],
    },
    { ...systemField(360000103, 'text', 'Retired field', 10), removable: true, active: false },
  ];
}

export const DEMO_AGENT_ID = 1;

/** Requester ids of the demo tickets: user 1101 asked ticket 101, and so on. */
export const DEMO_REQUESTERS = {
  maria: 1101,
  sven: 1102,
  jordan: 1103,
  noa: 1104,
  phoneOnly: 1105,
  sam: 1106,
} as const;

const PACIFIC = { name: 'Pacific Time (US & Canada)', iana: 'America/Los_Angeles' };
const EASTERN = { name: 'Eastern Time (US & Canada)', iana: 'America/New_York' };

export function demoZendeskSeed(): ZendeskSeed {
  const r = DEMO_REQUESTERS;
  const agent = DEMO_AGENT_ID;
  return {
    subdomain: 'demo',
    currentUserId: agent,
    brands: [
      { id: 1, name: 'Acme', subdomain: 'demo', default: true },
      { id: 2, name: 'Acme Outlet', subdomain: 'demo-outlet' },
    ],
    groups: [{ id: 21, name: 'Support', default: true }],
    // No user fields yet: the app's setup page creates `klaviyo_profile_id`, as in a new account.
    userFields: [],
    ticketFields: demoTicketFields(),
    users: [
      {
        id: agent,
        name: 'Alex Agent',
        email: 'alex.agent@example.com',
        role: 'admin',
        locale: 'en-US',
        timeZone: PACIFIC,
        defaultGroupId: 21,
      },
      {
        id: r.maria,
        name: 'Maria Garcia',
        email: 'maria.garcia@example.com',
        phone: '+14155550101',
        timeZone: PACIFIC,
        tags: ['vip'],
      },
      {
        id: r.sven,
        name: 'Sven Lindqvist',
        email: 'sven.lindqvist@example.se',
        locale: 'sv',
        timeZone: { name: 'Stockholm', iana: 'Europe/Stockholm' },
      },
      {
        id: r.jordan,
        name: 'Jordan Lee',
        email: 'jordan.lee@example.com',
        phone: '+12125550199',
        timeZone: EASTERN,
      },
      {
        id: r.noa,
        name: 'Noa Cohen',
        email: 'noa.cohen@example.org',
        timeZone: { name: 'Jerusalem', iana: 'Asia/Jerusalem' },
      },
      {
        id: r.phoneOnly,
        name: '+82 10-5550-1234',
        email: null,
        phone: '+82 10-5550-1234',
        locale: 'ko',
        timeZone: { name: 'Seoul', iana: 'Asia/Seoul' },
      },
      {
        id: r.sam,
        name: 'Sam Taylor',
        email: 'sam.taylor@example.com',
        phone: '+15035550142',
        timeZone: PACIFIC,
      },
    ],
    tickets: [
      {
        id: 101,
        subject: 'Where is my order #4821?',
        status: 'open',
        tags: ['sms'],
        requesterId: r.maria,
        assigneeId: agent,
        groupId: 21,
        brandId: 1,
        priority: 'normal',
        type: 'question',
        channel: 'api',
        comments: [
          {
            authorId: r.maria,
            body: 'Hi! My order #4821 was supposed to arrive on Monday and the tracking has not moved since. Can you check where it is?',
            minutesAgo: 190,
            channel: 'api',
          },
          {
            authorId: agent,
            body: 'Hi Maria, thanks for reaching out. I am checking with the carrier now and will get back to you shortly.',
            minutesAgo: 150,
          },
          {
            authorId: agent,
            body: 'Carrier says the parcel is at the San Francisco depot; out for delivery tomorrow.',
            public: false,
            minutesAgo: 120,
          },
          {
            authorId: r.maria,
            body: 'Thanks! Could you text me when it leaves the depot?',
            minutesAgo: 45,
            channel: 'api',
          },
        ],
      },
      {
        id: 102,
        subject: 'Question about returns',
        status: 'open',
        tags: ['returns'],
        requesterId: r.sven,
        assigneeId: agent,
        groupId: 21,
        brandId: 1,
        priority: 'normal',
        type: 'question',
        channel: 'email',
        comments: [
          {
            authorId: r.sven,
            body: 'Hello, the jacket I bought is a size too small. How do I return it from Sweden, and who pays for shipping?',
            minutesAgo: 300,
            channel: 'email',
          },
        ],
      },
      {
        id: 103,
        subject: 'Stop texting me',
        status: 'new',
        tags: ['sms'],
        requesterId: r.jordan,
        assigneeId: null,
        groupId: 21,
        brandId: 1,
        priority: 'high',
        channel: 'api',
        comments: [
          {
            authorId: r.jordan,
            body: 'STOP. Please stop texting me, I never asked for these messages.',
            minutesAgo: 30,
            channel: 'api',
          },
        ],
      },
      {
        id: 104,
        subject: 'First time buyer',
        status: 'new',
        tags: [],
        requesterId: r.noa,
        assigneeId: null,
        groupId: 21,
        brandId: 1,
        priority: null,
        type: 'question',
        channel: 'web',
        comments: [
          {
            authorId: r.noa,
            body: 'Hi, I am about to place my first order. Do you ship to Israel and how long does it take?',
            minutesAgo: 75,
            channel: 'web',
          },
        ],
      },
      {
        id: 105,
        subject: 'Texted about my delivery',
        status: 'open',
        tags: ['sms'],
        requesterId: r.phoneOnly,
        assigneeId: agent,
        groupId: 21,
        brandId: 1,
        priority: 'normal',
        channel: 'api',
        comments: [
          {
            authorId: r.phoneOnly,
            body: 'Hello, I got a text that my delivery failed. Can it be delivered again tomorrow?',
            minutesAgo: 20,
            channel: 'api',
          },
        ],
      },
      {
        id: 106,
        subject: 'Duplicate accounts',
        status: 'pending',
        tags: [],
        requesterId: r.sam,
        assigneeId: agent,
        groupId: 21,
        brandId: 2,
        priority: 'low',
        type: 'question',
        channel: 'email',
        comments: [
          {
            authorId: r.sam,
            body: 'I think I have two accounts with you, one with my email and one with my phone. Can you merge them?',
            minutesAgo: 1440,
            channel: 'email',
          },
          {
            authorId: agent,
            body: 'Hi Sam, I can see both. Which one would you like to keep?',
            minutesAgo: 1380,
          },
        ],
      },
    ],
  };
}
