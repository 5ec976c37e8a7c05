/**
 * Installing, repairing and removing the reply path as a provisioning plan: the Zendesk webhook
 * and trigger, the Klaviyo flow (and, on a new account, the reply metric it triggers on), and the
 * app setting that tells the ticket-save bridge to stop sending. Pure: the setup page lists the
 * steps before Install; `applyPlan` runs them in order and a second Install resumes.
 */
import { deleteStep, plannedIds, push, reconcile, type Step } from '../../provision';
import type { Transport } from '../../transport';
import { updateInstallationSettings } from '../../zendesk/apps';
import { triggers } from '../../zendesk/rules';
import type { Trigger, TriggerInput, Webhook } from '../../zendesk/types';
import { createWebhook, deleteWebhook, patchWebhook, updateWebhook } from '../../zendesk/webhooks';
import { replyFlowBody, type FlowSeen, type ReplyFlowBody } from './flow';
import { replyTriggerInput, replyWebhookInput, type ReplyPathConfig } from './trigger';

/** The Klaviyo calls the plan needs (the Klaviyo client's flows resource provides them). */
export interface ReplyPathKlaviyo {
  createFlow(body: ReplyFlowBody): Promise<{ id: string }>;
  updateFlowStatus(id: string, status: 'live' | 'draft' | 'manual'): Promise<void>;
  deleteFlow(id: string): Promise<void>;
  /** Records one event of the metric so Klaviyo creates it; answers the metric's id. */
  createMetric(name: string): Promise<string>;
}

export interface ReplyPathEnv {
  transport: Transport;
  klaviyo: ReplyPathKlaviyo;
  /** The app installation whose `reply_path_installed` setting the bridge reads. */
  installationId: number;
}

/** What exists now, read by the caller (Zendesk objects by marker, Klaviyo flows by name). */
export interface ReplyPathState {
  webhook: Webhook | null;
  trigger: Trigger | null;
  flow: FlowSeen | null;
  /** The reply metric's id, or null when Klaviyo has never recorded it. */
  metricId: string | null;
  settingOn: boolean;
}

export type ReplyStep = Step<ReplyPathEnv>;

export const REPLY_OBJECTS = {
  webhook: 'setup.reply_path.objects.webhook',
  trigger: 'setup.reply_path.objects.trigger',
  metric: 'setup.reply_path.objects.metric',
  flow: 'setup.reply_path.objects.flow',
  setting: 'setup.reply_path.objects.setting',
} as const;

const simple = (
  key: string,
  object: string,
  action: ReplyStep['action'],
  targetId: string | number | null,
  run?: ReplyStep['run'],
): ReplyStep => ({
  key,
  object,
  action,
  targetId,
  summary: { key: `setup.plan.${action}`, object },
  ...(run ? { run } : {}),
});

function webhookStep(state: ReplyPathState, apiKey: string | null): ReplyStep | 'key-required' {
  const current = state.webhook;
  if (!current) {
    if (!apiKey) return 'key-required';
    return simple('webhook', REPLY_OBJECTS.webhook, 'create', null, async ({ transport }) => {
      return (await createWebhook(transport, replyWebhookInput(apiKey))).id;
    });
  }
  const id = current.id;
  if (apiKey) {
    return {
      ...simple('webhook', REPLY_OBJECTS.webhook, 'update', id, async ({ transport }) => {
        await updateWebhook(transport, id, replyWebhookInput(apiKey));
        return id;
      }),
      summary: { key: 'setup.plan.update_key', object: REPLY_OBJECTS.webhook },
    };
  }
  if (current.authentication?.type !== 'api_key') return 'key-required';
  const desired = replyWebhookInput(null);
  if (current.endpoint === desired.endpoint && current.status === 'active') {
    return simple('webhook', REPLY_OBJECTS.webhook, 'keep', id);
  }
  const { subscriptions: _fixed, ...changes } = desired;
  return simple('webhook', REPLY_OBJECTS.webhook, 'update', id, async ({ transport }) => {
    await patchWebhook(transport, id, changes);
    return id;
  });
}

function sameTrigger(existing: Trigger, desired: TriggerInput): boolean {
  return (
    existing.active === desired.active &&
    JSON.stringify(existing.conditions) === JSON.stringify(desired.conditions) &&
    JSON.stringify(existing.actions.map((a) => [a.field, a.value])) ===
      JSON.stringify(desired.actions.map((a) => [a.field, a.value]))
  );
}

