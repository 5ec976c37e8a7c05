/**
 * Idempotent provisioning of the metric sync through the Zendesk API, as the signed-in admin:
 * finds the app's objects by their marker, creates what is missing, updates what drifted, removes
 * duplicates and what the admin switched off, and can remove everything it made.
 */
import type { Transport } from '../transport';
import { isZendeskError, type ZendeskError } from '../zendesk/errors';
import {
  createUserField,
  deleteUserField,
  listTicketFields,
  listUserFields,
} from '../zendesk/fields';
import { automations, triggers, views } from '../zendesk/rules';
import type {
  Action,
  Automation,
  Condition,
  Conditions,
  CustomField,
  Trigger,
  View,
  Webhook,
} from '../zendesk/types';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  patchWebhook,
  updateWebhook,
} from '../zendesk/webhooks';
import { checkPrivateKey, validHours, type KeyProblem, type MetricSyncConfig } from './config';
import type { PlaceholderEscaping } from './escaping';
import {
  automationInput,
  customFieldRefs,
  isOurs,
  triggerInput,
  USER_FIELD_INPUT,
  viewInput,
  webhookInput,
  type ObjectKind,
} from './objects';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'removed' | 'skipped';

export interface ProvisionStep {
  object: ObjectKind;
  outcome: Outcome;
  id: string | number | null;
}

export interface ProvisionReport {
  steps: ProvisionStep[];
}

export type ProvisionFailure =
  /** The webhook must be created or re-created and no key was typed. */
  | 'key-required'
  | 'key-invalid'
  | 'hours-invalid'
  /** Zendesk refused a call: `cause` holds its answer. */
  | 'zendesk';

export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
  constructor(
    readonly reason: ProvisionFailure,
    message: string,
    /** The object being written when it failed. */
    readonly object: ObjectKind | null,
    /** What was already done before the failure. */
    readonly steps: ProvisionStep[],
    override readonly cause: ZendeskError | null = null,
    readonly keyProblem: KeyProblem | null = null,
  ) {
    super(message);
  }
}

/** The app's objects as Zendesk holds them now. Extra copies (same marker) are in `duplicates`. */
export interface CurrentSetup {
  webhook: Webhook | null;
  userField: CustomField | null;
  opened: Trigger | null;
  resolved: Trigger | null;
  automation: Automation | null;
  view: View | null;
  duplicates: Array<{ object: ObjectKind; id: string | number }>;
}

function split<T extends { id: string | number }>(
  kind: ObjectKind,
  items: T[],
  ours: (item: T) => boolean,
  duplicates: CurrentSetup['duplicates'],
): T | null {
  const mine = items.filter(ours);
  for (const extra of mine.slice(1)) duplicates.push({ object: kind, id: extra.id });
  return mine[0] ?? null;
}

export async function readSetup(transport: Transport): Promise<CurrentSetup> {
  const [hooks, userFields, triggerList, automationList, viewList] = await Promise.all([
    listWebhooks(transport),
    listUserFields(transport),
    triggers.list(transport),
    automations.list(transport),
    views.list(transport),
  ]);
  const duplicates: CurrentSetup['duplicates'] = [];
  return {
    webhook: split('webhook', hooks, (w) => isOurs('webhook', w), duplicates),
    userField: userFields.find((f) => f.key === USER_FIELD_INPUT.key) ?? null,
    opened: split('opened-trigger', triggerList, (t) => isOurs('opened-trigger', t), duplicates),
    resolved: split(
      'resolved-trigger',
      triggerList,
      (t) => isOurs('resolved-trigger', t),
      duplicates,
    ),
    automation: split('automation', automationList, (a) => isOurs('automation', a), duplicates),
    view: split('view', viewList, (v) => isOurs('view', v), duplicates),
    duplicates,
  };
}

