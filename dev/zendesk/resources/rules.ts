/**
 * Business rules: triggers, automations and views (list, `active`, show, create, update, delete;
 * writes to triggers and automations for admins only). Trigger conditions and actions are checked
 * against Zendesk's vocabulary (triggers/vocabulary.ts): a field, operator or value Zendesk does not
 * have is refused with 422 `RecordInvalid`, as Zendesk refuses it. Automations need a time-based
 * condition and views a status, type, group, assignee or requester condition in `all`.
 */
import { notFound, recordInvalid } from '../errors';
import { idParam, wrapped, type Json, type Router } from '../http';
import { offsetPage } from '../paging';
import type { ZendeskState } from '../state';
import { actionProblem, conditionProblem } from '../triggers/vocabulary';
import type { ZdAction, ZdCondition, ZdRule } from '../types';

type Kind = 'trigger' | 'automation' | 'view';
const TRIGGER_CATEGORY = '10001';
const TIME_BASED =
  /^(NEW|OPEN|PENDING|HOLD|SOLVED|CLOSED|assigned_at|updated_at|requester_updated_at|assignee_updated_at|due_date|until_due_date)$/;

function mapOf(state: ZendeskState, kind: Kind): Map<number, ZdRule> {
  return kind === 'trigger'
    ? state.triggers
    : kind === 'automation'
      ? state.automations
      : state.views;
}

function conditionsOf(kind: Kind, input: Json): ZdRule['conditions'] {
  // Views take `all`/`any` at the top level; triggers and automations take `conditions`.
  const source = ((kind === 'view' ? input : input.conditions) ?? {}) as Json;
  const all = source.all ?? [];
  const any = source.any ?? [];
  if (!Array.isArray(all) || !Array.isArray(any)) {
    throw recordInvalid({ base: 'Conditions: must be arrays' });
  }
  return { all: all as ZdCondition[], any: any as ZdCondition[] };
}

function checkWebhookAction(state: ZendeskState, a: ZdAction): string | null {
  const v = a.value;
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string') {
    return 'Notify webhook: invalid value';
  }
  const hook = state.webhooks.get(v[0]);
  if (!hook) return `Notify webhook: webhook ${v[0]} does not exist`;
  if (!hook.subscriptions.includes('conditional_ticket_events')) {
    return 'Notify webhook: the webhook is not connected to triggers or automations';
  }
  return null;
}

function validate(state: ZendeskState, kind: Kind, rule: ZdRule): void {
  const problem = (base: string) => recordInvalid({ base });
  if (typeof rule.title !== 'string' || rule.title.trim() === '') {
    throw recordInvalid({ title: 'Title: cannot be blank' });
  }
  const every = [...rule.conditions.all, ...rule.conditions.any];
  if (every.length === 0) throw problem('Conditions: cannot be blank');
  for (const c of every) {
    if (!c || typeof c.field !== 'string' || typeof c.operator !== 'string') {
      throw problem('Conditions: each needs a field and an operator');
    }
    const wrong = kind === 'trigger' ? conditionProblem(c) : null;
    if (wrong) throw problem(wrong);
  }
  if (kind !== 'view') {
    const actions = rule.actions ?? [];
    if (!Array.isArray(actions) || actions.length === 0) throw problem('Actions: cannot be blank');
    for (const a of actions) {
      if (!a || typeof a.field !== 'string') throw problem('Actions: each needs a field');
      const wrong =
        (kind === 'trigger' ? actionProblem(a) : null) ??
        (a.field === 'notification_webhook' ? checkWebhookAction(state, a) : null);
      if (wrong) throw problem(wrong);
    }
  }
  if (kind === 'automation' && !rule.conditions.all.some((c) => TIME_BASED.test(c.field))) {
    throw problem('Automations must contain at least one time-based condition in "all"');
  }
  const anchors = ['status', 'type', 'group_id', 'assignee_id', 'requester_id'];
  if (kind === 'view' && !rule.conditions.all.some((c) => anchors.includes(c.field))) {
    throw problem('Views must test status, type, group, assignee or requester in "all"');
  }
}

