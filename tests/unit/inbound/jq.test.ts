/**
 * The inbound flow's jq programs, run on a real jq engine (jq-wasm, jq 1.7.1) with the state the
 * flow hands them: what the customer texted must reach Zendesk exactly, and each branch
 * (comment, reopen, follow-up, keyword, duplicate) must be the one a native SMS channel takes.
 */
import { jqWasm } from '../../../dev/zis/jq';
import { inboundFlow, SUBSCRIPTION_KEYWORDS } from '../../../src/inbound/bundle';
import { AGAIN, BUILD_TICKET, BUILD_USER, NORMALIZE, PICK, SETTLE } from '../../../src/inbound/jq';
import type { ZisPassState } from '../../../src/inbound/zis-types';

const constants = (
  inboundFlow({
    key: 'kfz_acme',
    smsTag: 'sms',
    mapping: { numbers: [{ number: '+14155550000', brandId: 22 }], defaultBrandId: 11 },
    words: { subjectPrefix: 'SMS from', imageNotice: '[image]', unknownName: 'SMS customer' },
  }).States.Constants as ZisPassState
).Result as Record<string, unknown>;

// jq answers are whatever the program builds: read loosely, asserted exactly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const run = (expr: string, data: unknown) => jqWasm(data, expr) as Promise<Loose>;

const input = (over: Record<string, unknown> = {}) => ({
  v: '1',
  profile_id: '01HPROFILE',
  phone: '+1 (415) 555-0101',
  email: '',
  first_name: 'Ana',
  last_name: 'Ruiz',
  to: '+14155550000',
  media_url: '',
  text: 'Where is my order?',
  ...over,
});

const normalize = (over: Record<string, unknown> = {}) =>
  run(NORMALIZE, { input: input(over), k: constants });

describe('Normalize', () => {
  it('keeps the text byte for byte, hostile characters included', async () => {
    const text = `He said "hi" \\ then\nleft 😀 \u200f<script>alert(1)</script> ${'x'.repeat(1500)}`;
    const msg = await normalize({ text });
    expect(msg.text).toBe(text);
    expect(msg.valid).toBe(true);
  });

  it('cleans the ids and builds the external id from the profile', async () => {
    const msg = await normalize({ profile_id: ' 01H-PROFILE ' });
    expect(msg).toMatchObject({
      phone: '+14155550101',
      profile_id: '01HPROFILE',
      name: 'Ana Ruiz',
      external_id: 'klaviyo-sms:01HPROFILE',
    });
  });

  it.each(SUBSCRIPTION_KEYWORDS.map((k) => [k]))(
    'marks %s as a subscription keyword',
    async (k) => {
      expect((await normalize({ text: ` ${k.toLowerCase()} ` })).is_keyword).toBe(true);
    },
  );

  it.each([['HELP'], ['info'], ['stop sending me coupons please']])(
    'files "%s" as a text, not a keyword',
    async (text) => {
      expect((await normalize({ text })).is_keyword).toBe(false);
    },
  );

  it('treats an empty or blank text as nothing to file', async () => {
    expect((await normalize({ text: '' })).valid).toBe(false);
    expect((await normalize({ text: ' \n ' })).valid).toBe(false);
  });

  it('files an image-only text as the image notice, and a text with an image with both', async () => {
    expect((await normalize({ text: '', media_url: 'https://m/1.jpg' })).text).toBe('[image]');
    expect((await normalize({ text: 'Look', media_url: 'https://m/1.jpg' })).text).toBe(
      'Look\n\n[image]',
    );
  });

  it('needs a profile id or a phone number', async () => {
    expect((await normalize({ profile_id: '', phone: '' })).valid).toBe(false);
    const phoneOnly = await normalize({ profile_id: '' });
    expect(phoneOnly).toMatchObject({ valid: true, external_id: 'klaviyo-sms:+14155550101' });
  });
});

const ticket = (over: Record<string, unknown>) => ({
  id: 1,
  status: 'open',
  requester_id: 77,
  description: 'an older text',
  created_at: '2026-01-01T10:00:00Z',
  updated_at: '2026-01-01T10:00:00Z',
  ...over,
});

const pick = async (tickets: unknown[], text = 'Where is my order?') =>
  run(PICK, { k: constants, msg: { text }, found: { tickets } });

