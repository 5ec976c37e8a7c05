import { DEMO_CONVERSATIONS, DEMO_IDS } from '../../../dev/klaviyo';
import { harness, listenWithKlaviyoServer } from './harness';

listenWithKlaviyoServer();

describe('conversations', () => {
  it('finds the profile’s SMS conversation only when asked', async () => {
    const { client, store } = harness();
    expect(await client.getSmsConversationId(DEMO_IDS.maria)).toBe(DEMO_CONVERSATIONS.maria);
    expect(await client.getSmsConversationId(DEMO_IDS.sven)).toBeNull();
    expect(store.requests.map((r) => r.path)).toEqual([
      `/api/profiles/${DEMO_IDS.maria}/conversations`,
      `/api/profiles/${DEMO_IDS.sven}/conversations`,
    ]);
  });

  it('remembers a profile’s conversation, so a second reply costs one conversations call, the send', async () => {
    const { client, store } = harness();
    for (const key of ['r-1', 'r-2']) {
      const id = await client.getSmsConversationId(DEMO_IDS.maria);
      await client.sendConversationMessage({
        conversationId: id!,
        body: `Reply ${key}`,
        idempotencyKey: key,
      });
    }
    expect(store.requests.map((r) => r.path)).toEqual([
      `/api/profiles/${DEMO_IDS.maria}/conversations`,
      '/api/conversation-messages',
      '/api/conversation-messages',
    ]);
  });

  it('does not remember that a profile has no conversation: one may begin later', async () => {
    const { client, store } = harness();
    expect(await client.getSmsConversationId(DEMO_IDS.sven)).toBeNull();
    store.profiles.get(DEMO_IDS.sven)!.conversations = [{ id: 'ConvSven', channel: 'sms' }];
    expect(await client.getSmsConversationId(DEMO_IDS.sven)).toBe('ConvSven');
  });

  it('forgets a remembered conversation Klaviyo no longer knows, and looks it up afresh', async () => {
    const { client, store } = harness();
    const id = await client.getSmsConversationId(DEMO_IDS.maria);
    store.profiles.get(DEMO_IDS.maria)!.conversations = [{ id: 'ConvNew', channel: 'sms' }];
    await expect(
      client.sendConversationMessage({ conversationId: id!, body: 'Hi', idempotencyKey: 'k-1' }),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(await client.getSmsConversationId(DEMO_IDS.maria)).toBe('ConvNew');
  });

  it('keeps conversation ids where the app asks it to', async () => {
    const kept = new Map<string, string>();
    const memory = {
      get: (p: string) => kept.get(p) ?? null,
      set: (p: string, c: string) => void kept.set(p, c),
      forget: (p: string) => void kept.delete(p),
    };
    const first = harness({ config: { conversationMemory: memory } });
    await first.client.getSmsConversationId(DEMO_IDS.maria);
    const second = harness({ store: first.store, config: { conversationMemory: memory } });
    first.store.requests.length = 0;
    expect(await second.client.getSmsConversationId(DEMO_IDS.maria)).toBe(DEMO_CONVERSATIONS.maria);
    expect(first.store.requests).toHaveLength(0);
  });

  it('sends one message into the conversation in the spec’s body shape', async () => {
    const { client, store } = harness();
    const result = await client.sendConversationMessage({
      conversationId: DEMO_CONVERSATIONS.maria,
      body: 'Your parcel is at the depot, it goes out tomorrow.',
      idempotencyKey: 'k-1',
    });
    expect(result).toEqual({ status: 'accepted', idempotencyKey: 'k-1', duplicate: false });
    expect(store.conversationMessages).toHaveLength(1);
    const req = store.requests[0]!;
    expect(req.headers['content-type']).toBe('application/vnd.api+json');
    expect(req.body).toEqual({
      data: {
        type: 'conversation-message',
        attributes: { body: 'Your parcel is at the depot, it goes out tomorrow.' },
        relationships: {
          conversation: { data: { type: 'conversation', id: DEMO_CONVERSATIONS.maria } },
        },
      },
    });
  });

  it('never sends the same idempotency key twice once Klaviyo accepted it', async () => {
    const { client, store } = harness();
    const input = {
      conversationId: DEMO_CONVERSATIONS.maria,
      body: 'On its way!',
      idempotencyKey: 'k-2',
    };
    const [a, b] = await Promise.all([
      client.sendConversationMessage(input),
      client.sendConversationMessage(input),
    ]);
    const c = await client.sendConversationMessage(input);
    expect([a.duplicate, b.duplicate, c.duplicate]).toEqual([false, true, true]);
    expect(store.conversationMessages).toHaveLength(1);
  });

  it('does not retry a message on its own when the connection drops, and lets the agent retry', async () => {
    const { client, store } = harness();
    store.faults.push({
      method: 'POST',
      path: '/api/conversation-messages',
      networkError: true,
      times: 1,
    });
    const input = {
      conversationId: DEMO_CONVERSATIONS.maria,
      body: 'Hello',
      idempotencyKey: 'k-3',
    };
    await expect(client.sendConversationMessage(input)).rejects.toMatchObject({ kind: 'network' });
    expect(store.requests).toHaveLength(1);
    await expect(client.sendConversationMessage(input)).resolves.toMatchObject({
      status: 'accepted',
    });
    expect(store.conversationMessages).toHaveLength(1);
  });

  it('does not retry a message after a 5xx either', async () => {
    const { client, store } = harness();
    store.faults.push({
      method: 'POST',
      path: '/api/conversation-messages',
      status: 503,
      times: 1,
    });
    await expect(
      client.sendConversationMessage({
        conversationId: DEMO_CONVERSATIONS.maria,
        body: 'Hi',
        idempotencyKey: 'k-4',
      }),
    ).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(store.requests).toHaveLength(1);
    expect(store.conversationMessages).toHaveLength(0);
  });

  it('reports conversations-unavailable when the account has no Conversations access', async () => {
    const { client, store } = harness();
    store.conversationsEnabled = false;
    await expect(client.getSmsConversationId(DEMO_IDS.maria)).rejects.toMatchObject({
      kind: 'conversations-unavailable',
      status: 403,
    });
    await expect(
      client.sendConversationMessage({
        conversationId: DEMO_CONVERSATIONS.maria,
        body: 'Hi',
        idempotencyKey: 'k-5',
      }),
    ).rejects.toMatchObject({ kind: 'conversations-unavailable', scope: 'conversations:write' });
  });

  it('refuses an empty message without sending anything', async () => {
    const { client, store } = harness();
    await expect(
      client.sendConversationMessage({
        conversationId: DEMO_CONVERSATIONS.maria,
        body: '   ',
        idempotencyKey: 'k-6',
      }),
    ).rejects.toMatchObject({ kind: 'invalid-request' });
    expect(store.requests).toHaveLength(0);
  });
});

describe('createReplyEvent (flow mode)', () => {
  const input = {
    metricName: 'Zendesk SMS Reply',
    profile: { id: DEMO_IDS.maria, email: 'maria.garcia@example.com', phone: '+14155550101' },
    text: 'We re-sent your order today.',
    ticketId: 101,
    ticketUrl: 'https://demo.zendesk.com/agent/tickets/101',
    agentName: 'Alex Agent',
    uniqueId: 'reply-101-abc',
  };

  it('records one event with the text, the ticket and the unique id', async () => {
    const { client, store } = harness();
    await client.createReplyEvent(input);
    expect(store.createdEvents).toHaveLength(1);
    expect(store.createdEvents[0]).toMatchObject({
      metricName: 'Zendesk SMS Reply',
      profileId: DEMO_IDS.maria,
      uniqueId: 'reply-101-abc',
      properties: {
        Text: 'We re-sent your order today.',
        TicketId: '101',
        AgentName: 'Alex Agent',
      },
    });
  });

  it('retries after a dropped connection and Klaviyo still keeps one event', async () => {
    const { client, store, sleeps } = harness();
    store.faults.push({ method: 'POST', path: '/api/events', networkError: true, times: 1 });
    await client.createReplyEvent(input);
    await client.createReplyEvent(input);
    expect(sleeps).toHaveLength(1);
    expect(store.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
    expect(store.createdEvents).toHaveLength(1);
    expect(store.duplicateEvents).toBe(1);
  });

  it('needs a profile identifier and sends nothing without one', async () => {
    const { client, store } = harness();
    await expect(
      client.createReplyEvent({ ...input, profile: { email: 'nope', phone: 'x' } }),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    expect(store.requests).toHaveLength(0);
  });
});
