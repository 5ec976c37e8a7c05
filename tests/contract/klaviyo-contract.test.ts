/**
 * Every request the Klaviyo client builds, and every answer the Klaviyo stand-in gives, checked
 * against Klaviyo's own OpenAPI spec (revision 2026-07-15): the operation exists, each query
 * parameter is declared with an allowed value, each filter uses a field and operator the operation's
 * `x-klaviyo-filters` allows, bodies validate against the request schema, answers against the
 * response schema for their status. The spec lives beside the repository, not in it.
 */
import fs from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { setupServer } from 'msw/node';
import {
  createKlaviyoStore,
  DEMO_CONVERSATIONS,
  DEMO_IDS,
  demoKlaviyoSeed,
  klaviyoHandlers,
  parseFilter,
  type KlaviyoStore,
  type RecordedRequest,
} from '../../dev/klaviyo';
import {
  createKlaviyoClient,
  KLAVIYO_OPERATIONS,
  KLAVIYO_REVISION,
  type KlaviyoClient,
} from '../../src/klaviyo';
import { ZafTransport } from '../../src/zaf/transport';
import { KLAVIYO_AUTHORIZATION } from '../../src/zaf/klaviyo-auth';
import { createFakeZafClient, TEST_KLAVIYO_KEY } from '../support/fakeZafClient';
import { describeWithShared, sharedFile } from '../support/shared';

