/**
 * The ZIS registry and configs APIs: integrations (which also create the integration's OAuth
 * client in Zendesk), bundle upload with ZIS's validation, job spec install, uninstall and
 * read-back, and config scopes.
 */
import { randomBytes } from 'node:crypto';
import { HttpResponse, type RequestHandler } from 'msw';
import type { ZisBundle } from '../../src/inbound/zis-types';
import { param, route, type ZisContext } from './context';
import {
  badRequest,
  callerOf,
  forbidden,
  jsonBody,
  notFound,
  requireOwnClient,
  unauthorized,
  ZisHttpError,
} from './http';
import { applyBundle, type IntegrationRecord } from './registry';
import { bundleProblems } from './validate';

const NAME = /^[a-z0-9_-]{1,64}$/;

export function integrationOf(ctx: ZisContext, key: string): IntegrationRecord {
  const found = ctx.registry.integrations.get(key);
  if (!found) throw notFound(`Integration ${key} not found`);
  return found;
}

function authorise(ctx: ZisContext, request: Request, integration?: string) {
  const caller = callerOf(request, ctx.deps.session(), ctx.deps.oauth);
  if (integration) requireOwnClient(caller, integration);
  if (!ctx.registry.available) {
    throw forbidden('Zendesk Integration Services is not available on this account’s plan');
  }
  return caller;
}

function registryHandlers(ctx: ZisContext): RequestHandler[] {
  const zis = `${ctx.base}/api/services/zis`;
  return [
    route('get', `${zis}/registry/integrations`, ({ request }) => {
      authorise(ctx, request);
      const integrations = [...ctx.registry.integrations.values()].map((i) => ({
        name: i.name,
        description: i.description,
      }));
      return HttpResponse.json({ integrations });
    }),
    route('post', `${zis}/registry/job_specs/install`, ({ request, url }) => {
      const spec = jobSpecByName(ctx, url.searchParams.get('job_spec_name') ?? '');
      authorise(ctx, request, spec.integration.name);
      spec.record.installed = true;
      spec.integration.orphans.delete(spec.record.name);
      return new HttpResponse(null, { status: 204 });
    }),
    route('delete', `${zis}/registry/job_specs/install`, ({ request, url }) => {
      const spec = jobSpecByName(ctx, url.searchParams.get('job_spec_name') ?? '');
      authorise(ctx, request, spec.integration.name);
      spec.record.installed = false;
      spec.integration.orphans.delete(spec.record.name);
      return new HttpResponse(null, { status: 204 });
    }),
    route('post', `${zis}/registry/:key`, async ({ request, params }) => {
      const key = param(params.key);
      const caller = authorise(ctx, request);
      if (caller.kind !== 'session') throw unauthorized('Use basic authentication or a session');
      const body = await jsonBody(request);
      if (!NAME.test(key)) throw badRequest('Integration names are 1–64 of [a-z0-9_-]');
      if (ctx.registry.takenNames.has(key)) {
        throw badRequest(`Integration ${key} is not available for upsert by this account`);
      }
      if (ctx.registry.integrations.has(key)) {
        throw new ZisHttpError(409, 'Conflict', `Integration ${key} already exists`);
      }
      const client = ctx.deps.oauth.createClient(`zis_${key}`, `ZIS ${key}`);
      ctx.registry.integrations.set(key, {
        name: key,
        description: String(body.description ?? ''),
        oauthClientId: client.id,
        bundle: null,
        actions: new Map(),
        flows: new Map(),
        jobSpecs: new Map(),
        orphans: new Map(),
        configs: new Map(),
        connections: new Map(),
      });
      return HttpResponse.json({
        name: key,
        description: String(body.description ?? ''),
        jwt_public_key: '',
        // ZIS answers the client secret once; the stand-in keeps no copy.
        zendesk_oauth_client: {
          id: client.id,
          identifier: client.identifier,
          secret: randomBytes(32).toString('hex'),
        },
      });
    }),
    route('post', `${zis}/registry/:key/bundles`, async ({ request, params }) => {
      const key = param(params.key);
      if (/^bearer\s/i.test(request.headers.get('authorization') ?? '')) {
        throw unauthorized('OAuth being disabled for this API request');
      }
      authorise(ctx, request);
      const integration = integrationOf(ctx, key);
      const bundle = await jsonBody(request);
      const problems = bundleProblems(key, bundle);
      if (problems.length > 0) throw badRequest(problems.join('; '));
      applyBundle(integration, bundle as unknown as ZisBundle);
      return new HttpResponse(null, { status: 204 });
    }),
    route('get', `${zis}/registry/:key/job_specs`, ({ request, params }) => {
      const key = param(params.key);
      authorise(ctx, request, key);
      const integration = integrationOf(ctx, key);
      const job_specs = [...integration.jobSpecs.values()].map((s) => ({
        ...s,
        integration: key,
      }));
      return HttpResponse.json({ job_specs, meta: { has_more: false, after: null, before: null } });
    }),
  ];
}