function newRuleId(state: ZendeskState): number {
  const used = new Set([
    ...state.triggers.keys(),
    ...state.automations.keys(),
    ...state.views.keys(),
  ]);
  let id = 900000001;
  while (used.has(id)) id += 1;
  return id;
}

/** The rule a create or update asks for, from the request's object. */
function merge(state: ZendeskState, kind: Kind, base: ZdRule, input: Json): ZdRule {
  const next: ZdRule = structuredClone(base);
  if ('title' in input) next.title = next.raw_title = String(input.title);
  // Zendesk automations have no description.
  if ('description' in input && kind !== 'automation') {
    next.description = typeof input.description === 'string' ? input.description : null;
  }
  if ('active' in input) next.active = input.active !== false;
  if (typeof input.position === 'number') next.position = input.position;
  if (kind === 'view' ? 'all' in input || 'any' in input : 'conditions' in input) {
    next.conditions = conditionsOf(kind, input);
  }
  if (kind !== 'view' && 'actions' in input) next.actions = input.actions as ZdAction[];
  if (kind === 'view' && 'output' in input) next.output = input.output as Json;
  if (kind === 'trigger' && 'category_id' in input) next.category_id = String(input.category_id);
  next.updated_at = state
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  return next;
}

function ruleRoutes(r: Router, kind: Kind, plural: string): void {
  const { state } = r;
  const rules = () => mapOf(state, kind);
  const guard = () => {
    if (kind !== 'view') state.requireAdmin();
  };
  const body = async (json: () => Promise<Json>) => wrapped(await json(), kind);
  r.add('get', `/${plural}`, ({ url }) => ({
    body: offsetPage(
      url,
      [...rules().values()].sort((a, b) => a.position - b.position),
      `${kind}s`,
      state.pageSize,
    ),
  }));
  r.add('get', `/${plural}/active`, ({ url }) => ({
    body: offsetPage(
      url,
      [...rules().values()].filter((x) => x.active),
      `${kind}s`,
      state.pageSize,
    ),
  }));
  r.add('get', `/${plural}/:id`, ({ params }) => {
    const rule = rules().get(idParam(params.id));
    if (!rule) throw notFound();
    return { body: { [kind]: rule } };
  });
  r.add('post', `/${plural}`, async ({ json }) => {
    guard();
    const input = await body(json);
    const id = newRuleId(state);
    const at = state
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const empty: ZdRule = {
      id,
      title: '',
      raw_title: '',
      description: null,
      active: true,
      position: rules().size + 1,
      conditions: { all: [], any: [] },
      ...(kind !== 'view' ? { actions: [] } : {}),
      ...(kind === 'trigger' ? { category_id: TRIGGER_CATEGORY } : {}),
      url: state.records.api(`${plural}/${id}`),
      created_at: at,
      updated_at: at,
    };
    const rule = merge(state, kind, empty, input);
    validate(state, kind, rule);
    rules().set(id, rule);
    return { status: 201, body: { [kind]: rule } };
  });
  r.add('put', `/${plural}/:id`, async ({ params, json }) => {
    guard();
    const existing = rules().get(idParam(params.id));
    if (!existing) throw notFound();
    const rule = merge(state, kind, existing, await body(json));
    validate(state, kind, rule);
    rules().set(rule.id, rule);
    return { body: { [kind]: rule } };
  });
  r.add('delete', `/${plural}/:id`, ({ params }) => {
    guard();
    if (!rules().delete(idParam(params.id))) throw notFound();
    return { status: 204 };
  });
}

export function businessRuleRoutes(r: Router): void {
  ruleRoutes(r, 'trigger', 'triggers');
  ruleRoutes(r, 'automation', 'automations');
  ruleRoutes(r, 'view', 'views');
}