describe('Pick', () => {
  it('adds the text to a live ticket as the requester’s public comment, without reopening an open one', async () => {
    const result = await pick([ticket({ id: 5 })]);
    expect(result).toEqual({
      action: 'update',
      ticket_id: 5,
      body: { ticket: { comment: { body: 'Where is my order?', public: true, author_id: 77 } } },
    });
  });

  it.each([['solved'], ['pending']])('reopens a %s ticket', async (status) => {
    expect((await pick([ticket({ status })])).body.ticket.status).toBe('open');
  });

  it.each([['new'], ['hold']])('leaves a %s ticket’s status alone', async (status) => {
    expect((await pick([ticket({ status })])).body.ticket.status).toBeUndefined();
  });

  it('creates a follow-up of the newest closed ticket when no live one is left', async () => {
    const result = await pick([
      ticket({ id: 3, status: 'closed', updated_at: '2026-01-01T00:00:00Z' }),
      ticket({ id: 4, status: 'closed', updated_at: '2026-02-01T00:00:00Z' }),
    ]);
    expect(result).toEqual({ action: 'create', followup_source_id: 4 });
  });

  it('creates a plain ticket for a first text', async () => {
    expect(await pick([])).toEqual({ action: 'create', followup_source_id: null });
  });

  it('picks the newest live ticket when there are several', async () => {
    const result = await pick([
      ticket({ id: 8, updated_at: '2026-03-01T00:00:00Z' }),
      ticket({ id: 9, updated_at: '2026-03-02T00:00:00.123Z' }),
    ]);
    expect(result.ticket_id).toBe(9);
  });

  it('recognises a rerun whose ticket was just created from this very text', async () => {
    const now = new Date(Date.now() - 5_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const fresh = ticket({ id: 12, description: 'Where is my order?', created_at: now });
    expect(await pick([fresh])).toEqual({ action: 'duplicate', ticket_id: 12 });
  });

  it('still comments when the same words arrive long after the ticket was created', async () => {
    const old = ticket({ description: 'Where is my order?' });
    expect((await pick([old])).action).toBe('update');
  });

  it('recognises a rerun even when an agent has touched another live ticket since', async () => {
    const now = new Date(Date.now() - 5_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const mine = ticket({ id: 12, description: 'Where is my order?', created_at: now });
    const touched = ticket({ id: 11, updated_at: '2099-01-01T00:00:00Z' });
    expect(await pick([touched, mine])).toEqual({ action: 'duplicate', ticket_id: 12 });
  });
});

const secondsAgo = (s: number) =>
  new Date(Date.now() - s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
const comment = (over: Record<string, unknown> = {}) => ({
  id: 900,
  author_id: 77,
  public: true,
  body: 'Where is my order?',
  created_at: secondsAgo(40),
  ...over,
});
const again = (latest: unknown[], text = 'Where is my order?') =>
  run(AGAIN, {
    k: constants,
    msg: { text },
    pick: { action: 'update', ticket_id: 5 },
    found: { tickets: [ticket({ id: 5, requester_id: 77 })] },
    latest: { comments: latest },
  });

describe('Again', () => {
  it('knows a rerun whose comment Zendesk wrote before failing: the newest comment is this text', async () => {
    expect(await again([comment()])).toEqual({ repeat: true });
  });

  it('matches the words whatever whitespace Zendesk tidied', async () => {
    expect(
      await again([comment({ body: 'Where is my order?\n' })], ' Where  is my order?'),
    ).toEqual({
      repeat: true,
    });
  });

  it.each([
    ['an agent wrote since', { author_id: 5 }],
    ['it is an internal note', { public: false }],
    ['other words', { body: 'Where is my parcel?' }],
    ['it is older than any rerun', { created_at: secondsAgo(301) }],
  ])('adds the text when the newest comment is not it: %s', async (_why, over) => {
    expect(await again([comment(over)])).toEqual({ repeat: false });
  });

  it('adds the text to a ticket without comments', async () => {
    expect(await again([])).toEqual({ repeat: false });
  });
});

const settle = (over: Record<string, unknown>) =>
  run(SETTLE, {
    msg: { text: 'second at once' },
    pick: { action: 'create' },
    created: { ticket: { id: 21 } },
    ...over,
  });

describe('Settle', () => {
  it('keeps the ticket this run created when it is the customer’s only live one', async () => {
    expect(await settle({ recheck: { tickets: [ticket({ id: 21 })] } })).toEqual({
      action: 'created',
    });
  });

  it('keeps it too when it is the oldest of twins: the other run folds its own', async () => {
    const twins = [ticket({ id: 22 }), ticket({ id: 21 })];
    expect(await settle({ recheck: { tickets: twins } })).toEqual({ action: 'created' });
  });

  it('folds a younger twin: deletes it and adds the text to the oldest as the customer’s comment', async () => {
    const twins = [ticket({ id: 20, requester_id: 77 }), ticket({ id: 21 })];
    expect(await settle({ recheck: { tickets: twins } })).toEqual({
      action: 'fold',
      drop_id: 21,
      ticket_id: 20,
      body: { ticket: { comment: { body: 'second at once', public: true, author_id: 77 } } },
    });
  });

  it('ignores closed tickets: a follow-up is not folded into the ticket it follows', async () => {
    const tickets = [ticket({ id: 3, status: 'closed' }), ticket({ id: 21 })];
    expect(await settle({ recheck: { tickets } })).toEqual({ action: 'created' });
  });

  it('settles a rerun’s ticket the same way, and says duplicate when there is no twin', async () => {
    const rerun = { pick: { action: 'duplicate', ticket_id: 21 } };
    expect(await settle({ ...rerun, recheck: { tickets: [ticket({ id: 21 })] } })).toEqual({
      action: 'duplicate',
    });
    const twins = [ticket({ id: 20 }), ticket({ id: 21 })];
    expect((await settle({ ...rerun, recheck: { tickets: twins } })).drop_id).toBe(21);
  });
});

describe('BuildUser', () => {
  const msg = (over: Record<string, unknown>) => ({
    name: 'Ana Ruiz',
    email: '',
    phone: '+14155550101',
    profile_id: '01HPROFILE',
    ...over,
  });

  it('finds the customer by email when Klaviyo has one', async () => {
    const body = await run(BUILD_USER, { k: constants, msg: msg({ email: 'ana@example.com' }) });
    expect(body).toEqual({
      user: { name: 'Ana Ruiz', email: 'ana@example.com', skip_verify_email: true },
    });
  });

  it('otherwise by the profile’s external id, with the phone number', async () => {
    const body = await run(BUILD_USER, { k: constants, msg: msg({}) });
    expect(body).toEqual({
      user: { name: 'Ana Ruiz', external_id: 'klaviyo:01HPROFILE', phone: '+14155550101' },
    });
  });

  it('names a customer without a name after the number', async () => {
    const body = await run(BUILD_USER, { k: constants, msg: msg({ name: '' }) });
    expect(body.user.name).toBe('+14155550101');
  });
});

describe('BuildTicket', () => {
  const state = (over: Record<string, unknown> = {}, pickOver: Record<string, unknown> = {}) => ({
    k: constants,
    msg: {
      name: 'Ana Ruiz',
      phone: '+14155550101',
      to: '+14155550000',
      text: 'Where is my order?',
      external_id: 'klaviyo-sms:01HPROFILE',
      ...over,
    },
    user: { user: { id: 501 } },
    pick: { action: 'create', followup_source_id: null, ...pickOver },
  });

  it('makes the customer requester and author of the public first comment, tagged, in the mapped brand', async () => {
    const body = await run(BUILD_TICKET, state());
    expect(body).toEqual({
      ticket: {
        requester_id: 501,
        submitter_id: 501,
        subject: 'SMS from Ana Ruiz: Where is my order?',
        comment: { body: 'Where is my order?', public: true, author_id: 501 },
        external_id: 'klaviyo-sms:01HPROFILE',
        tags: ['sms', 'klaviyo_sms_inbound'],
        brand_id: 22,
      },
    });
  });

  it('opens a text to an unmapped number in the default brand', async () => {
    expect((await run(BUILD_TICKET, state({ to: '+15550000000' }))).ticket.brand_id).toBe(11);
  });

  it('links a follow-up to the closed ticket', async () => {
    const body = await run(BUILD_TICKET, state({}, { followup_source_id: 4 }));
    expect(body.ticket.via_followup_source_id).toBe(4);
  });

  it('shortens a long text in the subject, on one line, but keeps all of it in the comment', async () => {
    const text = `first line\n${'y'.repeat(200)}`;
    const body = await run(BUILD_TICKET, state({ text }));
    expect(body.ticket.subject).toBe(
      `SMS from Ana Ruiz: ${`first line ${'y'.repeat(200)}`.slice(0, 60)}…`,
    );
    expect(body.ticket.comment.body).toBe(text);
  });
});