function jobSpecByName(ctx: ZisContext, name: string) {
  const match = /^zis:([a-z0-9_-]+):job_spec:(.+)$/.exec(name);
  const integration = match ? ctx.registry.integrations.get(match[1]!) : undefined;
  const record = integration?.jobSpecs.get(name);
  if (!integration || !record) throw notFound(`Job spec ${name} not found`);
  return { integration, record };
}

function configHandlers(ctx: ZisContext): RequestHandler[] {
  const base = `${ctx.base}/api/services/zis/integrations/:key/configs`;
  const scopeOf = (integration: IntegrationRecord, scope: string) => {
    if (!integration.configs.has(scope)) throw notFound(`Config ${scope} not found`);
    return integration.configs.get(scope);
  };
  const answer = (key: string, scope: string, config: unknown) => ({
    integration: key,
    scope,
    config,
  });
  const open = (request: Request, key: string) => {
    authorise(ctx, request, key);
    return integrationOf(ctx, key);
  };
  return [
    route('get', base, ({ request, params, url }) => {
      const key = param(params.key);
      const integration = open(request, key);
      const wanted = url.searchParams.get('filter[scope]');
      const configs = [...integration.configs.entries()]
        .filter(([scope]) => wanted === null || scope === wanted)
        .map(([scope, config]) => answer(key, scope, config));
      return HttpResponse.json({ configs });
    }),
    route('post', base, async ({ request, params }) => {
      const key = param(params.key);
      const integration = open(request, key);
      const body = await jsonBody(request);
      const scope = String(body.scope ?? '');
      if (scope === '' || typeof body.config !== 'object' || body.config === null) {
        throw badRequest('scope and config are required');
      }
      if (integration.configs.has(scope)) {
        throw new ZisHttpError(409, 'Conflict', `Config ${scope} already exists`);
      }
      integration.configs.set(scope, body.config);
      return HttpResponse.json({ config: answer(key, scope, body.config) }, { status: 201 });
    }),
    route('put', `${base}/:scope`, async ({ request, params }) => {
      const key = param(params.key);
      const integration = open(request, key);
      scopeOf(integration, param(params.scope));
      const body = await jsonBody(request);
      if (typeof body.config !== 'object' || body.config === null)
        throw badRequest('config is required');
      integration.configs.set(param(params.scope), body.config);
      return HttpResponse.json({ config: answer(key, param(params.scope), body.config) });
    }),
    route('patch', `${base}/:scope`, async ({ request, params }) => {
      const key = param(params.key);
      const integration = open(request, key);
      const old = scopeOf(integration, param(params.scope)) as Record<string, unknown>;
      const body = await jsonBody(request);
      const merged = { ...old, ...(body.config as Record<string, unknown>) };
      integration.configs.set(param(params.scope), merged);
      return HttpResponse.json({ config: answer(key, param(params.scope), merged) });
    }),
    route('delete', `${base}/:scope`, ({ request, params }) => {
      const integration = open(request, param(params.key));
      scopeOf(integration, param(params.scope));
      integration.configs.delete(param(params.scope));
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

export function zisRegistryHandlers(ctx: ZisContext): RequestHandler[] {
  return [...registryHandlers(ctx), ...configHandlers(ctx)];
}