function klaviyoSteps(state: ReplyPathState, config: ReplyPathConfig, steps: ReplyStep[]): void {
  if (!state.metricId) {
    steps.push(
      simple('metric', REPLY_OBJECTS.metric, 'create', null, ({ klaviyo }) =>
        klaviyo.createMetric(config.metricName),
      ),
    );
  } else {
    steps.push(simple('metric', REPLY_OBJECTS.metric, 'keep', state.metricId));
  }
  const flow = state.flow;
  const metricChanged = flow && state.metricId && flow.triggerMetricId !== state.metricId;
  if (flow && metricChanged) {
    steps.push(
      deleteStep('flow#old', REPLY_OBJECTS.flow, flow.id, ({ klaviyo }, id) =>
        klaviyo.deleteFlow(String(id)),
      ),
    );
  }
  if (!flow || metricChanged) {
    steps.push(
      simple('flow', REPLY_OBJECTS.flow, 'create', null, async ({ klaviyo }, earlier) => {
        const created = await klaviyo.createFlow(replyFlowBody(String(earlier.id('metric'))));
        return created.id;
      }),
    );
  } else if (flow.status !== 'live') {
    steps.push(
      simple('flow', REPLY_OBJECTS.flow, 'update', flow.id, async ({ klaviyo }) => {
        await klaviyo.updateFlowStatus(flow.id, 'live');
        return flow.id;
      }),
    );
  } else {
    steps.push(simple('flow', REPLY_OBJECTS.flow, 'keep', flow.id));
  }
}

export type ReplyPlan = { ok: true; steps: ReplyStep[] } | { ok: false; problem: 'key-required' };

/** Install or repair: webhook, trigger, metric, flow, then the setting (last: all is in place). */
export function planReplyPath(
  state: ReplyPathState,
  config: ReplyPathConfig,
  apiKey: string | null,
): ReplyPlan {
  const steps: ReplyStep[] = [];
  const hook = webhookStep(state, apiKey?.trim() ? apiKey.trim() : null);
  if (hook === 'key-required') return { ok: false, problem: 'key-required' };
  steps.push(hook);
  push(
    steps,
    reconcile<ReplyPathEnv, Trigger, TriggerInput>(
      {
        key: 'trigger',
        object: REPLY_OBJECTS.trigger,
        existing: state.trigger,
        desired: (ids) => replyTriggerInput(config, String(ids('webhook'))),
        same: sameTrigger,
        create: async ({ transport }, input) => (await triggers.create(transport, input)).id,
        update: async ({ transport }, current, input) =>
          void (await triggers.update(transport, current.id, input)),
        remove: ({ transport }, id) => triggers.remove(transport, Number(id)),
      },
      plannedIds(steps),
    ),
  );
  klaviyoSteps(state, config, steps);
  steps.push(
    state.settingOn
      ? simple('setting', REPLY_OBJECTS.setting, 'keep', 'reply_path_installed')
      : simple('setting', REPLY_OBJECTS.setting, 'update', 'reply_path_installed', async (env) => {
          await updateInstallationSettings(env.transport, env.installationId, {
            reply_path_installed: true,
          });
          return 'reply_path_installed';
        }),
  );
  return { ok: true, steps };
}

/** Remove: the setting first (the bridge stops relying on the path), then trigger, webhook, flow. */
export function planReplyPathRemoval(state: ReplyPathState): ReplyStep[] {
  const steps: ReplyStep[] = [];
  if (state.settingOn) {
    steps.push(
      simple('setting', REPLY_OBJECTS.setting, 'update', 'reply_path_installed', async (env) => {
        await updateInstallationSettings(env.transport, env.installationId, {
          reply_path_installed: false,
        });
        return 'reply_path_installed';
      }),
    );
  }
  if (state.trigger) {
    steps.push(
      deleteStep('trigger', REPLY_OBJECTS.trigger, state.trigger.id, ({ transport }, id) =>
        triggers.remove(transport, Number(id)),
      ),
    );
  }
  if (state.webhook) {
    steps.push(
      deleteStep('webhook', REPLY_OBJECTS.webhook, state.webhook.id, ({ transport }, id) =>
        deleteWebhook(transport, String(id)),
      ),
    );
  }
  if (state.flow) {
    steps.push(
      deleteStep('flow', REPLY_OBJECTS.flow, state.flow.id, ({ klaviyo }, id) =>
        klaviyo.deleteFlow(String(id)),
      ),
    );
  }
  return steps;
}
