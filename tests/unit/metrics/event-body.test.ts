/**
 * The trigger bodies rendered by a real Liquid engine over realistic and hostile tickets, under
 * both assumptions about Zendesk: (A) it JSON-escapes every placeholder value in a JSON body,
 * (B) it inserts values as they are. Each result must be JSON that Klaviyo's EventCreateQueryV2
 * schema accepts.
 */
import { Liquid } from 'liquidjs';
import { buildEventBody, DESCRIPTION_LIMIT, type TicketMetric } from '../../../src/metrics/body';
import type { PlaceholderEscaping } from '../../../src/metrics/escaping';
import { PLACEHOLDER_ESCAPING } from '../../../src/metrics/escaping';
import { describeWithShared } from '../../support/shared';
import { eventCreateValidator, KLAVIYO_SPEC } from './klaviyoSchema';

type Assumption = 'zendesk-escapes-values' | 'zendesk-inserts-raw';

const engines: Record<Assumption, Liquid> = {
  'zendesk-escapes-values': new Liquid({
    outputEscape: (v: unknown) =>
      JSON.stringify(v === undefined || v === null ? '' : String(v)).slice(1, -1),
  }),
  'zendesk-inserts-raw': new Liquid(),
};

const customFields = [
  { id: 360000101, title: 'Order number', type: 'text' },
  { id: 360000102, title: 'Contact reason', type: 'tagger' },
  { id: 360000104, title: 'Notes "internal" {{x}} \\ 100%', type: 'textarea' },
];

interface TicketData {
  id: number;
  title: string;
  description: string;
  status: string;
  priority: string;
  ticket_type: string;
  via: string;
  link: string;
  tags: string;
  brand: { name: string };
  group: { name: string };
  assignee: { name: string; email: string } | Record<string, never>;
  requester: { name: string; email?: string | null; phone?: string | null };
  [field: string]: unknown;
}

function ticket(overrides: Partial<TicketData> = {}): TicketData {
  return {
    id: 101,
    title: 'Where is my order #4821?',
    description: 'Hi, my order has not arrived yet.\nThanks, Maria',
    status: 'Open',
    priority: 'Normal',
    ticket_type: 'Question',
    via: 'Web Form',
    link: 'https://demo.zendesk.com/agent/tickets/101',
    tags: 'sms vip',
    brand: { name: 'Acme' },
    group: { name: 'Support' },
    assignee: { name: 'Alex Agent', email: 'alex.agent@example.com' },
    requester: { name: 'Maria Garcia', email: 'maria.garcia@example.com', phone: '+14155550101' },
    ticket_field_360000101: '4821',
    ticket_field_option_title_360000102: 'Delivery',
    ticket_field_360000104: '',
    ...overrides,
  };
}

const hostileText =
  'He said "stop" \\ C:\\path\\ \r\nline two\nline\tthree 🎉📦 <br /> {{ticket.id}} ';

const hostile: Record<string, TicketData> = {
  'quotes, backslashes, new lines, tabs and emoji everywhere': ticket({
    title: hostileText,
    description: `${hostileText}\n\n> quoted "reply"\\`,
    group: { name: 'Tier "2" \\ escalations' },
    assignee: { name: 'O\'Brien "Bob"\tJr', email: 'bob@example.com' },
    brand: { name: 'Acme\nOutlet' },
    ticket_field_360000101: '48"21\\',
    ticket_field_option_title_360000102: 'Delivery\nlate',
    ticket_field_360000104: 'multi\r\nline "note"',
  }),
  'carriage returns without a line feed (old Mac text, CR CR LF from a mangled email)': ticket({
    title: 'Order\rstatus',
    description: 'Hello\r\r\nMy order\rhas not arrived',
    ticket_field_360000104: 'note\rtwo',
  }),
  'no assignee, no group, no priority or type': ticket({
    assignee: {},
    group: { name: '' },
    priority: '',
    ticket_type: '',
  }),
  'no email, phone only in a local written form': ticket({
    id: 105,
    requester: { name: '+82 10-5550-1234', email: null, phone: '+82 10-5550-1234' },
  }),
  'no email and no phone': ticket({
    id: 104,
    requester: { name: 'Anonymous', email: '', phone: '' },
  }),
  'many tags and custom fields': ticket({
    tags: Array.from({ length: 120 }, (_, i) => `tag_${i}`).join(' '),
  }),
  'a description far longer than Klaviyo needs': ticket({ description: 'x'.repeat(50_000) }),
};

