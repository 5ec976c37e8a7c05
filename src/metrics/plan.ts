/**
 * Pure: the steps that make Zendesk hold the metric sync the setup page describes, and the steps
 * that remove it. The page lists them before Save; `provision` applies them.
 */
import { deleteStep, plannedIds, push, reconcile, type Step } from '../provision';
import type { Transport } from '../transport';
import { createUserField, deleteUserField } from '../zendesk/fields';
import { automations, triggers, views } from '../zendesk/rules';
import type { Automation, CustomField, Trigger, View } from '../zendesk/types';
import { deleteWebhook } from '../zendesk/webhooks';
import { sameAutomation, sameTrigger, sameView } from './compare';
import { checkPrivateKey, validHours, type KeyProblem, type MetricSyncConfig } from './config';
import type { PlaceholderEscaping } from './escaping';
import {
  automationInput,
  customFieldRefs,
  OBJECT_LABELS,
  triggerInput,
  USER_FIELD_INPUT,
  viewInput,
  type ObjectKind,
} from './objects';
import type { CurrentSetup } from './setup';
import { planWebhook } from './webhook-plan';

/** What stops a plan before anything is written. */
export type PlanProblem = 'key-required' | 'key-invalid' | 'hours-invalid';

export interface ProvisionOptions {
  /** The Klaviyo private key for the webhook, typed by the admin now; never stored by the app. */
  apiKey?: string | null;
  escaping?: PlaceholderEscaping;
}

export type MetricStep = Step<Transport>;

/** The plan, or the input problem that stops it before anything is written. */
export type MetricPlan =
  | { ok: true; steps: MetricStep[] }
  | { ok: false; problem: PlanProblem; keyProblem: KeyProblem | null };

function triggerSteps(
  setup: CurrentSetup,
  config: MetricSyncConfig,
  options: ProvisionOptions,
  steps: MetricStep[],
  hasWebhook: boolean,
): void {
  const fields = customFieldRefs(setup.ticketFields);
  for (const kind of ['opened-trigger', 'resolved-trigger'] as const) {
    const existing = kind === 'opened-trigger' ? setup.opened : setup.resolved;
    // A trigger without its webhook would only fail; one never made stays unmade while off.
    const wanted = hasWebhook && (existing !== null || config.enabled);
    push(
      steps,
      reconcile<Transport, Trigger, ReturnType<typeof triggerInput>>(
        {
          key: kind,
          object: OBJECT_LABELS[kind],
          existing,
          desired: wanted
            ? (ids) => triggerInput(kind, config, String(ids('webhook')), fields, options.escaping)
            : null,
          same: sameTrigger,
          create: async (t, input) => (await triggers.create(t, input)).id,
          update: async (t, current, input) => void (await triggers.update(t, current.id, input)),
          remove: (t, id) => triggers.remove(t, Number(id)),
        },
        plannedIds(steps),
      ),
    );
  }
}

function optionalSteps(setup: CurrentSetup, config: MetricSyncConfig, steps: MetricStep[]): void {
  push(
    steps,
    reconcile<Transport, Automation, ReturnType<typeof automationInput>>(
      {
        key: 'automation',
        object: OBJECT_LABELS.automation,
        existing: setup.automation,
        desired: config.closeSolvedSms.enabled ? () => automationInput(config) : null,
        same: sameAutomation,
        create: async (t, input) => (await automations.create(t, input)).id,
        update: async (t, current, input) => void (await automations.update(t, current.id, input)),
        remove: (t, id) => automations.remove(t, Number(id)),
      },
      plannedIds(steps),
    ),
  );
  push(
    steps,
    reconcile<Transport, View, ReturnType<typeof viewInput>>(
      {
        key: 'view',
        object: OBJECT_LABELS.view,
        existing: setup.view,
        desired: config.smsView ? () => viewInput(config) : null,
        same: sameView,
        create: async (t, input) => (await views.create(t, input)).id,
        update: async (t, current, input) => void (await views.update(t, current.id, input)),
        remove: (t, id) => views.remove(t, Number(id)),
      },
      plannedIds(steps),
    ),
  );
}