/** What the setup page shows for the objects Zendesk holds (defaults where there are none). */
export function configFromSetup(
  setup: CurrentSetup,
  smsTag: string,
  defaults: MetricSyncConfig,
): MetricSyncConfig {
  const brandIds = (setup.opened?.conditions.any ?? [])
    .filter((c) => c.field === 'brand_id')
    .map((c) => Number(c.value))
    .filter((n) => Number.isInteger(n));
  const hours = Number(
    setup.automation?.conditions.all.find((c) => c.field === 'SOLVED')?.value ?? NaN,
  );
  return {
    enabled: Boolean(setup.webhook && setup.opened?.active && setup.resolved?.active),
    brandIds,
    closeSolvedSms: {
      enabled: setup.automation !== null,
      hours: validHours(hours) ? hours : defaults.closeSolvedSms.hours,
    },
    smsView: setup.view !== null,
    smsTag,
  };
}

// ---- comparison ------------------------------------------------------------------------------

function normCondition(c: Condition): string {
  return JSON.stringify([
    c.field,
    c.operator,
    c.value === undefined || c.value === null ? null : String(c.value),
  ]);
}

function sameConditions(a: Conditions, b: Conditions): boolean {
  const norm = (list: Condition[] | undefined) => (list ?? []).map(normCondition).sort().join('|');
  return norm(a.all) === norm(b.all) && norm(a.any) === norm(b.any);
}

function normAction(a: Action): string {
  const value = Array.isArray(a.value)
    ? a.value.map(String)
    : a.value === null
      ? null
      : String(a.value);
  return JSON.stringify([a.field, value]);
}

function sameActions(a: Action[], b: Action[]): boolean {
  return a.map(normAction).join('|') === b.map(normAction).join('|');
}

function sameHeaders(
  a: Record<string, string> | null | undefined,
  b: Record<string, string> | undefined,
) {
  const norm = (h: Record<string, string> | null | undefined) =>
    JSON.stringify(Object.entries(h ?? {}).sort(([x], [y]) => x.localeCompare(y)));
  return norm(a) === norm(b);
}

// ---- provisioning ----------------------------------------------------------------------------

export interface ProvisionOptions {
  /** The Klaviyo private key for the webhook, typed by the admin now; never stored by the app. */
  apiKey?: string | null;
  escaping?: PlaceholderEscaping;
}