async function render(
  metric: TicketMetric,
  escaping: PlaceholderEscaping,
  assumption: Assumption,
  data: TicketData,
): Promise<string> {
  const template = buildEventBody(metric, { escaping, customFields });
  return engines[assumption].parseAndRender(template, { ticket: data });
}

interface RenderedEvent {
  data: {
    attributes: {
      properties: Record<string, unknown> & {
        Ticket_id: number;
        Subject: string;
        Description: string;
        Group_name: string;
        Assignee_name: string;
        Tags: string[];
        Fields: Record<string, string>;
      };
      metric: { data: { attributes: { name: string } } };
      profile: { data: { attributes: Record<string, string> } };
      unique_id: string;
    };
  };
}

function expectValidEvent(text: string): RenderedEvent {
  const parsed = JSON.parse(text) as RenderedEvent;
  const validate = eventCreateValidator();
  const ok = validate(parsed);
  if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2));
  return parsed;
}

/** What survives a trip through Liquid's newline handling: CRLF and a lone CR become LF. */
const asSent = (s: string) => s.replace(/\r\n?/g, '\n');

describeWithShared([KLAVIYO_SPEC], 'the webhook body', () => {
  it('escapes values with Liquid filters by default, which is safe under both assumptions', () => {
    expect(PLACEHOLDER_ESCAPING).toBe('liquid-filters');
  });

  const metrics: TicketMetric[] = ['Opened Ticket', 'Resolved Ticket'];
  const cases: Array<[PlaceholderEscaping, Assumption]> = [
    ['liquid-filters', 'zendesk-inserts-raw'],
    ['liquid-filters', 'zendesk-escapes-values'],
    ['zendesk-escapes', 'zendesk-escapes-values'],
  ];

  describe.each(cases)('escaping "%s" when %s', (escaping, assumption) => {
    // Escaped twice (by the filters, then by Zendesk) a new line arrives as the two characters \n:
    // still valid, only less pretty. That is the price of a body that is safe either way.
    const twice = escaping === 'liquid-filters' && assumption === 'zendesk-escapes-values';

    it.each(metrics)('renders a realistic %s as a valid Klaviyo event', async (metric) => {
      const event = expectValidEvent(await render(metric, escaping, assumption, ticket()));
      const attrs = event.data.attributes;
      expect(attrs.metric.data.attributes.name).toBe(metric);
      expect(attrs.profile.data.attributes).toEqual({
        email: 'maria.garcia@example.com',
        phone_number: '+14155550101',
      });
      expect(attrs.properties).toMatchObject({
        Ticket_id: 101,
        Subject: 'Where is my order #4821?',
        Description: `Hi, my order has not arrived yet.${twice ? '\\n' : '\n'}Thanks, Maria`,
        Status: 'Open',
        Priority: 'Normal',
        Type: 'Question',
        Channel: 'Web Form',
        Group_name: 'Support',
        Assignee_name: 'Alex Agent',
        Assignee_email: 'alex.agent@example.com',
        Tags: ['sms', 'vip'],
        Fields: { 'Order number': '4821', 'Contact reason': 'Delivery' },
        Zendesk_url: 'https://demo.zendesk.com/agent/tickets/101',
      });
      expect(Object.keys(attrs.properties.Fields)).toHaveLength(3);
    });

    it.each(Object.entries(hostile))(
      'stays valid JSON for a ticket with %s',
      async (_name, data) => {
        for (const metric of metrics) {
          const event = expectValidEvent(await render(metric, escaping, assumption, data));
          expect(event.data.attributes.properties.Ticket_id).toBe(data.id);
        }
      },
    );
  });

  it('keeps hostile text intact when Liquid escapes it and Zendesk inserts it as is', async () => {
    const data = hostile['quotes, backslashes, new lines, tabs and emoji everywhere']!;
    const event = expectValidEvent(
      await render('Opened Ticket', 'liquid-filters', 'zendesk-inserts-raw', data),
    );
    const p = event.data.attributes.properties;
    // Liquid's own new-line filter marks new lines with <br />, so a literal one reads as a new line.
    const sent = (s: string) => asSent(s).replace(/<br \/>/g, '\n');
    expect(p.Subject).toBe(sent(data.title));
    expect(p.Description).toBe(sent(data.description));
    expect(p.Assignee_name).toBe('O\'Brien "Bob"\tJr');
    expect(p.Fields['Order number']).toBe('48"21\\');
    expect(p.Fields['Contact reason']).toBe('Delivery\nlate');
    expect(p.Fields['Notes "internal" ((x)) \\ 100%']).toBe('multi\nline "note"');
  });

  it('turns a lone carriage return into a new line when Liquid escapes and Zendesk inserts as is', async () => {
    const data =
      hostile[
        'carriage returns without a line feed (old Mac text, CR CR LF from a mangled email)'
      ]!;
    const event = expectValidEvent(
      await render('Opened Ticket', 'liquid-filters', 'zendesk-inserts-raw', data),
    );
    const p = event.data.attributes.properties;
    expect(p.Subject).toBe('Order\nstatus');
    expect(p.Description).toBe('Hello\n\nMy order\nhas not arrived');
    expect(p.Fields['Notes "internal" ((x)) \\ 100%']).toBe('note\ntwo');
  });

  it('leaves text intact if Zendesk stored the body without its carriage return', async () => {
    const template = buildEventBody('Opened Ticket', { escaping: 'liquid-filters', customFields });
    expect(template).toContain('\r');
    const text = await engines['zendesk-inserts-raw'].parseAndRender(template.replace(/\r/g, ''), {
      ticket: ticket(),
    });
    expect(expectValidEvent(text).data.attributes.properties.Subject).toBe(
      'Where is my order #4821?',
    );
  });

  it('keeps hostile text exactly when Zendesk escapes values itself', async () => {
    const data = hostile['quotes, backslashes, new lines, tabs and emoji everywhere']!;
    const event = expectValidEvent(
      await render('Resolved Ticket', 'zendesk-escapes', 'zendesk-escapes-values', data),
    );
    expect(event.data.attributes.properties.Subject).toBe(data.title);
    expect(event.data.attributes.properties.Group_name).toBe('Tier "2" \\ escalations');
  });

  it('breaks the JSON with the plain body if Zendesk does not escape: why the default filters', async () => {
    const data = hostile['quotes, backslashes, new lines, tabs and emoji everywhere']!;
    const text = await render('Opened Ticket', 'zendesk-escapes', 'zendesk-inserts-raw', data);
    expect(() => JSON.parse(text)).toThrow();
  });

  describe('the profile it is recorded on', () => {
    const profileOf = async (requester: TicketData['requester']) => {
      const text = await render(
        'Opened Ticket',
        'liquid-filters',
        'zendesk-inserts-raw',
        ticket({ requester }),
      );
      return expectValidEvent(text).data.attributes.profile.data.attributes;
    };

    it('uses the email alone when there is no phone', async () => {
      expect(
        await profileOf({ name: 'Sven', email: 'sven.lindqvist@example.se', phone: null }),
      ).toEqual({
        email: 'sven.lindqvist@example.se',
      });
    });

    it('turns a phone written with spaces and dashes into E.164 when it has a country code', async () => {
      expect(await profileOf({ name: 'x', email: null, phone: '+82 10-5550-1234' })).toEqual({
        phone_number: '+821055501234',
      });
      expect(await profileOf({ name: 'x', email: '', phone: '+1 (212) 555-0199 ext. 12' })).toEqual(
        {
          phone_number: '+12125550199',
        },
      );
    });

    it('leaves out a phone Klaviyo would refuse (no country code, letters)', async () => {
      expect(await profileOf({ name: 'x', email: 'a@example.com', phone: '415-555-0101' })).toEqual(
        {
          email: 'a@example.com',
        },
      );
      expect(await profileOf({ name: 'x', email: 'a@example.com', phone: '+1 CALL-NOW' })).toEqual({
        email: 'a@example.com',
      });
    });
  });

  it('gives each ticket and metric its own unique_id so retries never count twice', async () => {
    const id = async (metric: TicketMetric, n: number) =>
      expectValidEvent(
        await render(metric, 'liquid-filters', 'zendesk-inserts-raw', ticket({ id: n })),
      ).data.attributes.unique_id;
    expect(await id('Opened Ticket', 101)).toBe('zendesk-101-opened');
    expect(await id('Resolved Ticket', 101)).toBe('zendesk-101-resolved');
    expect(await id('Opened Ticket', 101)).toBe(await id('Opened Ticket', 101));
    expect(await id('Opened Ticket', 102)).not.toBe(await id('Opened Ticket', 101));
  });

  it('sends at most the first part of a very long description', async () => {
    const event = expectValidEvent(
      await render(
        'Opened Ticket',
        'liquid-filters',
        'zendesk-inserts-raw',
        hostile['a description far longer than Klaviyo needs']!,
      ),
    );
    expect(event.data.attributes.properties.Description.length).toBeLessThanOrEqual(
      DESCRIPTION_LIMIT,
    );
    expect(event.data.attributes.properties.Description.length).toBeGreaterThan(
      DESCRIPTION_LIMIT - 10,
    );
  });

  it('gives two custom fields with the same title separate keys', async () => {
    const template = buildEventBody('Opened Ticket', {
      customFields: [
        { id: 1, title: 'Order', type: 'text' },
        { id: 2, title: 'Order', type: 'text' },
      ],
    });
    const text = await engines['zendesk-inserts-raw'].parseAndRender(template, {
      ticket: ticket({ ticket_field_1: 'A-1', ticket_field_2: 'B-2' }),
    });
    expect(expectValidEvent(text).data.attributes.properties.Fields).toEqual({
      Order: 'A-1',
      'Order (2)': 'B-2',
    });
  });

  it('keeps every tag', async () => {
    const data = hostile['many tags and custom fields']!;
    const event = expectValidEvent(
      await render('Opened Ticket', 'liquid-filters', 'zendesk-escapes-values', data),
    );
    expect(event.data.attributes.properties.Tags).toHaveLength(120);
  });
});

