/**
 * Stand-in for Zendesk's admin APIs that the setup page drives: webhooks (+ invocations), triggers,
 * automations, views and ticket fields (user fields and brands optionally: by default dev/zendesk's
 * store serves them). MSW 2 handlers over an in-memory
 * state, used by Jest (setupServer) and by the local workspace (composed with dev/zendesk's store).
 *
 * Shapes follow developer.zendesk.com: triggers/automations/views/user_fields/ticket_fields/brands
 * use offset pagination (`next_page`, `previous_page`, `count`); webhooks and invocations use
 * cursor pagination (`meta.has_more`, `meta.after_cursor`, `links.next`). Validation failures are
 * 422 `{ error: 'RecordInvalid', description, details }` (webhooks: `{ errors: [{code,title,detail}] }`).
 *
 * Webhook authentication `data` (the Klaviyo key) is kept in the state so tests can check what
 * reached Zendesk, but, as in Zendesk, it is never returned by GET.
 */
import {
  http,
  HttpResponse,
  type DefaultBodyType,
  type HttpResponseResolver,
  type PathParams,
  type RequestHandler,
} from 'msw';
import {
  errorResponse,
  notFound as notFoundError,
  recordInvalid as recordInvalidError,
} from './errors';

export interface AdminBrand {
  id: number;
  name: string;
  subdomain: string;
  default: boolean;
  active: boolean;
}

export interface AdminCondition {
  field: string;
  operator: string;
  value?: unknown;
}

export interface AdminAction {
  field: string;
  value: unknown;
}

export interface WebhookAuthentication {
  type: 'basic_auth' | 'bearer_token' | 'api_key';
  add_position: 'header';
  data?: Record<string, string>;
}

