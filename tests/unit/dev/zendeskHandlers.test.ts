import { setupServer } from 'msw/node';
import { createZendeskState, zendeskHandlers, type ZendeskState } from '../../../dev/zendesk';

const BASE = 'https://demo.zendesk.com';
let store: ZendeskState;
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  store = createZendeskState(undefined, { baseUrl: BASE });
  server.resetHandlers(...zendeskHandlers(store));
});
afterAll(() => server.close());

type Rec = Record<string, unknown>;
/** The parts of Zendesk's answers these tests read. */
interface Body {
  ticket: Rec & { requester_id: number; status: string };
  users: Array<{ email: string }>;
  audit: { events: Rec[] };
  comments: Array<Rec & { html_body: string }>;
  user: Rec & { user_fields: Rec; email: string | null };
  identities: Array<{ type: string; value: string }>;
  error: string;
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Body };
}

describe('the in-memory Zendesk answers like the Support API', () => {
  it('returns a demo ticket in Zendesk’s shape, with or without the .json suffix', async () => {
    const plain = await call('GET', '/api/v2/tickets/101');
    const suffixed = await call('GET', '/api/v2/tickets/101.json?include=users');
    expect(plain.status).toBe(200);
    expect(plain.json.ticket).toMatchObject({
      id: 101,
      subject: 'Where is my order #4821?',
      status: 'open',
      tags: ['sms'],
      brand_id: 1,
    });
    expect(suffixed.json.ticket.requester_id).toBe(plain.json.ticket.requester_id);
    expect(suffixed.json.users.map((u) => u.email)).toContain('maria.garcia@example.com');
  });

  it('answers 404 RecordNotFound for an unknown ticket or user', async () => {
    for (const path of ['/api/v2/tickets/999.json', '/api/v2/users/424242.json']) {
      const { status, json } = await call('GET', path);
      expect(status).toBe(404);
      expect(json).toEqual({ error: 'RecordNotFound', description: 'Not found' });
    }
  });

  it('answers 404 for an endpoint it does not know', async () => {
    const { status, json } = await call('GET', '/api/v2/macros.json');
    expect(status).toBe(404);
    expect(json.error).toBe('InvalidEndpoint');
  });

  it('appends an internal note from PUT ticket with a comment, and lists it with the comments', async () => {
    const { status, json } = await call('PUT', '/api/v2/tickets/101.json', {
      ticket: { comment: { body: 'SMS sent to +14155550101', public: false }, status: 'pending' },
    });
    expect(status).toBe(200);
    expect(json.ticket.status).toBe('pending');
    expect(json.audit.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'Comment',
          body: 'SMS sent to +14155550101',
          public: false,
        }),
      ]),
    );
    const comments = (await call('GET', '/api/v2/tickets/101/comments.json')).json.comments;
    expect(comments.at(-1)).toMatchObject({
      body: 'SMS sent to +14155550101',
      public: false,
      author_id: 1,
    });
    expect(comments.at(-1)?.html_body).toContain('SMS sent to +14155550101');
  });

  it('refuses a blank comment with 422 RecordInvalid and adds nothing', async () => {
    const before = store.comments.get(102)!.length;
    const { status, json } = await call('PUT', '/api/v2/tickets/102.json', {
      ticket: { comment: { body: '   ' } },
    });
    expect(status).toBe(422);
    expect(json.error).toBe('RecordInvalid');
    expect(store.comments.get(102)).toHaveLength(before);
  });

  it('keeps user fields written with PUT user (the linked Klaviyo profile id)', async () => {
    await call('POST', '/api/v2/user_fields.json', {
      user_field: { key: 'klaviyo_profile_id', title: 'Klaviyo profile id', type: 'text' },
    });
    const put = await call('PUT', '/api/v2/users/1101.json', {
      user: { user_fields: { klaviyo_profile_id: '01DEMOMARIA000000000000000' } },
    });
    expect(put.status).toBe(200);
    const { json } = await call('GET', '/api/v2/users/1101.json');
    expect(json.user.user_fields.klaviyo_profile_id).toBe('01DEMOMARIA000000000000000');
    expect(json.user.email).toBe('maria.garcia@example.com');
  });

  it('drops values for user fields that do not exist, as Zendesk does', async () => {
    const put = await call('PUT', '/api/v2/users/1101.json', {
      user: { user_fields: { klaviyo_profile_id: '01DEMOMARIA000000000000000' } },
    });
    expect(put.status).toBe(200);
    expect(put.json.user.user_fields).not.toHaveProperty('klaviyo_profile_id');
  });

  it('gives the phone-only requester of ticket 105 a phone identity and no email', async () => {
    const ticket = (await call('GET', '/api/v2/tickets/105.json')).json.ticket;
    const { json } = await call('GET', `/api/v2/users/${ticket.requester_id}/identities.json`);
    expect(json.identities.map((i) => [i.type, i.value])).toEqual([
      ['phone_number', '+82 10-5550-1234'],
    ]);
    expect(
      (await call('GET', `/api/v2/users/${ticket.requester_id}.json`)).json.user.email,
    ).toBeNull();
  });

  it('answers 401 to every call without a session', async () => {
    store.session = 'anonymous';
    const { status, json } = await call('GET', '/api/v2/users/me.json');
    expect(status).toBe(401);
    expect(json).toEqual({ error: "Couldn't authenticate you" });
  });

  it('answers 403 when an agent who is not an admin creates a user field', async () => {
    store.currentUser().role = 'agent';
    const { status, json } = await call('POST', '/api/v2/user_fields.json', {
      user_field: { key: 'klaviyo_profile_id', title: 'Klaviyo profile ID', type: 'text' },
    });
    expect(status).toBe(403);
    expect(json.error).toBe('Forbidden');
  });
});
