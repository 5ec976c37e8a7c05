/**
 * What Klaviyo checks on `POST /api/flows` beyond the schema, and the stored flow it makes: actions
 * get real ids in place of their `temporary_id`s (links and `entry_action_id` follow), the flow
 * starts as a draft, and templates must parse.
 */
import { ApiErrors, invalidAt, type ApiError } from '../errors';
import type { KlaviyoStore } from '../store';
import { templateError } from './template';
import type { FlowAction, FlowDefinition, StoredFlow } from './types';

const TRIGGER_TYPES: Record<string, StoredFlow['triggerType']> = {
  metric: 'Metric',
  list: 'Added to List',
  segment: 'Added to List',
  'profile-property-date': 'Date Based',
  'custom-object-date': 'Date Based',
  'price-drop': 'Price Drop',
  'low-inventory': 'Low Inventory',
};

const P = '/data/attributes/definition';

function templateProblems(action: Record<string, unknown>, at: string): ApiError[] {
  const data = (action.data ?? {}) as Record<string, unknown>;
  const message = (data.message ?? {}) as Record<string, unknown>;
  const problems: ApiError[] = [];
  const check = (value: unknown, where: string) => {
    if (typeof value !== 'string') return;
    const error = templateError(value);
    if (error)
      problems.push(invalidAt(`${at}/data/message/${where}`, `Invalid template syntax: ${error}.`));
  };
  if (action.type === 'send-webhook') {
    const url = message.url;
    if (typeof url !== 'string' || !/^https:\/\/[^\s/]+/.test(url))
      problems.push(
        invalidAt(`${at}/data/message/url`, 'The webhook URL must be a valid https:// URL.'),
      );
    check(url, 'url');
    check(message.body, 'body');
    const headers = message.headers;
    if (headers && typeof headers === 'object')
      for (const [name, value] of Object.entries(headers)) {
        if (typeof value !== 'string')
          problems.push(
            invalidAt(`${at}/data/message/headers/${name}`, 'Header values must be strings.'),
          );
        else check(value, `headers/${name}`);
      }
  }
  if (action.type === 'send-sms') check(message.body, 'body');
  return problems;
}

/** Klaviyo's 400s for a schema-valid definition it still refuses. */
function problems(store: KlaviyoStore, def: Record<string, unknown>): ApiError[] {
  const out: ApiError[] = [];
  const triggers = def.triggers as Array<Record<string, unknown>>;
  const actions = def.actions as Array<Record<string, unknown>>;
  if (triggers.length !== 1)
    out.push(invalidAt(`${P}/triggers`, 'Exactly one trigger is supported.'));
  const trigger = triggers[0];
  if (trigger?.type === 'metric' && !store.metrics.some((m) => m.id === trigger.id))
    out.push(invalidAt(`${P}/triggers/0/id`, `Metric '${String(trigger.id)}' does not exist.`));
  const temp = new Set<string>();
  actions.forEach((a, i) => {
    if (a.id !== undefined && a.id !== null)
      out.push(
        invalidAt(`${P}/actions/${i}/id`, "'id' is not allowed on create; use 'temporary_id'."),
      );
    if (typeof a.temporary_id !== 'string' || a.temporary_id === '')
      out.push(invalidAt(`${P}/actions/${i}/temporary_id`, "New actions need a 'temporary_id'."));
    else if (temp.has(a.temporary_id))
      out.push(
        invalidAt(`${P}/actions/${i}/temporary_id`, `Duplicate temporary_id '${a.temporary_id}'.`),
      );
    else temp.add(a.temporary_id);
    out.push(...templateProblems(a, `${P}/actions/${i}`));
  });
  actions.forEach((a, i) => {
    const next = (a.links as { next?: unknown } | null | undefined)?.next;
    if (typeof next === 'string' && !temp.has(next))
      out.push(invalidAt(`${P}/actions/${i}/links/next`, `No action with temporary_id '${next}'.`));
  });
  const entry = def.entry_action_id;
  if (actions.length > 0 && (typeof entry !== 'string' || !temp.has(entry)))
    out.push(invalidAt(`${P}/entry_action_id`, `No action with temporary_id '${String(entry)}'.`));
  return out;
}

/** What the schema guarantees of a valid `FlowCreateQuery`. */
interface CreateBody {
  data: { attributes: { name: string; definition: Record<string, unknown> } };
}

/** A stored flow from a schema-valid `FlowCreateQuery`, or Klaviyo's 400 for what it refuses. */
export function flowFromCreate(store: KlaviyoStore, body: unknown): StoredFlow {
  const attributes = (body as CreateBody).data.attributes;
  const found = problems(store, attributes.definition);
  if (attributes.name.trim() === '')
    found.unshift(invalidAt('/data/attributes/name', "'name' must not be empty."));
  if (found.length > 0) throw new ApiErrors(found);
  const def = structuredClone(attributes.definition) as unknown as FlowDefinition & {
    actions: Array<FlowAction & { temporary_id?: string }>;
  };
  const ids = new Map(def.actions.map((a) => [a.temporary_id!, store.nextId('')]));
  def.actions = def.actions.map(({ temporary_id, ...a }) => {
    const next = a.links?.next;
    const data = (a.data ?? {}) as Record<string, unknown>;
    return {
      ...a,
      id: ids.get(temporary_id!)!,
      links: { next: typeof next === 'string' ? ids.get(next)! : null },
      data: { ...data, status: data.status ?? 'draft' },
    };
  });
  def.entry_action_id = def.entry_action_id ? ids.get(def.entry_action_id)! : null;
  const now = new Date().toISOString();
  const type = String(def.triggers[0]?.type ?? '');
  return {
    id: store.nextId('Fl'),
    name: attributes.name,
    status: 'draft',
    archived: false,
    created: now,
    updated: now,
    triggerType: TRIGGER_TYPES[type] ?? 'Unconfigured',
    definition: def,
  };
}