export interface AdminWebhook {
  id: string;
  name: string;
  description?: string;
  status: 'active' | 'inactive';
  endpoint: string;
  http_method: string;
  request_format: string;
  subscriptions: string[];
  authentication?: WebhookAuthentication;
  custom_headers?: Record<string, string>;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

export interface AdminInvocation {
  id: string;
  latest_completed_at: string;
  /** Zendesk's own summary of the invocation. */
  status: 'success' | 'failed' | 'circuit_broken' | 'throttled' | 'timed_out';
  latest_status_code: number;
}

export interface AdminRule {
  id: number;
  title: string;
  description: string | null;
  active: boolean;
  position: number;
  conditions: { all: AdminCondition[]; any: AdminCondition[] };
  actions?: AdminAction[];
  /** Views only. */
  output?: Record<string, unknown>;
  /** Triggers only. */
  category_id?: string;
  raw_title?: string;
  url: string;
  created_at: string;
  updated_at: string;
}

export interface AdminField {
  id: number;
  url: string;
  type: string;
  title: string;
  raw_title: string;
  description: string;
  active: boolean;
  /** Ticket fields: false for Zendesk's built-in fields (subject, status, …). */
  removable: boolean;
  /** User fields only. */
  key?: string;
  position: number;
  created_at: string;
  updated_at: string;
  custom_field_options?: Array<{ id: number; name: string; value: string }>;
}

export interface ZendeskAdminSeed {
  brands?: AdminBrand[];
  webhooks?: AdminWebhook[];
  triggers?: AdminRule[];
  automations?: AdminRule[];
  views?: AdminRule[];
  userFields?: AdminField[];
  ticketFields?: AdminField[];
  invocations?: Record<string, AdminInvocation[]>;
}

export interface RecordedAdminRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface ZendeskAdminState {
  brands: AdminBrand[];
  webhooks: Map<string, AdminWebhook>;
  triggers: Map<number, AdminRule>;
  automations: Map<number, AdminRule>;
  views: Map<number, AdminRule>;
  userFields: Map<number, AdminField>;
  ticketFields: Map<number, AdminField>;
  /** Newest last. */
  invocations: Map<string, AdminInvocation[]>;
  /** Every write request received (GETs are not recorded), oldest first. */
  requests: RecordedAdminRequest[];
  /** Appends an invocation to a webhook (what Zendesk records when the webhook fires). */
  addInvocation(
    webhookId: string,
    invocation: { statusCode: number; at?: string; status?: AdminInvocation['status'] },
  ): AdminInvocation;
  /** The admin's last Klaviyo key per webhook id, as sent in `authentication.data`. */
  authenticationOf(webhookId: string): WebhookAuthentication | undefined;
  /** Back to the seed. */
  reset(): void;
}

export interface ZendeskAdminHandlerOptions {
  baseUrl?: string;
  /** Serve GET /api/v2/brands from this state (default false: dev/zendesk's store serves brands). */
  serveBrands?: boolean;
  /**
   * Serve /api/v2/user_fields from this state (default false: dev/zendesk's store serves them, so
   * that a field created here shows on its users). Switch on to use these handlers alone.
   */
  serveUserFields?: boolean;
  /** Page size for offset-paginated lists (Zendesk: 100). */
  pageSize?: number;
}

export const DEMO_BRANDS: AdminBrand[] = [
  { id: 1, name: 'Acme', subdomain: 'demo', default: true, active: true },
  { id: 2, name: 'Acme Outlet', subdomain: 'demo-outlet', default: false, active: true },
];

const STAMP = '2026-01-05T09:00:00Z';

function systemTicketField(id: number, type: string, title: string, position: number): AdminField {
  return {
    id,
    url: `https://demo.zendesk.com/api/v2/ticket_fields/${id}.json`,
    type,
    title,
    raw_title: title,
    description: '',
    active: true,
    removable: false,
    position,
    created_at: STAMP,
    updated_at: STAMP,
  };
}

/** Zendesk's built-in ticket fields plus two custom ones, as a demo account has them. */
export function demoTicketFields(): AdminField[] {
  return [
    systemTicketField(360000001, 'subject', 'Subject', 1),
    systemTicketField(360000002, 'description', 'Description', 2),
    systemTicketField(360000003, 'status', 'Status', 3),
    systemTicketField(360000004, 'tickettype', 'Type', 4),
    systemTicketField(360000005, 'priority', 'Priority', 5),
    systemTicketField(360000006, 'group', 'Group', 6),
    systemTicketField(360000007, 'assignee', 'Assignee', 7),
    {
      ...systemTicketField(360000101, 'text', 'Order number', 8),
      removable: true,
    },
    {
      ...systemTicketField(360000102, 'tagger', 'Contact reason', 9),
      removable: true,
      custom_field_options: [
        { id: 1, name: 'Delivery', value: 'reason_delivery' },
        { id: 2, name: 'Returns', value: 'reason_returns' },
      ],
    },
    {
      ...systemTicketField(360000103, 'text', 'Retired field', 10),
      removable: true,
      active: false,
    },
  ];
}

export function demoZendeskAdminSeed(): ZendeskAdminSeed {
  return { brands: DEMO_BRANDS.map((b) => ({ ...b })), ticketFields: demoTicketFields() };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function createZendeskAdminState(
  seed: ZendeskAdminSeed = demoZendeskAdminSeed(),
): ZendeskAdminState {
  const state: ZendeskAdminState = {
    brands: [],
    webhooks: new Map(),
    triggers: new Map(),
    automations: new Map(),
    views: new Map(),
    userFields: new Map(),
    ticketFields: new Map(),
    invocations: new Map(),
    requests: [],
    addInvocation(webhookId, { statusCode, at, status }) {
      const list = state.invocations.get(webhookId) ?? [];
      const invocation: AdminInvocation = {
        id: `01INV${String(list.length + 1).padStart(6, '0')}${webhookId.slice(-8)}`,
        latest_completed_at: at ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        status: status ?? (statusCode >= 200 && statusCode < 300 ? 'success' : 'failed'),
        latest_status_code: statusCode,
      };
      list.push(invocation);
      state.invocations.set(webhookId, list);
      return invocation;
    },
    authenticationOf(webhookId) {
      return secrets.get(state)?.get(webhookId);
    },
    reset() {
      const s = clone(seed);
      state.brands = s.brands ?? [];
      state.webhooks = new Map((s.webhooks ?? []).map((w) => [w.id, w]));
      state.triggers = new Map((s.triggers ?? []).map((r) => [r.id, r]));
      state.automations = new Map((s.automations ?? []).map((r) => [r.id, r]));
      state.views = new Map((s.views ?? []).map((r) => [r.id, r]));
      state.userFields = new Map((s.userFields ?? []).map((f) => [f.id, f]));
      state.ticketFields = new Map((s.ticketFields ?? []).map((f) => [f.id, f]));
      state.invocations = new Map(Object.entries(s.invocations ?? {}));
      state.requests = [];
      secrets.set(state, new Map());
      for (const w of s.webhooks ?? []) {
        if (w.authentication) setAuth(state, w.id, clone(w.authentication));
        delete w.authentication?.data;
      }
    },
  };
  state.reset();
  return state;
}

// ---------------------------------------------------------------------------------------------
// Handlers

type Json = Record<string, unknown>;

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function recordInvalid(details: Record<string, string>): Response {
  return errorResponse(recordInvalidError(details));
}

function notFound(): Response {
  return errorResponse(notFoundError());
}

function badJson(): Response {
  return HttpResponse.json(
    { error: 'InvalidJSON', description: 'The request body is not valid JSON' },
    { status: 400 },
  );
}

function webhookErrors(errors: Array<{ code: string; detail: string }>): Response {
  return HttpResponse.json(
    { errors: errors.map((e) => ({ code: e.code, title: 'Invalid attribute', detail: e.detail })) },
    { status: 400 },
  );
}

async function readJson(request: Request): Promise<Json | null> {
  try {
    const text = await request.text();
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : null;
  } catch {
    return null;
  }
}

function offsetPage<T>(
  request: Request,
  items: T[],
  key: string,
  pageSize: number,
  baseUrl: string,
): Response {
  const url = new URL(request.url);
  const perPage = Math.min(Number(url.searchParams.get('per_page')) || pageSize, 100);
  const page = Math.max(Number(url.searchParams.get('page')) || 1, 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number) => {
    const next = new URL(url.pathname, baseUrl);
    next.searchParams.set('page', String(p));
    next.searchParams.set('per_page', String(perPage));
    return next.toString();
  };
  return HttpResponse.json({
    [key]: slice,
    next_page: page * perPage < items.length ? link(page + 1) : null,
    previous_page: page > 1 ? link(page - 1) : null,
    count: items.length,
  });
}

function cursorPage<T extends { id: string }>(
  request: Request,
  items: T[],
  key: string,
  baseUrl: string,
): Response {
  const url = new URL(request.url);
  const size = Math.min(Number(url.searchParams.get('page[size]')) || 20, 100);
  const after = url.searchParams.get('page[after]');
  const start = after ? items.findIndex((i) => i.id === after) + 1 : 0;
  const slice = items.slice(start, start + size);
  const hasMore = start + size < items.length;
  const last = slice[slice.length - 1];
  const next = new URL(url.pathname, baseUrl);
  next.searchParams.set('page[size]', String(size));
  if (last) next.searchParams.set('page[after]', last.id);
  return HttpResponse.json({
    [key]: slice,
    meta: {
      has_more: hasMore,
      after_cursor: hasMore && last ? last.id : null,
      before_cursor: slice[0]?.id ?? null,
    },
    links: { next: hasMore ? next.toString() : null, prev: null },
  });
}

const TRIGGER_CATEGORY = '10001';

export function zendeskAdminHandlers(
  state: ZendeskAdminState,
  options: ZendeskAdminHandlerOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? 'https://demo.zendesk.com').replace(/\/$/, '');
  const pageSize = options.pageSize ?? 100;
  let nextRuleId = 900000001;
  let nextWebhook = 1;
  const api = (path: string) => `${base}/api/v2${path}`;
  const record = (request: Request, body: unknown) =>
    state.requests.push({ method: request.method, path: new URL(request.url).pathname, body });
  const newRuleId = () => {
    const used = new Set([
      ...state.triggers.keys(),
      ...state.automations.keys(),
      ...state.views.keys(),
      ...state.userFields.keys(),
    ]);
    while (used.has(nextRuleId)) nextRuleId += 1;
    return nextRuleId++;
  };

  // ---- webhooks ----------------------------------------------------------------------------
  function validateWebhook(w: Json, partial: boolean): Response | null {
    const problems: Array<{ code: string; detail: string }> = [];
    if (!partial || 'name' in w) {
      if (typeof w.name !== 'string' || w.name.trim() === '')
        problems.push({ code: 'WebhookNameMissing', detail: 'name is required' });
    }
    if (!partial || 'endpoint' in w) {
      if (typeof w.endpoint !== 'string' || !/^https:\/\//.test(w.endpoint))
        problems.push({ code: 'InvalidEndpoint', detail: 'endpoint must be an https URL' });
    }
    if (!partial || 'http_method' in w) {
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(String(w.http_method)))
        problems.push({ code: 'InvalidHttpMethod', detail: 'http_method is invalid' });
    }
    if (!partial || 'request_format' in w) {
      if (!['json', 'xml', 'form_encoded'].includes(String(w.request_format)))
        problems.push({ code: 'InvalidRequestFormat', detail: 'request_format is invalid' });
    }
    if (!partial || 'status' in w) {
      if (!['active', 'inactive'].includes(String(w.status)))
        problems.push({ code: 'InvalidStatus', detail: 'status must be active or inactive' });
    }
    if ('subscriptions' in w && !Array.isArray(w.subscriptions))
      problems.push({ code: 'InvalidSubscriptions', detail: 'subscriptions must be an array' });
    if ('authentication' in w && w.authentication !== null) {
      const a = w.authentication as Json;
      if (!['basic_auth', 'bearer_token', 'api_key'].includes(String(a?.type)))
        problems.push({ code: 'InvalidAuthentication', detail: 'authentication.type is invalid' });
      else if (a.add_position !== 'header')
        problems.push({ code: 'InvalidAuthentication', detail: 'add_position must be header' });
      else if (a.data !== undefined) {
        const d = a.data as Json;
        const ok =
          a.type === 'api_key'
            ? typeof d?.name === 'string' && typeof d?.value === 'string' && d.value !== ''
            : a.type === 'bearer_token'
              ? typeof d?.token === 'string' && d.token !== ''
              : typeof d?.username === 'string' && typeof d?.password === 'string';
        if (!ok)
          problems.push({
            code: 'InvalidAuthentication',
            detail: 'authentication.data is invalid',
          });
      } else if (!partial && a.data === undefined) {
        problems.push({ code: 'InvalidAuthentication', detail: 'authentication.data is required' });
      }
    }
    return problems.length ? webhookErrors(problems) : null;
  }

  function applyWebhook(target: AdminWebhook, w: Json) {
    for (const key of [
      'name',
      'description',
      'status',
      'endpoint',
      'http_method',
      'request_format',
      'subscriptions',
      'custom_headers',
    ] as const) {
      if (key in w) (target as unknown as Json)[key] = clone(w[key]);
    }
    if ('authentication' in w) {
      const a = w.authentication as WebhookAuthentication | null;
      if (a === null) {
        delete target.authentication;
        setAuth(state, target.id, undefined);
      } else {
        // Zendesk keeps the stored secret when an update omits `data`.
        const previous = state.authenticationOf(target.id);
        const data = a.data ?? (previous?.type === a.type ? previous.data : undefined);
        setAuth(state, target.id, { type: a.type, add_position: a.add_position, data });
        target.authentication = { type: a.type, add_position: a.add_position };
      }
    }
    target.updated_at = now();
  }

  /** `PUT` (`partial` false) or `PATCH` (`partial` true) of `/webhooks/:id`. */
  function updateWebhook(
    partial: boolean,
  ): HttpResponseResolver<PathParams, DefaultBodyType, undefined> {
    return async ({ request, params }) => {
      const body = await readJson(request);
      record(request, redact(body));
      const existing = state.webhooks.get(String(params.id));
      if (!existing) return notFound();
      const w = body?.webhook as Json | undefined;
      if (!w || typeof w !== 'object') return badJson();
      const invalid = validateWebhook(w, partial);
      if (invalid) return invalid;
      applyWebhook(existing, w);
      return new HttpResponse(null, { status: 204 });
    };
  }

  const webhooks = [
    http.get(api('/webhooks'), ({ request }) => {
      const url = new URL(request.url);
      const filter = url.searchParams.get('filter[name_contains]')?.toLowerCase();
      const list = [...state.webhooks.values()].filter(
        (w) => !filter || w.name.toLowerCase().includes(filter),
      );
      return cursorPage(request, list, 'webhooks', base);
    }),
    http.post(api('/webhooks'), async ({ request }) => {
      const body = await readJson(request);
      record(request, redact(body));
      const w = body?.webhook as Json | undefined;
      if (!w || typeof w !== 'object') return badJson();
      const invalid = validateWebhook(w, false);
      if (invalid) return invalid;
      const id = `01WEBHOOK${String(nextWebhook++).padStart(17, '0')}`;
      const created: AdminWebhook = {
        id,
        name: '',
        status: 'active',
        endpoint: '',
        http_method: 'POST',
        request_format: 'json',
        subscriptions: [],
        created_at: now(),
        updated_at: now(),
        created_by: '1',
        updated_by: '1',
      };
      applyWebhook(created, w);
      state.webhooks.set(id, created);
      return HttpResponse.json({ webhook: created }, { status: 201 });
    }),
    http.get(api('/webhooks/:id'), ({ params }) => {
      const w = state.webhooks.get(String(params.id));
      return w ? HttpResponse.json({ webhook: w }) : notFound();
    }),
    http.put(api('/webhooks/:id'), updateWebhook(false)),
    http.patch(api('/webhooks/:id'), updateWebhook(true)),
    http.delete(api('/webhooks/:id'), ({ request, params }) => {
      record(request, null);
      const id = String(params.id);
      if (!state.webhooks.delete(id)) return notFound();
      state.invocations.delete(id);
      setAuth(state, id, undefined);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(api('/webhooks/:id/invocations'), ({ request, params }) => {
      const id = String(params.id);
      if (!state.webhooks.has(id)) return notFound();
      const newestFirst = [...(state.invocations.get(id) ?? [])].reverse();
      return cursorPage(request, newestFirst, 'invocations', base);
    }),
  ];

  // ---- triggers, automations, views ---------------------------------------------------------
  type Kind = 'trigger' | 'automation' | 'view';
  const maps: Record<Kind, () => Map<number, AdminRule>> = {
    trigger: () => state.triggers,
    automation: () => state.automations,
    view: () => state.views,
  };

  function conditionsOf(kind: Kind, input: Json): AdminRule['conditions'] | null {
    // Views take `all`/`any` at the top level; triggers and automations take `conditions`.
    const source = (kind === 'view' ? input : (input.conditions as Json | undefined)) ?? {};
    const all = source.all ?? [];
    const any = source.any ?? [];
    if (!Array.isArray(all) || !Array.isArray(any)) return null;
    return { all: all as AdminCondition[], any: any as AdminCondition[] };
  }

  function validateRule(kind: Kind, rule: Partial<AdminRule>): Response | null {
    if (typeof rule.title !== 'string' || rule.title.trim() === '')
      return recordInvalid({ title: 'Title: cannot be blank' });
    const conditions = rule.conditions ?? { all: [], any: [] };
    const every = [...conditions.all, ...conditions.any];
    if (every.length === 0) return recordInvalid({ base: 'Conditions: cannot be blank' });
    for (const c of every) {
      if (!c || typeof c.field !== 'string' || typeof c.operator !== 'string')
        return recordInvalid({ base: 'Conditions: each needs a field and an operator' });
    }
    if (kind !== 'view') {
      const actions = rule.actions ?? [];
      if (!Array.isArray(actions) || actions.length === 0)
        return recordInvalid({ base: 'Actions: cannot be blank' });
      for (const a of actions) {
        if (!a || typeof a.field !== 'string')
          return recordInvalid({ base: 'Actions: each needs a field' });
        if (a.field === 'notification_webhook') {
          const v = a.value;
          if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string')
            return recordInvalid({ base: 'Notify webhook: invalid value' });
          if (!state.webhooks.has(v[0]))
            return recordInvalid({ base: `Notify webhook: webhook ${v[0]} does not exist` });
          const hook = state.webhooks.get(v[0])!;
          if (!hook.subscriptions.includes('conditional_ticket_events'))
            return recordInvalid({
              base: 'Notify webhook: the webhook is not connected to triggers or automations',
            });
        }
      }
    }
    if (kind === 'automation') {
      const timed = conditions.all.some((c) =>
        /^(NEW|OPEN|PENDING|HOLD|SOLVED|CLOSED|assigned_at|updated_at|requester_updated_at|assignee_updated_at|due_date|until_due_date)$/.test(
          c.field,
        ),
      );
      if (!timed)
        return recordInvalid({
          base: 'Automations must contain at least one time-based condition in "all"',
        });
    }
    if (kind === 'view') {
      const anchored = conditions.all.some((c) =>
        ['status', 'type', 'group_id', 'assignee_id', 'requester_id'].includes(c.field),
      );
      if (!anchored)
        return recordInvalid({
          base: 'Views must test status, type, group, assignee or requester in "all"',
        });
    }
    return null;
  }

  function ruleHandlers(kind: Kind, plural: string): RequestHandler[] {
    const key = kind;
    const listKey = `${kind}s`;
    return [
      http.get(api(`/${plural}`), ({ request }) => {
        const list = [...maps[kind]().values()].sort((a, b) => a.position - b.position);
        return offsetPage(request, list, listKey, pageSize, base);
      }),
      http.get(api(`/${plural}/active`), ({ request }) => {
        const list = [...maps[kind]().values()].filter((r) => r.active);
        return offsetPage(request, list, listKey, pageSize, base);
      }),
      http.get(api(`/${plural}/:id`), ({ params }) => {
        const r = maps[kind]().get(Number(params.id));
        return r ? HttpResponse.json({ [key]: r }) : notFound();
      }),
      http.post(api(`/${plural}`), async ({ request }) => {
        const body = await readJson(request);
        record(request, body);
        const input = body?.[key] as Json | undefined;
        if (!input || typeof input !== 'object') return badJson();
        const conditions = conditionsOf(kind, input);
        if (!conditions) return recordInvalid({ base: 'Conditions: must be arrays' });
        const id = newRuleId();
        const rule: AdminRule = {
          id,
          title: String(input.title ?? ''),
          raw_title: String(input.title ?? ''),
          // Zendesk automations have no description.
          description:
            kind !== 'automation' && typeof input.description === 'string'
              ? input.description
              : null,
          active: input.active !== false,
          position: typeof input.position === 'number' ? input.position : maps[kind]().size + 1,
          conditions,
          url: api(`/${plural}/${id}.json`),
          created_at: now(),
          updated_at: now(),
        };
        if (kind !== 'view') rule.actions = (input.actions as AdminAction[]) ?? [];
        if (kind === 'view' && input.output) rule.output = input.output as Json;
        if (kind === 'trigger') rule.category_id = String(input.category_id ?? TRIGGER_CATEGORY);
        const invalid = validateRule(kind, rule);
        if (invalid) return invalid;
        maps[kind]().set(id, rule);
        return HttpResponse.json({ [key]: rule }, { status: 201 });
      }),
      http.put(api(`/${plural}/:id`), async ({ request, params }) => {
        const body = await readJson(request);
        record(request, body);
        const existing = maps[kind]().get(Number(params.id));
        if (!existing) return notFound();
        const input = body?.[key] as Json | undefined;
        if (!input || typeof input !== 'object') return badJson();
        const next: AdminRule = clone(existing);
        if ('title' in input) {
          next.title = String(input.title);
          next.raw_title = next.title;
        }
        if ('description' in input && kind !== 'automation')
          next.description = typeof input.description === 'string' ? input.description : null;
        if ('active' in input) next.active = input.active !== false;
        if ('position' in input && typeof input.position === 'number')
          next.position = input.position;
        const touchesConditions =
          kind === 'view' ? 'all' in input || 'any' in input : 'conditions' in input;
        if (touchesConditions) {
          const conditions = conditionsOf(kind, input);
          if (!conditions) return recordInvalid({ base: 'Conditions: must be arrays' });
          next.conditions = conditions;
        }
        if (kind !== 'view' && 'actions' in input) next.actions = input.actions as AdminAction[];
        if (kind === 'view' && 'output' in input) next.output = input.output as Json;
        const invalid = validateRule(kind, next);
        if (invalid) return invalid;
        next.updated_at = now();
        maps[kind]().set(next.id, next);
        return HttpResponse.json({ [key]: next });
      }),
      http.delete(api(`/${plural}/:id`), ({ request, params }) => {
        record(request, null);
        return maps[kind]().delete(Number(params.id))
          ? new HttpResponse(null, { status: 204 })
          : notFound();
      }),
    ];
  }

  // ---- user fields, ticket fields, brands ---------------------------------------------------
  const userFieldHandlers = [
    http.get(api('/user_fields'), ({ request }) =>
      offsetPage(request, [...state.userFields.values()], 'user_fields', pageSize, base),
    ),
    http.post(api('/user_fields'), async ({ request }) => {
      const body = await readJson(request);
      record(request, body);
      const input = body?.user_field as Json | undefined;
      if (!input || typeof input !== 'object') return badJson();
      const key = String(input.key ?? '');
      const title = String(input.title ?? '');
      if (!/^[a-z0-9_]+$/i.test(key)) return recordInvalid({ key: 'Field key: is invalid' });
      if (title.trim() === '') return recordInvalid({ title: 'Title: cannot be blank' });
      if (
        ![
          'text',
          'textarea',
          'checkbox',
          'date',
          'integer',
          'decimal',
          'regexp',
          'dropdown',
        ].includes(String(input.type))
      )
        return recordInvalid({ type: 'Type: is invalid' });
      if ([...state.userFields.values()].some((f) => f.key === key))
        return recordInvalid({ key: 'Field key: has already been taken' });
      const id = newRuleId();
      const field: AdminField = {
        id,
        url: api(`/user_fields/${id}.json`),
        type: String(input.type),
        key,
        title,
        raw_title: title,
        description: String(input.description ?? ''),
        active: input.active !== false,
        removable: true,
        position: state.userFields.size,
        created_at: now(),
        updated_at: now(),
      };
      state.userFields.set(id, field);
      return HttpResponse.json({ user_field: field }, { status: 201 });
    }),
    http.delete(api('/user_fields/:id'), ({ request, params }) => {
      record(request, null);
      return state.userFields.delete(Number(params.id))
        ? new HttpResponse(null, { status: 204 })
        : notFound();
    }),
  ];
  const fields = [
    ...(options.serveUserFields ? userFieldHandlers : []),
    http.get(api('/ticket_fields'), ({ request }) =>
      offsetPage(request, [...state.ticketFields.values()], 'ticket_fields', pageSize, base),
    ),
  ];

  const brands =
    options.serveBrands !== true
      ? []
      : [
          http.get(api('/brands'), ({ request }) =>
            offsetPage(request, state.brands, 'brands', pageSize, base),
          ),
        ];

  return [
    ...webhooks,
    ...ruleHandlers('trigger', 'triggers'),
    ...ruleHandlers('automation', 'automations'),
    ...ruleHandlers('view', 'views'),
    ...fields,
    ...brands,
  ];
}

// Secrets live outside the serialisable state so that dumping the state never shows a key.
const secrets = new WeakMap<ZendeskAdminState, Map<string, WebhookAuthentication>>();

function setAuth(state: ZendeskAdminState, id: string, auth: WebhookAuthentication | undefined) {
  let map = secrets.get(state);
  if (!map) {
    map = new Map();
    secrets.set(state, map);
  }
  if (auth) map.set(id, auth);
  else map.delete(id);
}

/** Recorded requests never keep the webhook secret. */
function redact(body: Json | null): Json | null {
  if (!body) return body;
  const copy = clone(body);
  const auth = (copy.webhook as Json | undefined)?.authentication as Json | undefined;
  if (auth && auth.data) auth.data = '[redacted]';
  return copy;
}