const SPEC = 'klaviyo-openapi/stable.json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeWithShared([SPEC], 'Klaviyo contract', () => {
  const spec: Json = JSON.parse(fs.readFileSync(sharedFile(SPEC), 'utf8'));
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  /** Spec path templates as regular expressions. */
  const templates = Object.keys(spec.paths).map((template) => ({
    template,
    re: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  }));
  const operationFor = (method: string, p: string) => {
    const hit = templates.find((t) => t.re.test(p) && spec.paths[t.template][method.toLowerCase()]);
    return hit
      ? { template: hit.template, op: spec.paths[hit.template][method.toLowerCase()] as Json }
      : null;
  };

  // ---- ajv over the spec's components ----
  /** OpenAPI 3.0 → JSON Schema for ajv: local refs point into the `klaviyo` document, and
   *  `nullable: true` becomes "this schema, or null". */
  function rewriteRefs(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(rewriteRefs);
    if (node && typeof node === 'object') {
      if ((node as Json).nullable === true) {
        const { nullable: _nullable, ...rest } = node as Json;
        return { anyOf: [rewriteRefs(rest), { type: 'null' }] };
      }
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) {
        out[k] =
          k === '$ref' && typeof v === 'string' && v.startsWith('#/')
            ? `klaviyo${v}`
            : rewriteRefs(v);
      }
      return out;
    }
    return node;
  }
  const components = rewriteRefs(spec.components) as Json;
  const requestAjv = new Ajv({ strict: false, allErrors: true });
  addFormats(requestAjv);
  requestAjv.addSchema({ $id: 'klaviyo', components });

  /**
   * Responses honour sparse fieldsets (`fields[profile]=email`), so attributes the schema marks as
   * required may be absent: for answers, `required` is lifted inside `attributes` and in every
   * component reached from there. Everything else (types, enums, envelope, ids) still applies.
   */
  const responseComponents = structuredClone(components);
  const underAttributes = new Set<string>();
  function collectRefs(node: unknown): void {
    if (Array.isArray(node)) return node.forEach(collectRefs);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const name = v.split('/').pop()!;
        if (!underAttributes.has(name)) {
          underAttributes.add(name);
          collectRefs(responseComponents.schemas[name]);
        }
      } else collectRefs(v);
    }
  }
  function stripRequired(node: unknown): void {
    if (Array.isArray(node)) return node.forEach(stripRequired);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    if (Array.isArray(o.required)) delete o.required;
    Object.values(o).forEach(stripRequired);
  }
  function liftAttributes(node: unknown): void {
    if (Array.isArray(node)) return node.forEach(liftAttributes);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    if (o.properties && typeof o.properties === 'object' && o.properties.attributes) {
      if (Array.isArray(o.required))
        o.required = o.required.filter((r: string) => r !== 'attributes');
      collectRefs(o.properties.attributes);
      stripRequired(o.properties.attributes);
    }
    Object.values(o).forEach(liftAttributes);
  }
  liftAttributes(responseComponents);
  for (const name of underAttributes) stripRequired(responseComponents.schemas[name]);
  const responseAjv = new Ajv({ strict: false, allErrors: true });
  addFormats(responseAjv);
  responseAjv.addSchema({ $id: 'klaviyo', components: responseComponents });

  const compiled = new Map<string, ValidateFunction>();
  function validator(ajv: Ajv, key: string, schema: unknown): ValidateFunction {
    const id = `${ajv === requestAjv ? 'req' : 'res'}:${key}`;
    if (!compiled.has(id)) compiled.set(id, ajv.compile(rewriteRefs(schema) as Json));
    return compiled.get(id)!;
  }

  // ---- the scenario: every client function against the stand-in ----
  let store: KlaviyoStore;
  let client: KlaviyoClient;
  const recorded: RecordedRequest[] = [];

  function fresh(): void {
    store = createKlaviyoStore(demoKlaviyoSeed());
    server.resetHandlers(...klaviyoHandlers(store, { apiKey: TEST_KLAVIYO_KEY }));
    client = createKlaviyoClient({
      transport: new ZafTransport(createFakeZafClient()),
      authorization: KLAVIYO_AUTHORIZATION,
      retryDeps: { sleep: async () => {} },
    });
  }
  const ignore = (p: Promise<unknown>) => p.catch(() => undefined);

  beforeAll(async () => {
    fresh();
    await client.lookupProfile({ email: 'maria.garcia@example.com', phone: '+14155550101' });
    await client.lookupProfile({ email: 'sam.taylor@example.com', phone: '+15035550142' });
    await client.lookupProfile({ phone: '+82 10-5550-1234' });
    await client.lookupProfile({ linkedProfileId: DEMO_IDS.sven });
    await client.lookupProfile({
      linkedProfileId: '01GONE0000000000000000000',
      email: 'noa.cohen@example.org',
    });
    await client.lookupProfile({ email: 'o"neil\\x+tag@example.com' });
    await client.searchProfiles(DEMO_IDS.jordan);
    await client.getPredictiveAnalytics(DEMO_IDS.maria);
    await client.getPredictiveAnalytics(DEMO_IDS.sven);
    const first = await client.getProfileEvents(DEMO_IDS.maria, { pageSize: 25 });
    await client.getEventsPage(first.nextUrl!);
    await client.getProfileEvents(DEMO_IDS.sven);
    await client.findMetricId('Received SMS');
    await client.getProfileMemberships(DEMO_IDS.maria);
    await client.getSmsConversationId(DEMO_IDS.maria);
    await client.sendConversationMessage({
      conversationId: DEMO_CONVERSATIONS.maria,
      body: 'Checking now 🙂',
      idempotencyKey: 'c-1',
    });
    await ignore(
      client.sendConversationMessage({ conversationId: 'NOPE', body: 'x', idempotencyKey: 'c-2' }),
    );
    await client.createReplyEvent({
      metricName: 'Zendesk SMS Reply',
      profile: { id: DEMO_IDS.maria },
      text: 'Re-sent today',
      ticketId: 101,
      ticketUrl: 'https://demo.zendesk.com/agent/tickets/101',
      agentName: 'Alex Agent',
      uniqueId: 'u-1',
    });
    await client.createReplyEvent({
      metricName: 'Zendesk SMS Reply',
      profile: { email: 'noa.cohen@example.org', phone: '+1 212 555 0100' },
      text: 'Hi',
      ticketId: 104,
      uniqueId: 'u-2',
    });
    await client.testConnection();
    await ignore(client.getProfile('01NOPE00000000000000000000'));
    await client.listMetrics({ integrationName: 'Klaviyo' });
    const sentSms = await client.findMetricId('Sent SMS', { integrationName: 'Klaviyo' });
    const flow = await client.createFlow('Klaviyo for Zendesk · inbound SMS (managed)', {
      triggers: [{ type: 'metric', id: sentSms! }],
      profile_filter: {
        condition_groups: [
          {
            conditions: [
              {
                type: 'profile-marketing-consent',
                consent: {
                  channel: 'sms',
                  can_receive_marketing: true,
                  consent_status: { subscription: 'subscribed' },
                },
              },
            ],
          },
        ],
      },
      actions: [
        {
          temporary_id: 'to-zendesk',
          type: 'send-webhook',
          links: { next: 'reply' },
          data: {
            status: 'draft',
            message: {
              name: 'Zendesk',
              url: 'https://demo.zendesk.com/api/services/zis/inbound_webhooks/generic/ingest/t',
              headers: { Authorization: 'Basic dTpw' },
              body: '{"text":"{{ event|lookup:\'Message Body\'|default:\'\' }}"}',
            },
          },
        },
        {
          temporary_id: 'reply',
          type: 'send-sms',
          links: { next: null },
          data: { status: 'draft', message: { body: 'Thanks!', smart_sending_enabled: false } },
        },
      ],
      entry_action_id: 'to-zendesk',
    });
    await client.findFlowsByName('Klaviyo for Zendesk · inbound SMS (managed)');
    await client.getFlow(flow.id, { definition: true });
    await client.setFlowStatus(flow.id, 'live');
    store.campaigns.push({ id: 'CmSummer', name: 'Summer Sale SMS' });
    const mine = store.events.filter((e) => e.profileId === DEMO_IDS.maria);
    mine[0]!.campaignId = 'CmSummer';
    mine[1]!.flowId = flow.id;
    mine[2]!.attributedTo = mine[0]!.id;
    mine[3]!.attributedTo = mine[1]!.id;
    const attributed = await client.getProfileEvents(DEMO_IDS.maria);
    await client.getAttributionNames(attributed.events);
    await client.deleteFlow(flow.id);
    await ignore(client.getFlow(flow.id));
    recorded.push(...store.requests);

    fresh();
    store.grantedScopes = new Set(['accounts:read', 'profiles:read']);
    store.conversationsEnabled = false;
    await client.testConnection();
    await ignore(client.getProfileEvents(DEMO_IDS.maria));
    await ignore(client.getSmsConversationId(DEMO_IDS.maria));
    store.faults.push({
      method: 'GET',
      path: '/api/profiles',
      status: 429,
      retryAfter: 1,
      times: 1,
    });
    store.faults.push({ method: 'GET', path: '/api/metrics', status: 503, times: 1 });
    await client.lookupProfile({ email: 'maria.garcia@example.com' });
    await ignore(client.findMetricId('Placed Order'));
    recorded.push(...store.requests);
  });

  describe('Klaviyo contract: the operations table', () => {
    it.each(KLAVIYO_OPERATIONS.map((o) => [o.operationId, o] as const))(
      '%s matches the spec',
      (_id, row) => {
        const op = spec.paths[row.path]?.[row.method.toLowerCase()];
        expect(op).toBeDefined();
        expect(op.operationId).toBe(row.operationId);
        expect(op['x-klaviyo-scopes']).toEqual(row.scopes);
        expect(op['x-klaviyo-ratelimit']).toMatchObject(row.rateLimit);
      },
    );

    it('the scenario exercised every operation the client declares', () => {
      const used = new Set(recorded.map((r) => operationFor(r.method, r.path)?.op.operationId));
      expect(KLAVIYO_OPERATIONS.map((o) => o.operationId).filter((id) => !used.has(id))).toEqual(
        [],
      );
    });
  });

  describe('Klaviyo contract: requests the client builds', () => {
    it('recorded a substantial scenario', () => {
      expect(recorded.length).toBeGreaterThan(30);
    });

    it('each request targets a declared operation with the revision and key headers', () => {
      const problems: string[] = [];
      for (const r of recorded) {
        const found = operationFor(r.method, r.path);
        if (!found) problems.push(`${r.method} ${r.path}: no such operation`);
        if (r.headers.revision !== KLAVIYO_REVISION)
          problems.push(`${r.method} ${r.path}: revision ${r.headers.revision}`);
        if (r.headers.authorization !== `Klaviyo-API-Key ${TEST_KLAVIYO_KEY}`)
          problems.push(`${r.method} ${r.path}: authorization`);
        if (r.headers.accept !== 'application/vnd.api+json')
          problems.push(`${r.method} ${r.path}: accept`);
        if (r.body !== null && r.headers['content-type'] !== 'application/vnd.api+json')
          problems.push(`${r.method} ${r.path}: content-type`);
      }
      expect(problems).toEqual([]);
    });

    it('each query parameter is declared, with allowed values', () => {
      const problems: string[] = [];
      for (const r of recorded) {
        const found = operationFor(r.method, r.path);
        if (!found) continue;
        const params: Json[] = (found.op.parameters ?? []).filter((p: Json) => p.in === 'query');
        for (const [name, value] of r.query) {
          const param = params.find((p) => p.name === name);
          const where = `${found.op.operationId} ${name}=${value}`;
          if (!param) {
            problems.push(`${where}: not declared`);
            continue;
          }
          const schema = param.schema as Json;
          if (schema.type === 'array') {
            for (const item of value.split(',')) {
              if (schema.items?.enum && !schema.items.enum.includes(item))
                problems.push(`${where}: ${item} not allowed`);
            }
          } else if (schema.type === 'integer') {
            const n = Number(value);
            if (
              !Number.isInteger(n) ||
              (schema.minimum !== undefined && n < schema.minimum) ||
              (schema.maximum !== undefined && n > schema.maximum)
            ) {
              problems.push(`${where}: out of range`);
            }
          } else if (schema.enum && !schema.enum.includes(value)) {
            problems.push(`${where}: not in enum`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('no profile search asks for predictive analytics, which cuts get_profiles to 10/s, 150/m', () => {
      const searches = recorded.filter((r) => r.method === 'GET' && r.path === '/api/profiles');
      const predictive = recorded.filter((r) =>
        r.query.some(([k, v]) => k.endsWith('[profile]') && v.includes('predictive_analytics')),
      );
      expect(searches.length).toBeGreaterThan(5);
      expect(predictive.length).toBeGreaterThan(0);
      expect(
        new Set(predictive.map((r) => operationFor(r.method, r.path)?.op.operationId)),
      ).toEqual(new Set(['get_profile']));
    });

    it('each filter uses only fields and operators the operation allows', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const r of recorded) {
        const filter = r.query.find(([k]) => k === 'filter')?.[1];
        if (filter === undefined) continue;
        const found = operationFor(r.method, r.path)!;
        const allowed: Json = found.op['x-klaviyo-filters'] ?? {};
        for (const c of parseFilter(filter)) {
          checked += 1;
          const rule = allowed[c.field];
          const kind = c.value === null ? 'none' : Array.isArray(c.value) ? 'list' : 'single';
          if (!rule) problems.push(`${found.op.operationId}: field ${c.field} not filterable`);
          else if (!(rule.operators[kind] ?? []).includes(c.op))
            problems.push(`${found.op.operationId}: ${c.op} on ${c.field} (${kind})`);
        }
      }
      expect(checked).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    });

    it('each request body is valid against the operation’s request schema', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const r of recorded) {
        if (r.body === null) continue;
        const found = operationFor(r.method, r.path)!;
        const schema = found.op.requestBody?.content?.['application/vnd.api+json']?.schema;
        if (!schema) {
          problems.push(`${found.op.operationId}: body sent but none declared`);
          continue;
        }
        const validate = validator(requestAjv, `${found.op.operationId}:body`, schema);
        checked += 1;
        if (!validate(r.body))
          problems.push(`${found.op.operationId}: ${requestAjv.errorsText(validate.errors)}`);
      }
      expect(checked).toBeGreaterThanOrEqual(3);
      expect(problems).toEqual([]);
    });
  });

  describe('Klaviyo contract: the checks themselves', () => {
    it('reject a body or an answer that breaks the spec', () => {
      const send = operationFor('POST', '/api/conversation-messages')!.op;
      const body = validator(
        requestAjv,
        'neg:body',
        send.requestBody.content['application/vnd.api+json'].schema,
      );
      expect(body({ data: { type: 'conversation-message', attributes: { body: 'x' } } })).toBe(
        false,
      );
      expect(
        body({
          data: {
            type: 'message',
            attributes: { body: 'x' },
            relationships: { conversation: { data: { type: 'conversation', id: 'c' } } },
          },
        }),
      ).toBe(false);
      const events = operationFor('GET', '/api/events')!.op;
      const answer = validator(
        responseAjv,
        'neg:events',
        events.responses['200'].content['application/vnd.api+json'].schema,
      );
      expect(
        answer({
          data: [
            { type: 'event', id: 7, attributes: {}, links: { self: 'https://a.klaviyo.com/x' } },
          ],
        }),
      ).toBe(false);
      expect(
        answer({
          data: [
            {
              type: 'event',
              id: 'e',
              attributes: { datetime: 'yesterday' },
              links: { self: 'https://a.klaviyo.com/x' },
            },
          ],
        }),
      ).toBe(false);
      expect(
        answer({
          data: [
            {
              type: 'event',
              id: 'e',
              attributes: { datetime: null },
              links: { self: 'https://a.klaviyo.com/x' },
            },
          ],
        }),
      ).toBe(true);
      expect(parseFilter('equals(email,"a\\"b")')).toEqual([
        { op: 'equals', field: 'email', value: 'a"b' },
      ]);
    });
  });

  describe('Klaviyo contract: answers the stand-in gives', () => {
    it('each answer is valid against the response schema for its status', () => {
      const problems: string[] = [];
      const statuses = new Set<number>();
      for (const r of recorded) {
        if (r.status === 0) continue;
        const found = operationFor(r.method, r.path)!;
        const responses: Json = found.op.responses;
        const key = String(r.status) in responses ? String(r.status) : `${String(r.status)[0]}XX`;
        let response: Json | undefined = responses[key];
        if (!response) {
          problems.push(`${found.op.operationId}: status ${r.status} not declared`);
          continue;
        }
        if (response.$ref) response = spec.components.responses[response.$ref.split('/').pop()];
        const schema = response!.content?.['application/vnd.api+json']?.schema;
        statuses.add(r.status);
        if (!schema) {
          if (r.responseBody !== '')
            problems.push(`${found.op.operationId} ${r.status}: body where none is declared`);
          continue;
        }
        const validate = validator(responseAjv, `${found.op.operationId}:${key}`, schema);
        if (!validate(JSON.parse(r.responseBody))) {
          problems.push(
            `${found.op.operationId} ${r.status}: ${responseAjv.errorsText(validate.errors)}`,
          );
        }
      }
      expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 202, 403, 404, 429, 503]));
      expect(problems).toEqual([]);
    });
  });
});
