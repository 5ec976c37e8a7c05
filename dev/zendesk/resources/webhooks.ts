/**
 * Webhooks (admins only): list (cursor paged, `filter[name_contains]`), create, show, update
 * (PUT replaces, PATCH merges), delete, and invocations (newest first) with their attempts.
 * Authentication `data` (the secret) is kept in the state's secrets and never returned; an update
 * that omits it keeps the stored one, as Zendesk does.
 */
import { notFound, webhookErrors } from '../errors';
import { stringParam, wrapped, type Json, type Router } from '../http';
import { cursorPage } from '../paging';
import type { ZendeskState } from '../state';
import type { ZdWebhook, ZdWebhookAuthentication } from '../types';

const AUTH_TYPES = ['basic_auth', 'bearer_token', 'api_key'];

function authProblem(a: Json, partial: boolean): string | null {
  if (!AUTH_TYPES.includes(String(a.type))) return 'authentication.type is invalid';
  if (a.add_position !== 'header') return 'add_position must be header';
  if (a.data === undefined) return partial ? null : 'authentication.data is required';
  const d = (a.data ?? {}) as Json;
  const ok =
    a.type === 'api_key'
      ? typeof d.name === 'string' && typeof d.value === 'string' && d.value !== ''
      : a.type === 'bearer_token'
        ? typeof d.token === 'string' && d.token !== ''
        : typeof d.username === 'string' && typeof d.password === 'string';
  return ok ? null : 'authentication.data is invalid';
}

function validate(w: Json, partial: boolean): void {
  const problems: Array<{ code: string; detail: string }> = [];
  const check = (key: string, ok: boolean, code: string, detail: string) => {
    if ((!partial || key in w) && !ok) problems.push({ code, detail });
  };
  check(
    'name',
    typeof w.name === 'string' && w.name.trim() !== '',
    'WebhookNameMissing',
    'name is required',
  );
  check(
    'endpoint',
    typeof w.endpoint === 'string' && /^https:\/\//.test(w.endpoint),
    'InvalidEndpoint',
    'endpoint must be an https URL',
  );
  check(
    'http_method',
    ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(String(w.http_method)),
    'InvalidHttpMethod',
    'http_method is invalid',
  );
  check(
    'request_format',
    ['json', 'xml', 'form_encoded'].includes(String(w.request_format)),
    'InvalidRequestFormat',
    'request_format is invalid',
  );
  check(
    'status',
    ['active', 'inactive'].includes(String(w.status)),
    'InvalidStatus',
    'status must be active or inactive',
  );
  if ('subscriptions' in w && !Array.isArray(w.subscriptions))
    problems.push({ code: 'InvalidSubscriptions', detail: 'subscriptions must be an array' });
  if ('authentication' in w && w.authentication !== null) {
    const problem = authProblem((w.authentication ?? {}) as Json, partial);
    if (problem) problems.push({ code: 'InvalidAuthentication', detail: problem });
  }
  if (problems.length > 0) throw webhookErrors(problems);
}

const FIELDS = [
  'name',
  'description',
  'status',
  'endpoint',
  'http_method',
  'request_format',
  'subscriptions',
  'custom_headers',
] as const;

function apply(state: ZendeskState, target: ZdWebhook, w: Json): void {
  for (const key of FIELDS) {
    if (key in w) (target as unknown as Json)[key] = JSON.parse(JSON.stringify(w[key]));
  }
  if ('authentication' in w) {
    const a = w.authentication as ZdWebhookAuthentication | null;
    if (a === null) {
      delete target.authentication;
      state.secrets.webhookAuth.delete(target.id);
    } else {
      const previous = state.authenticationOf(target.id);
      const data = a.data ?? (previous?.type === a.type ? previous.data : undefined);
      state.secrets.webhookAuth.set(target.id, {
        type: a.type,
        add_position: a.add_position,
        ...(data ? { data: { ...data } } : {}),
      });
      target.authentication = { type: a.type, add_position: a.add_position };
    }
  }
  target.updated_at = state
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

export function webhookRoutes(r: Router): void {
  const { state } = r;
  const find = (id: unknown) => {
    const hook = state.webhooks.get(stringParam(id as string));
    if (!hook) throw notFound();
    return hook;
  };
  r.add('get', '/webhooks', ({ url }) => {
    state.requireAdmin();
    const filter = url.searchParams.get('filter[name_contains]')?.toLowerCase();
    const list = [...state.webhooks.values()].filter(
      (w) => !filter || w.name.toLowerCase().includes(filter),
    );
    return { body: cursorPage(url, list, 'webhooks') };
  });
  r.add('post', '/webhooks', async ({ json, actor }) => {
    state.requireAdmin();
    const w = wrapped(await json(), 'webhook');
    validate(w, false);
    let n = state.webhooks.size + 1;
    while (state.webhooks.has(webhookId(n))) n += 1;
    const id = webhookId(n);
    const at = state
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const created: ZdWebhook = {
      id,
      name: '',
      status: 'active',
      endpoint: '',
      http_method: 'POST',
      request_format: 'json',
      subscriptions: [],
      created_at: at,
      updated_at: at,
      created_by: String(actor.userId),
      updated_by: String(actor.userId),
    };
    apply(state, created, w);
    state.webhooks.set(id, created);
    return { status: 201, body: { webhook: created } };
  });
  r.add('get', '/webhooks/:id', ({ params }) => {
    state.requireAdmin();
    return { body: { webhook: find(params.id) } };
  });
  for (const method of ['put', 'patch'] as const) {
    r.add(method, '/webhooks/:id', async ({ params, json }) => {
      state.requireAdmin();
      const hook = find(params.id);
      const w = wrapped(await json(), 'webhook');
      validate(w, method === 'patch');
      apply(state, hook, w);
      return { status: 204 };
    });
  }
  r.add('delete', '/webhooks/:id', ({ params }) => {
    state.requireAdmin();
    const hook = find(params.id);
    state.webhooks.delete(hook.id);
    state.invocations.delete(hook.id);
    state.secrets.webhookAuth.delete(hook.id);
    return { status: 204 };
  });
  r.add('get', '/webhooks/:id/invocations', ({ params, url }) => {
    state.requireAdmin();
    const hook = find(params.id);
    const newestFirst = [...(state.invocations.get(hook.id) ?? [])].reverse();
    return { body: cursorPage(url, newestFirst.map(withoutAttempts), 'invocations') };
  });
  r.add('get', '/webhooks/:id/invocations/:invocation/attempts', ({ params }) => {
    state.requireAdmin();
    const hook = find(params.id);
    const id = stringParam(params.invocation as string);
    const invocation = (state.invocations.get(hook.id) ?? []).find((i) => i.id === id);
    if (!invocation) throw notFound();
    return { body: { attempts: invocation.attempts ?? [] } };
  });
}

function webhookId(n: number): string {
  return `01WEBHOOK${String(n).padStart(17, '0')}`;
}

function withoutAttempts<T extends { attempts?: unknown }>(invocation: T): Omit<T, 'attempts'> {
  const { attempts: _attempts, ...rest } = invocation;
  return rest;
}
