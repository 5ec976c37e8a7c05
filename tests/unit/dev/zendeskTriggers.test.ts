/**
 * The stand-in's trigger engine: Zendesk's condition vocabulary (a field, operator or value Zendesk
 * does not have is refused with 422), conditions evaluated as Zendesk means them for every kind of
 * ticket change, comment placeholders in webhook bodies, and Zendesk's webhook retries.
 */
import { setupServer } from 'msw/node';
import {
  createZendeskState,
  fireTicketTriggers,
  updateTicket,
  zendeskHandlers,
  type Deliver,
  type OutgoingRequest,
  type TicketUpdate,
  type ZendeskState,
} from '../../../dev/zendesk';

const BASE = 'https://demo.zendesk.com';
const server = setupServer();
let state: ZendeskState;
let changes: TicketUpdate[];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  state = createZendeskState(undefined, { baseUrl: BASE });
  changes = [];
  state.onTicketChange = (update) => changes.push(update);
  server.resetHandlers(...zendeskHandlers(state));
});
afterAll(() => server.close());

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${BASE}/api/v2${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: response.status,
    json: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

async function createWebhook(): Promise<string> {
  const { json } = await api('POST', '/webhooks', {
    webhook: {
      name: 'Replies to Klaviyo',
      endpoint: 'https://a.klaviyo.com/api/events',
      http_method: 'POST',
      request_format: 'json',
      status: 'active',
      subscriptions: ['conditional_ticket_events'],
    },
  });
  return (json.webhook as { id: string }).id;
}

/** The reply path's trigger as the reply room builds it (NEWS 22:16). */
const REPLY_CONDITIONS = [
  { field: 'comment_is_public', operator: 'is', value: 'true' },
  { field: 'current_tags', operator: 'includes', value: 'sms' },
  { field: 'role', operator: 'is', value: 'agent' },
  { field: 'current_via_id', operator: 'is_not', value: '5' },
  { field: 'requester_id', operator: 'is_not', value: 'current_user' },
  { field: 'update_type', operator: 'is', value: 'Change' },
];

async function createTrigger(all: unknown[], body = '{{ticket.latest_public_comment}}') {
  const hook = await createWebhook();
  return api('POST', '/triggers', {
    trigger: {
      title: 'SMS reply',
      conditions: { all, any: [] },
      actions: [{ field: 'notification_webhook', value: [hook, body] }],
    },
  });
}

/** A webhook receiver that answers the given statuses in turn (then 202). */
function receiver(statuses: number[] = []): Deliver & { requests: OutgoingRequest[] } {
  const requests: OutgoingRequest[] = [];
  const deliver = async (request: OutgoingRequest) => {
    requests.push(request);
    return { status: statuses.shift() ?? 202, retryAfter: '1' };
  };
  return Object.assign(deliver, { requests });
}

describe('creating triggers with Zendesk’s vocabulary', () => {
  it('accepts the reply path’s conditions', async () => {
    expect((await createTrigger(REPLY_CONDITIONS)).status).toBe(201);
  });

  it.each([
    [
      { field: 'comment_public', operator: 'is', value: 'true' },
      'comment_public is not a valid condition field',
    ],
    [
      { field: 'status', operator: 'contains', value: 'open' },
      'contains is not a valid operator for status',
    ],
    [
      { field: 'status', operator: 'is', value: 'reopened' },
      'reopened is not a valid value for status',
    ],
    [{ field: 'comment_is_public', operator: 'is', value: 'yes' }, 'yes is not a valid value'],
    [{ field: 'current_via_id', operator: 'is', value: 'mobile' }, 'mobile is not a valid value'],
    [{ field: 'in_business_hours', operator: 'is', value: 'true' }, 'does not emulate'],
  ])('refuses %j with 422 and says why', async (condition, reason) => {
    const refused = await createTrigger([condition]);
    expect(refused.status).toBe(422);
    expect(refused.json.error).toBe('RecordInvalid');
    expect(JSON.stringify(refused.json.details)).toContain(reason);
    expect(state.triggers.size).toBe(0);
  });

  it('refuses an action Zendesk does not have', async () => {
    const refused = await api('POST', '/triggers', {
      trigger: {
        title: 'Bad action',
        conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }], any: [] },
        actions: [{ field: 'send_sms', value: 'hi' }],
      },
    });
    expect(refused.status).toBe(422);
  });
});