/**
 * Pure: the steps that make Zendesk hold the metric sync `config` describes. Copies of triggers,
 * the automation and the view go first; extra webhooks last, once no trigger of ours uses them.
 */
export function planMetricSync(
  setup: CurrentSetup,
  config: MetricSyncConfig,
  options: ProvisionOptions = {},
): MetricPlan {
  const apiKey = options.apiKey?.trim() ? options.apiKey.trim() : null;
  if (apiKey) {
    const keyProblem = checkPrivateKey(apiKey);
    if (keyProblem) return { ok: false, problem: 'key-invalid', keyProblem };
  }
  if (config.closeSolvedSms.enabled && !validHours(config.closeSolvedSms.hours)) {
    return { ok: false, problem: 'hours-invalid', keyProblem: null };
  }
  const hook = planWebhook(setup.webhook, config.enabled, apiKey);
  if (!hook.ok) return { ok: false, problem: 'key-required', keyProblem: null };

  const steps: MetricStep[] = [];
  for (const kind of ['opened-trigger', 'resolved-trigger', 'automation', 'view'] as const) {
    steps.push(...copySteps(kind, setup.copies[kind]));
  }
  steps.push(...hook.steps);
  push(
    steps,
    reconcile<Transport, CustomField, typeof USER_FIELD_INPUT>(
      {
        key: 'user-field',
        object: OBJECT_LABELS['user-field'],
        existing: setup.userField,
        desired: () => USER_FIELD_INPUT,
        same: () => true,
        create: async (t, input) => (await createUserField(t, input)).id,
        remove: (t, id) => deleteUserField(t, Number(id)),
      },
      plannedIds(steps),
    ),
  );
  const hasWebhook = hook.steps.some((s) => s.key === 'webhook' && s.action !== 'delete');
  triggerSteps(setup, config, options, steps, hasWebhook);
  optionalSteps(setup, config, steps);
  steps.push(...copySteps('webhook', setup.copies.webhook));
  return { ok: true, steps };
}

type Removable = Exclude<ObjectKind, 'user-field'>;

const REMOVE: Record<Removable, (t: Transport, id: string | number) => Promise<void>> = {
  webhook: (t, id) => deleteWebhook(t, String(id)),
  'opened-trigger': (t, id) => triggers.remove(t, Number(id)),
  'resolved-trigger': (t, id) => triggers.remove(t, Number(id)),
  automation: (t, id) => automations.remove(t, Number(id)),
  view: (t, id) => views.remove(t, Number(id)),
};

function copySteps(kind: Removable, ids: Array<string | number>): MetricStep[] {
  return ids.map((id, i) =>
    deleteStep(
      `${kind}#copy${i + 1}`,
      OBJECT_LABELS[kind],
      id,
      REMOVE[kind],
      'setup.plan.delete_copy',
    ),
  );
}

export interface RemoveOptions {
  /**
   * Also delete the profile-id user field, and with it every profile link agents saved. Off by
   * default: the field holds data, not configuration.
   */
  includeUserField?: boolean;
}

/** Pure: delete every object the app made, triggers and automation before the webhook they use. */
export function planRemoval(setup: CurrentSetup, options: RemoveOptions = {}): MetricStep[] {
  const steps: MetricStep[] = [];
  const primary = {
    'opened-trigger': setup.opened,
    'resolved-trigger': setup.resolved,
    automation: setup.automation,
    view: setup.view,
  };
  for (const kind of ['opened-trigger', 'resolved-trigger', 'automation', 'view'] as const) {
    const current = primary[kind];
    if (current) steps.push(deleteStep(kind, OBJECT_LABELS[kind], current.id, REMOVE[kind]));
    steps.push(...copySteps(kind, setup.copies[kind]));
  }
  if (setup.webhook) {
    steps.push(deleteStep('webhook', OBJECT_LABELS.webhook, setup.webhook.id, REMOVE.webhook));
  }
  steps.push(...copySteps('webhook', setup.copies.webhook));
  if (options.includeUserField && setup.userField) {
    steps.push(
      deleteStep('user-field', OBJECT_LABELS['user-field'], setup.userField.id, (t, id) =>
        deleteUserField(t, Number(id)),
      ),
    );
  }
  return steps;
}