export async function provision(
  transport: Transport,
  config: MetricSyncConfig,
  options: ProvisionOptions = {},
): Promise<ProvisionReport> {
  const steps: ProvisionStep[] = [];
  const apiKey = options.apiKey?.trim() ? options.apiKey.trim() : null;
  if (apiKey) {
    const problem = checkPrivateKey(apiKey);
    if (problem) {
      throw new ProvisionError(
        'key-invalid',
        'That is not a Klaviyo private API key',
        'webhook',
        steps,
        null,
        problem,
      );
    }
  }
  if (config.closeSolvedSms.enabled && !validHours(config.closeSolvedSms.hours)) {
    throw new ProvisionError(
      'hours-invalid',
      'The number of hours is out of range',
      'automation',
      steps,
    );
  }

  let current: ObjectKind | null = null;
  const step = (object: ObjectKind, outcome: Outcome, id: string | number | null) =>
    steps.push({ object, outcome, id });

  try {
    const setup = await readSetup(transport);

    // Copies made outside the app (or by a race) go first, webhooks last: triggers may use them.
    for (const dup of setup.duplicates.filter((d) => d.object !== 'webhook')) {
      current = dup.object;
      if (dup.object === 'automation') await automations.remove(transport, Number(dup.id));
      else if (dup.object === 'view') await views.remove(transport, Number(dup.id));
      else await triggers.remove(transport, Number(dup.id));
      step(dup.object, 'removed', dup.id);
    }

    // 1. Webhook
    current = 'webhook';
    const desiredHook = webhookInput(apiKey);
    let webhook = setup.webhook;
    if (webhook && !webhook.subscriptions.includes('conditional_ticket_events')) {
      // A webhook's connection method cannot change: replace it (which needs the key).
      if (!apiKey) throw keyRequired(steps);
      await deleteWebhook(transport, webhook.id);
      step('webhook', 'removed', webhook.id);
      webhook = null;
    }
    if (!webhook) {
      if (config.enabled) {
        if (!apiKey) throw keyRequired(steps);
        webhook = await createWebhook(transport, desiredHook);
        step('webhook', 'created', webhook.id);
      } else {
        step('webhook', 'skipped', null);
      }
    } else if (apiKey) {
      await updateWebhook(transport, webhook.id, desiredHook);
      step('webhook', 'updated', webhook.id);
    } else {
      if (config.enabled && webhook.authentication?.type !== 'api_key') throw keyRequired(steps);
      const drifted =
        webhook.name !== desiredHook.name ||
        (webhook.description ?? '') !== desiredHook.description ||
        webhook.status !== desiredHook.status ||
        webhook.endpoint !== desiredHook.endpoint ||
        webhook.http_method !== desiredHook.http_method ||
        webhook.request_format !== desiredHook.request_format ||
        !sameHeaders(webhook.custom_headers, desiredHook.custom_headers);
      if (drifted) {
        const { authentication: _omit, subscriptions: _fixed, ...changes } = desiredHook;
        await patchWebhook(transport, webhook.id, changes);
        step('webhook', 'updated', webhook.id);
      } else {
        step('webhook', 'unchanged', webhook.id);
      }
    }

    // 2. The user field that links users to Klaviyo profiles.
    current = 'user-field';
    if (setup.userField) {
      step('user-field', 'unchanged', setup.userField.id);
    } else {
      const field = await createUserField(transport, USER_FIELD_INPUT);
      step('user-field', 'created', field.id);
    }

    // 3. Triggers
    const customFields = webhook ? customFieldRefs(await listTicketFields(transport)) : [];
    for (const kind of ['opened-trigger', 'resolved-trigger'] as const) {
      current = kind;
      const existing = kind === 'opened-trigger' ? setup.opened : setup.resolved;
      if (!webhook) {
        // Nothing to notify: a trigger without its webhook would only fail.
        if (existing) {
          await triggers.remove(transport, existing.id);
          step(kind, 'removed', existing.id);
        } else {
          step(kind, 'skipped', null);
        }
        continue;
      }
      const desired = triggerInput(kind, config, webhook.id, customFields, options.escaping);
      if (!existing) {
        if (config.enabled) {
          const created = await triggers.create(transport, desired);
          step(kind, 'created', created.id);
        } else {
          step(kind, 'skipped', null);
        }
      } else if (
        existing.title !== desired.title ||
        (existing.description ?? '') !== desired.description ||
        existing.active !== desired.active ||
        !sameConditions(existing.conditions, desired.conditions) ||
        !sameActions(existing.actions, desired.actions)
      ) {
        await triggers.update(transport, existing.id, desired);
        step(kind, 'updated', existing.id);
      } else {
        step(kind, 'unchanged', existing.id);
      }
    }

    // 4. Optional automation
    current = 'automation';
    if (config.closeSolvedSms.enabled) {
      const desired = automationInput(config);
      const existing = setup.automation;
      if (!existing) {
        const created = await automations.create(transport, desired);
        step('automation', 'created', created.id);
      } else if (
        existing.title !== desired.title ||
        existing.active !== desired.active ||
        !sameConditions(existing.conditions, desired.conditions) ||
        !sameActions(existing.actions, desired.actions)
      ) {
        await automations.update(transport, existing.id, desired);
        step('automation', 'updated', existing.id);
      } else {
        step('automation', 'unchanged', existing.id);
      }
    } else if (setup.automation) {
      await automations.remove(transport, setup.automation.id);
      step('automation', 'removed', setup.automation.id);
    } else {
      step('automation', 'skipped', null);
    }

    // 5. Optional view
    current = 'view';
    if (config.smsView) {
      const desired = viewInput(config);
      const existing = setup.view;
      if (!existing) {
        const created = await views.create(transport, desired);
        step('view', 'created', created.id);
      } else if (
        existing.title !== desired.title ||
        (existing.description ?? '') !== desired.description ||
        existing.active !== desired.active ||
        !sameConditions(existing.conditions, { all: desired.all, any: desired.any })
      ) {
        await views.update(transport, existing.id, desired);
        step('view', 'updated', existing.id);
      } else {
        step('view', 'unchanged', existing.id);
      }
    } else if (setup.view) {
      await views.remove(transport, setup.view.id);
      step('view', 'removed', setup.view.id);
    } else {
      step('view', 'skipped', null);
    }

    // 6. Extra webhooks, now that no trigger of ours points at them.
    current = 'webhook';
    for (const dup of setup.duplicates.filter((d) => d.object === 'webhook')) {
      await deleteWebhook(transport, String(dup.id));
      step('webhook', 'removed', dup.id);
    }
  } catch (error) {
    throw wrap(error, current, steps);
  }
  return { steps };
}