describe('the reply path’s trigger, evaluated on each kind of change', () => {
  beforeEach(async () => {
    await createTrigger(REPLY_CONDITIONS);
    await api('PUT', '/tickets/101.json', { ticket: { additional_tags: ['sms'] } });
    changes.length = 0;
  });

  const fire = async (update: TicketUpdate) => {
    const deliver = receiver();
    await fireTicketTriggers(state, update, deliver);
    return deliver.requests;
  };
  const comment = (
    body: string,
    isPublic: boolean,
    authorId: number,
    via: string,
    userId = authorId,
  ) => updateTicket(state, 101, { comment: { body, public: isPublic, authorId } }, { userId, via });

  it('fires for a public agent reply in the agent UI, with the reply as the latest public comment', async () => {
    comment('Your order ships today & arrives "soon"', true, 1, 'web');
    const sent = await fire(changes[0]!);
    // Placeholders go in as they are: the body's own template does any escaping.
    expect(sent.map((r) => r.body)).toEqual(['Your order ships today & arrives "soon"']);
  });

  it('fires for a reply from the mobile app and for an email reply', async () => {
    comment('From my phone', true, 1, 'mobile');
    comment('From my inbox', true, 1, 'email');
    expect(await fire(changes[0]!)).toHaveLength(1);
    expect(await fire(changes[1]!)).toHaveLength(1);
  });

  it('never fires for an internal note', async () => {
    comment('Customer is VIP', false, 1, 'web');
    expect(await fire(changes[0]!)).toEqual([]);
  });

  it('never fires for the customer’s own text added through the API', async () => {
    comment('Thanks!', true, 1101, 'api', 1);
    expect(await fire(changes[0]!)).toEqual([]);
  });

  it('never fires on a ticket without the sms tag, or for a status change alone', async () => {
    updateTicket(
      state,
      102,
      { comment: { body: 'Hello', authorId: 1 } },
      { userId: 1, via: 'web' },
    );
    updateTicket(state, 101, { status: 'pending' }, { userId: 1, via: 'web' });
    expect(await fire(changes[0]!)).toEqual([]);
    expect(await fire(changes[1]!)).toEqual([]);
  });
});

describe('conditions on changes', () => {
  it('tells "changed to closed" from "is closed" and "changed from solved"', async () => {
    const hook = await createWebhook();
    for (const [title, condition] of [
      ['to', { field: 'status', operator: 'value', value: 'closed' }],
      ['from', { field: 'status', operator: 'value_previous', value: 'solved' }],
    ] as const) {
      await api('POST', '/triggers', {
        trigger: {
          title,
          conditions: { all: [condition], any: [] },
          actions: [{ field: 'notification_webhook', value: [hook, title] }],
        },
      });
    }
    updateTicket(state, 101, { status: 'solved' }, { userId: 1, via: 'web' });
    updateTicket(state, 101, { status: 'closed' }, { userId: 1, via: 'web' });
    const bodies = [];
    for (const update of changes) {
      const deliver = receiver();
      await fireTicketTriggers(state, update, deliver);
      bodies.push(deliver.requests.map((r) => r.body));
    }
    expect(bodies).toEqual([[], ['to', 'from']]);
  });

  it('reads requester custom fields and the comment author in placeholders', async () => {
    state.getUser(1101).user_fields.klaviyo_profile_id = '01MARIA';
    await createTrigger(
      [{ field: 'requester.custom_fields.klaviyo_profile_id', operator: 'present' }],
      '{{ticket.requester.custom_fields.klaviyo_profile_id}}|{{ticket.latest_public_comment.author.name}}|{{ticket.latest_public_comment.id}}',
    );
    const { comment } = {
      comment: updateTicket(
        state,
        101,
        { comment: { body: 'Hi', authorId: 1 } },
        { userId: 1, via: 'web' },
      ),
    };
    const deliver = receiver();
    await fireTicketTriggers(state, changes[0]!, deliver);
    const id = state.comments.get(101)!.at(-1)!.id;
    expect(comment.audit.events[0]).toMatchObject({ type: 'Comment', id });
    expect(deliver.requests.map((r) => r.body)).toEqual([`01MARIA|Alex Agent|${id}`]);
  });
});

describe('webhook deliveries, retried as Zendesk retries them', () => {
  beforeEach(async () => {
    await createTrigger([{ field: 'update_type', operator: 'is', value: 'Change' }]);
  });
  const run = async (deliver: Deliver) => {
    updateTicket(state, 101, { comment: { body: 'x', authorId: 1 } }, { userId: 1, via: 'web' });
    return fireTicketTriggers(state, changes.at(-1)!, deliver);
  };

  it('retries a delivery whose answer was lost, and records both attempts on one invocation', async () => {
    state.faults.webhookDelivery = { times: 1 };
    const deliver = receiver();
    const [invocation] = await run(deliver);
    expect(deliver.requests).toHaveLength(2);
    expect(invocation!.status).toBe('success');
    expect(invocation!.attempts!.map((a) => a.status_code)).toEqual([0, 202]);
  });

  it('retries a 409 up to three more times, and gives up after that', async () => {
    const deliver = receiver([409, 409, 409, 409, 409]);
    const [invocation] = await run(deliver);
    expect(deliver.requests).toHaveLength(4);
    expect(invocation).toMatchObject({ status: 'failed', latest_status_code: 409 });
  });

  it('does not retry a 400 or a 401', async () => {
    const deliver = receiver([401]);
    const [invocation] = await run(deliver);
    expect(deliver.requests).toHaveLength(1);
    expect(invocation).toMatchObject({ status: 'failed', latest_status_code: 401 });
  });
});
