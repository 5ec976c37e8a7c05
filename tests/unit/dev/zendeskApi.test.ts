/**
 * The Zendesk stand-in answers what the inbound flow and the setup page call as Zendesk's REST API
 * does: tickets by external id, follow-ups of closed tickets only, comments with their author,
 * users create-or-update, OAuth tokens as Bearer credentials, and 429 under a rate limit.
 */
import { setupServer } from 'msw/node';
import {
  createOAuthClient,
  createZendeskState,
  issueOAuthToken,
  zendeskHandlers,
  type ZendeskState,
} from '../../../dev/zendesk';

const BASE = 'https://demo.zendesk.com';
const server = setupServer();
let state: ZendeskState;
let clock: Date;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clock = new Date('2026-12-01T10:00:00Z');
  state = createZendeskState(undefined, { baseUrl: BASE, now: () => clock });
  server.resetHandlers(...zendeskHandlers(state));
});
afterAll(() => server.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${BASE}/api/v2${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : {}) as Json,
  };
}

const newTicket = (extra: Json = {}) => ({
  ticket: {
    subject: 'Text from +14155550101',
    comment: { body: 'Where is my order?', public: true, author_id: 1101 },
    requester_id: 1101,
    tags: ['sms', 'klaviyo_inbound'],
    external_id: 'klaviyo-sms:+14155550101',
    brand_id: 2,
    ...extra,
  },
});

describe('tickets as the inbound flow writes them', () => {
  it('creates a ticket with the customer as author of the first comment, its brand, tags and external id', async () => {
    const created = await call('POST', '/tickets.json', newTicket());
    expect(created.status).toBe(201);
    const ticket = created.json.ticket;
    expect(ticket).toMatchObject({
      requester_id: 1101,
      brand_id: 2,
      tags: ['sms', 'klaviyo_inbound'],
      external_id: 'klaviyo-sms:+14155550101',
      status: 'new',
    });
    expect(state.comments.get(ticket.id)).toEqual([
      expect.objectContaining({ author_id: 1101, public: true, body: 'Where is my order?' }),
    ]);
  });

  it('finds tickets by external id, and no others', async () => {
    const { json } = await call('POST', '/tickets.json', newTicket());
    const found = await call('GET', '/tickets.json?external_id=klaviyo-sms%3A%2B14155550101');
    expect(found.json.tickets.map((t: Json) => t.id)).toEqual([json.ticket.id]);
    expect(found.json.count).toBe(1);
    const none = await call('GET', '/tickets.json?external_id=nobody');
    expect(none.json.tickets).toEqual([]);
  });

  it('refuses a follow-up of a ticket that is not closed with 422, and creates nothing', async () => {
    const before = state.tickets.size;
    const refused = await call('POST', '/tickets.json', newTicket({ via_followup_source_id: 101 }));
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ error: 'RecordInvalid' });
    expect(Object.keys(refused.json.details)).toEqual(['via_followup_source_id']);
    expect(state.tickets.size).toBe(before);
  });

  it('links a follow-up to the closed ticket it follows', async () => {
    await call('PUT', '/tickets/101.json', { ticket: { status: 'closed' } });
    const created = await call('POST', '/tickets.json', newTicket({ via_followup_source_id: 101 }));
    expect(created.status).toBe(201);
    expect(created.json.ticket.via.source).toMatchObject({
      rel: 'follow_up',
      from: { ticket_id: 101 },
    });
    expect(state.getTicket(101).followup_ids).toEqual([created.json.ticket.id]);
  });

  it('adds a comment by the named author and sets the status in one update', async () => {
    const answer = await call('PUT', '/tickets/103.json', {
      ticket: { status: 'open', comment: { body: 'Second text', public: true, author_id: 1103 } },
    });
    expect(answer.status).toBe(200);
    expect(answer.json.ticket.status).toBe('open');
    expect(state.comments.get(103)!.at(-1)).toMatchObject({ author_id: 1103, body: 'Second text' });
  });

  it('refuses any update of a closed ticket', async () => {
    await call('PUT', '/tickets/102.json', { ticket: { status: 'closed' } });
    const refused = await call('PUT', '/tickets/102.json', {
      ticket: { comment: { body: 'late' } },
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json)).toContain('closed prevents ticket update');
  });
});