export interface RemoveOptions {
  /**
   * Also delete the `klaviyo_profile_id` user field, and with it every profile link agents saved.
   * Off by default: the field holds data, not configuration.
   */
  includeUserField?: boolean;
}

/**
 * Removes every object the app made (triggers and automation before the webhook they use). An
 * object already gone (404) counts as removed by someone else: the step says `skipped`.
 */
export async function removeAll(
  transport: Transport,
  options: RemoveOptions = {},
): Promise<ProvisionReport> {
  const steps: ProvisionStep[] = [];
  let current: ObjectKind | null = null;
  try {
    const setup = await readSetup(transport);
    const extra = (kind: ObjectKind) =>
      setup.duplicates.filter((d) => d.object === kind).map((d) => d.id);
    const plan: Array<
      [ObjectKind, Array<string | number>, (id: string | number) => Promise<void>]
    > = [
      [
        'opened-trigger',
        [setup.opened?.id, ...extra('opened-trigger')].filter(isId),
        (id) => triggers.remove(transport, Number(id)),
      ],
      [
        'resolved-trigger',
        [setup.resolved?.id, ...extra('resolved-trigger')].filter(isId),
        (id) => triggers.remove(transport, Number(id)),
      ],
      [
        'automation',
        [setup.automation?.id, ...extra('automation')].filter(isId),
        (id) => automations.remove(transport, Number(id)),
      ],
      [
        'view',
        [setup.view?.id, ...extra('view')].filter(isId),
        (id) => views.remove(transport, Number(id)),
      ],
      [
        'webhook',
        [setup.webhook?.id, ...extra('webhook')].filter(isId),
        (id) => deleteWebhook(transport, String(id)),
      ],
      [
        'user-field',
        options.includeUserField && setup.userField ? [setup.userField.id] : [],
        (id) => deleteUserField(transport, Number(id)),
      ],
    ];
    for (const [kind, ids, remove] of plan) {
      current = kind;
      if (ids.length === 0) steps.push({ object: kind, outcome: 'skipped', id: null });
      for (const id of ids) {
        try {
          await remove(id);
          steps.push({ object: kind, outcome: 'removed', id });
        } catch (error) {
          if (!isZendeskError(error) || error.kind !== 'not-found') throw error;
          steps.push({ object: kind, outcome: 'skipped', id });
        }
      }
    }
  } catch (error) {
    throw wrap(error, current, steps);
  }
  return { steps };
}

function isId(id: unknown): id is string | number {
  return id !== undefined && id !== null;
}

function keyRequired(steps: ProvisionStep[]): ProvisionError {
  return new ProvisionError(
    'key-required',
    'A Klaviyo private API key is needed to create the webhook',
    'webhook',
    steps,
  );
}

function wrap(error: unknown, object: ObjectKind | null, steps: ProvisionStep[]): unknown {
  if (error instanceof ProvisionError) return error;
  if (isZendeskError(error))
    return new ProvisionError('zendesk', error.message, object, steps, error);
  return error;
}
