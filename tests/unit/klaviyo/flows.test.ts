import { FLOW_CREATES_PER_DAY } from '../../../dev/klaviyo';
import type { FlowDefinitionInput } from '../../../src/klaviyo';
import { harness, listenWithKlaviyoServer } from './harness';

listenWithKlaviyoServer();

const NAME = 'Klaviyo for Zendesk · replies (managed)';

function replyDefinition(metricId: string, body = '{{ event.Text }}'): FlowDefinitionInput {
  return {
    triggers: [{ type: 'metric', id: metricId }],
    actions: [
      {
        temporary_id: 'reply-sms',
        type: 'send-sms',
        links: { next: null },
        data: {
          status: 'draft',
          message: {
            body,
            smart_sending_enabled: false,
            sms_quiet_hours_enabled: false,
            transactional: true,
          },
        },
      },
    ],
    entry_action_id: 'reply-sms',
  };
}

describe('the Flows API through the client', () => {
  it('creates a draft, finds it by name, sets it live, reads its definition and deletes it', async () => {
    const { client, store } = harness();
    const metric = store.metricNamed('Zendesk SMS Reply').id;
    const created = await client.createFlow(NAME, replyDefinition(metric));
    expect(created).toMatchObject({ name: NAME, status: 'draft', triggerType: 'Metric' });

    expect((await client.findFlowsByName(NAME)).map((f) => f.id)).toEqual([created.id]);
    expect(await client.findFlowsByName(`${NAME} (old)`)).toEqual([]);

    expect((await client.setFlowStatus(created.id, 'live')).status).toBe('live');
    const read = await client.getFlow(created.id, { definition: true });
    const definition = read.definition as {
      actions: Array<{ id: string; data: { status: string } }>;
    };
    expect(definition.actions.map((a) => a.data.status)).toEqual(['live']);
    expect((await client.getFlow(created.id)).definition).toBeUndefined();

    await client.deleteFlow(created.id);
    await client.deleteFlow(created.id);
    await expect(client.getFlow(created.id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('names Klaviyo’s refusal of a broken definition and creates nothing', async () => {
    const { client, store } = harness();
    const metric = store.metricNamed('Zendesk SMS Reply').id;
    await expect(
      client.createFlow(NAME, replyDefinition(metric, '{{ event.Text ')),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
      status: 400,
    });
    await expect(client.createFlow(NAME, replyDefinition('NoSuchMetric'))).rejects.toMatchObject({
      status: 400,
    });
    expect(store.flows.size).toBe(0);
  });

  it('never repeats a create on its own, and reports the daily limit with its wait', async () => {
    const { client, store, sleeps } = harness();
    const metric = store.metricNamed('Zendesk SMS Reply').id;
    store.faults.push({ method: 'POST', path: '/api/flows', status: 503, times: 1 });
    await expect(client.createFlow(NAME, replyDefinition(metric))).rejects.toMatchObject({
      kind: 'server',
    });
    expect(store.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    store.flowCreates.push(...Array.from({ length: FLOW_CREATES_PER_DAY }, () => Date.now()));
    const limited = await client.createFlow(NAME, replyDefinition(metric)).then(
      () => null,
      (error: unknown) => error as { kind: string; retryAfterSeconds: number },
    );
    expect(limited?.kind).toBe('rate-limited');
    expect(limited!.retryAfterSeconds).toBeGreaterThan(3600);
    expect(sleeps).toEqual([]);
  });

  it('asks for flows:write in words when the key lacks it', async () => {
    const { client, store } = harness();
    store.grantedScopes = new Set(['flows:read', 'metrics:read']);
    await expect(client.createFlow(NAME, replyDefinition('x'))).rejects.toMatchObject({
      kind: 'missing-scope',
      scope: 'flows:write',
    });
  });

  it('refuses an empty name or id without asking Klaviyo', async () => {
    const { client, store } = harness();
    await expect(client.createFlow('  ', replyDefinition('x'))).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    await expect(client.getFlow(' ')).rejects.toMatchObject({ kind: 'invalid-request' });
    expect(store.requests).toHaveLength(0);
  });
});