describe('users create_or_update', () => {
  it('creates a new end-user with a phone identity (201), then updates the same one by email (200)', async () => {
    const created = await call('POST', '/users/create_or_update.json', {
      user: { name: '+1 503 555 0199', email: 'new.customer@example.com', phone: '+15035550199' },
    });
    expect(created.status).toBe(201);
    const id = created.json.user.id;
    expect(created.json.user.role).toBe('end-user');
    expect(state.identities.get(id)!.map((i) => [i.type, i.value])).toEqual([
      ['email', 'new.customer@example.com'],
      ['phone_number', '+15035550199'],
    ]);
    const updated = await call('POST', '/users/create_or_update.json', {
      user: { name: 'Casey New', email: 'NEW.customer@example.com' },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.user).toMatchObject({ id, name: 'Casey New' });
  });

  it('matches by external id before email', async () => {
    const updated = await call('POST', '/users/create_or_update.json', {
      user: { name: 'Maria G.', external_id: 'klaviyo-01MARIA' },
    });
    expect(updated.status).toBe(201);
    const again = await call('POST', '/users/create_or_update.json', {
      user: { name: 'Maria Garcia', external_id: 'klaviyo-01MARIA' },
    });
    expect(again.status).toBe(200);
    expect(again.json.user.id).toBe(updated.json.user.id);
  });

  it('refuses a user without a name with 422', async () => {
    const refused = await call('POST', '/users/create_or_update.json', {
      user: { phone: '+1555' },
    });
    expect(refused.status).toBe(422);
  });
});

describe('OAuth tokens as Bearer credentials', () => {
  it('issues a token through the API whose full_token authenticates as its user', async () => {
    const client = await call('POST', '/oauth/clients.json', {
      client: { name: 'ZIS', identifier: 'zis_klaviyo_inbound' },
    });
    expect(client.status).toBe(201);
    expect(typeof client.json.client.secret).toBe('string');
    const listed = await call('GET', '/oauth/clients.json');
    expect(JSON.stringify(listed.json)).not.toContain(client.json.client.secret);
    const token = await call('POST', '/oauth/tokens.json', {
      token: { client_id: client.json.client.id, scopes: ['read', 'write'] },
    });
    expect(token.status).toBe(201);
    state.session = 'anonymous';
    const me = await call('GET', '/users/me.json', undefined, token.json.token.full_token);
    expect(me.status).toBe(200);
    expect(me.json.user.id).toBe(1);
    expect((await call('GET', '/users/me.json')).status).toBe(401);
  });

  it('answers 401 invalid_token once the token has expired, or for a token it never issued', async () => {
    const { client } = createOAuthClient(state, { name: 'ZIS', identifier: 'zis_expiry' });
    const token = issueOAuthToken(state, { clientId: client.id, expiresInSeconds: 60 });
    expect((await call('GET', '/tickets/101.json', undefined, token.full_token!)).status).toBe(200);
    clock = new Date(clock.getTime() + 61_000);
    const expired = await call('GET', '/tickets/101.json', undefined, token.full_token!);
    expect(expired.status).toBe(401);
    expect(expired.json.error).toBe('invalid_token');
    expect((await call('GET', '/tickets/101.json', undefined, 'f'.repeat(64))).status).toBe(401);
  });

  it('records a comment written with a token as made via the API', async () => {
    const { client } = createOAuthClient(state, { name: 'ZIS', identifier: 'zis_via' });
    const token = issueOAuthToken(state, { clientId: client.id });
    await call(
      'PUT',
      '/tickets/101.json',
      { ticket: { comment: { body: 'hi', author_id: 1101 } } },
      token.full_token!,
    );
    expect(state.comments.get(101)!.at(-1)!.via.channel).toBe('api');
  });
});

describe('the rate limit fault', () => {
  it('answers 429 with Retry-After while it lasts, then answers normally', async () => {
    state.faults.rateLimit = { retryAfterSeconds: 7, times: 1 };
    const limited = await call('GET', '/tickets/101.json');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call('GET', '/tickets/101.json')).status).toBe(200);
  });

  it('changes nothing when the write was refused with 429', async () => {
    state.faults.rateLimit = { retryAfterSeconds: 1, times: 1, pathPattern: /^\/api\/v2\/tickets/ };
    const before = state.tickets.size;
    expect((await call('POST', '/tickets.json', newTicket())).status).toBe(429);
    expect(state.tickets.size).toBe(before);
  });
});