describe('the webhook body over every class of code point', () => {
  const controls = Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c));
  const classes: Record<string, string> = {
    'every C0 control (NUL, vertical tab, form feed, ESC, …)': controls.join('|'),
    'DEL and every C1 control': String.fromCharCode(
      0x7f,
      ...Array.from({ length: 32 }, (_, i) => 0x80 + i),
    ),
    'line and paragraph separators (invalid in JavaScript strings before ES2019)':
      'a\u2028b\u2029c',
    'byte order mark, noncharacters and bidirectional marks': '\ufeff\ufffe\uffff\u200f\u202e',
    'astral characters and combining marks': '😀🇸🇪 e\u0301 한국어 𝄞',
    'lone surrogates': 'x\ud800y\udfffz',
    'quotes, backslashes and Liquid-looking text': '"\\" \\\\ \\u0000 {{ticket.id}} {% raw %}',
  };

  it.each(Object.entries(classes))(
    'keeps %s exactly, as valid JSON Klaviyo accepts',
    async (_name, text) => {
      const data = ticket({ title: text, description: text, ticket_field_360000104: text });
      const event = expectValidEvent(
        await render('Opened Ticket', 'liquid-filters', 'zendesk-inserts-raw', data),
      );
      const p = event.data.attributes.properties;
      const sent = (s: string) => asSent(s).replace(/<br \/>/g, '\n');
      expect(p.Subject).toBe(sent(text));
      expect(p.Description).toBe(sent(text));
      expect(p.Fields['Notes "internal" ((x)) \\ 100%']).toBe(sent(text));
    },
  );

  it.each(Object.entries(classes))(
    'stays valid JSON with %s when Zendesk escapes values too',
    async (_name, text) => {
      const data = ticket({ title: text, description: text });
      expectValidEvent(
        await render('Resolved Ticket', 'liquid-filters', 'zendesk-escapes-values', data),
      );
    },
  );

  it('stays valid if Zendesk stored the body without its control characters', async () => {
    const template = buildEventBody('Opened Ticket', { escaping: 'liquid-filters', customFields });
    // eslint-disable-next-line no-control-regex
    const stripped = template.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
    const text = await engines['zendesk-inserts-raw'].parseAndRender(stripped, {
      ticket: ticket({ title: 'Plain subject' }),
    });
    expect(expectValidEvent(text).data.attributes.properties.Subject).toBe('Plain subject');
  });
});
