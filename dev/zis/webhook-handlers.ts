/**
 * ZIS inbound webhooks: create (with a token of the integration's own OAuth client), list,
 * delete, and the ingest URL an external system posts to with Basic auth. Wrong credentials
 * answer 401 and nothing runs; a body that is not a JSON object answers 400; with nothing
 * installed ingest still answers 200, as ZIS does. Deviation, documented: ingest answers after the
 * flows it started have finished (ZIS answers at once), so a test or a simulated text can wait
 * for the ticket.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { HttpResponse, type RequestHandler } from 'msw';
import { param, route, type ZisContext } from './context';
import { dispatchEvent } from './dispatch';
import {
  badRequest,
  callerOf,
  jsonBody,
  notFound,
  requireOwnClient,
  unauthorized,
  ZisHttpError,
} from './http';
import { integrationOf } from './registry-handlers';
import type { WebhookRecord } from './registry';

const INGEST = '/api/services/zis/inbound_webhooks/generic/ingest/';
/** ZIS recommends at most 200 KB per request. */
const MAX_INGEST_BYTES = 200 * 1024;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicMatches(header: string | null, hook: WebhookRecord): boolean {
  const match = /^basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return (
    sameText(decoded.slice(0, colon), hook.username) &&
    sameText(decoded.slice(colon + 1), hook.password)
  );
}

const publicHook = (h: WebhookRecord, accountId: number) => ({
  id: h.id,
  uuid: h.uuid,
  zendesk_account_id: accountId,
  path: `${INGEST}${h.token}`,
  integration: h.integration,
  source_system: h.source_system,
  event_type: h.event_type,
});

export function zisWebhookHandlers(ctx: ZisContext): RequestHandler[] {
  const base = `${ctx.base}/api/services/zis/inbound_webhooks/generic`;
  const bearerFor = (request: Request, key: string) => {
    const caller = callerOf(request, ctx.deps.session(), ctx.deps.oauth);
    if (caller.kind !== 'bearer') throw unauthorized();
    requireOwnClient(caller, key);
    return integrationOf(ctx, key);
  };
  return [
    route('post', `${base}/ingest/:token`, async ({ request, params }) => {
      const hook = [...ctx.registry.webhooks.values()].find((h) => h.token === param(params.token));
      if (!hook) throw notFound('Inbound webhook not found');
      if (!basicMatches(request.headers.get('authorization'), hook)) throw unauthorized();
      const text = await request.text();
      if (Buffer.byteLength(text) > MAX_INGEST_BYTES) {
        throw new ZisHttpError(413, 'Payload Too Large', 'The request body is over 200KB');
      }
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        throw badRequest('The request body is not valid JSON');
      }
      const integration = ctx.registry.integrations.get(hook.integration);
      if (integration) {
        await dispatchEvent(ctx, integration, hook.source_system, hook.event_type, input);
      }
      return HttpResponse.json({}, { status: 200 });
    }),
    route('post', `${base}/:key`, async ({ request, params }) => {
      const key = param(params.key);
      bearerFor(request, key);
      const body = await jsonBody(request);
      const source = String(body.source_system ?? '');
      const type = String(body.event_type ?? '');
      if (source === '' || type === '')
        throw badRequest('source_system and event_type are required');
      const hook: WebhookRecord = {
        id: randomUUID(),
        uuid: randomUUID(),
        integration: key,
        token: randomBytes(24).toString('hex'),
        username: randomBytes(12).toString('hex'),
        password: randomBytes(24).toString('hex'),
        source_system: source,
        event_type: type,
      };
      ctx.registry.webhooks.set(hook.uuid, hook);
      return HttpResponse.json(
        {
          ...publicHook(hook, ctx.deps.accountId),
          username: hook.username,
          password: hook.password,
        },
        { status: 201 },
      );
    }),
    route('get', `${base}/:key/all`, ({ request, params }) => {
      const key = param(params.key);
      bearerFor(request, key);
      const webhooks = [...ctx.registry.webhooks.values()]
        .filter((h) => h.integration === key)
        .map((h) => publicHook(h, ctx.deps.accountId));
      return HttpResponse.json({ inbound_webhooks: webhooks });
    }),
    route('delete', `${base}/:key/:uuid`, ({ request, params }) => {
      const key = param(params.key);
      bearerFor(request, key);
      const hook = ctx.registry.webhooks.get(param(params.uuid));
      if (!hook || hook.integration !== key) throw notFound('Inbound webhook not found');
      ctx.registry.webhooks.delete(hook.uuid);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
