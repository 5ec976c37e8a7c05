/**
 * What the reply path has now, read live: the Zendesk webhook and trigger found by their markers,
 * the reply metric and the managed flow in Klaviyo, and the app setting that stops the save
 * bridge. Every read runs at once; any failure rejects (the page says which service refused).
 */
import type { Transport } from '../../transport';
import { readInstallationSettings } from '../../zendesk/apps';
import { triggers } from '../../zendesk/rules';
import { listWebhooks } from '../../zendesk/webhooks';
import type { ReplyPathKlaviyoReads } from './klaviyo';
import type { ReplyPathState } from './plan';
import { isReplyObject, type ReplyPathConfig } from './trigger';

export async function readReplyPath(
  transport: Transport,
  klaviyo: ReplyPathKlaviyoReads,
  config: ReplyPathConfig,
  installationId: number,
): Promise<ReplyPathState> {
  const [webhooks, allTriggers, metricId, flow, settings] = await Promise.all([
    listWebhooks(transport),
    triggers.list(transport),
    klaviyo.metricId(config.metricName),
    klaviyo.findFlow(),
    readInstallationSettings(transport, installationId),
  ]);
  const setting = settings.reply_path_installed;
  const settingOn = setting === true || setting === 'true';
  return {
    webhook: webhooks.find((w) => isReplyObject('webhook', w)) ?? null,
    trigger: allTriggers.find((tr) => isReplyObject('trigger', tr)) ?? null,
    metricId,
    flow,
    settingOn,
  };
}

export type PartHealth = 'ok' | 'off' | 'missing';

export interface ReplyPathHealth {
  /** Every part is there and on: public replies on SMS tickets are texted. */
  installed: boolean;
  /** Some part is there: Repair finishes it, Remove clears it. */
  partly: boolean;
  webhook: PartHealth | 'no-key';
  trigger: PartHealth;
  flow: PartHealth;
  /** The flow listens to the metric the trigger sends (the `flow_metric_name` setting). */
  flowMetric: 'ok' | 'other' | 'unknown';
  setting: 'ok' | 'off';
}

export function replyPathHealth(state: ReplyPathState): ReplyPathHealth {
  const webhook = !state.webhook
    ? 'missing'
    : state.webhook.authentication?.type !== 'api_key'
      ? 'no-key'
      : state.webhook.status === 'active'
        ? 'ok'
        : 'off';
  const trigger = !state.trigger ? 'missing' : state.trigger.active ? 'ok' : 'off';
  const flow = !state.flow ? 'missing' : state.flow.status === 'live' ? 'ok' : 'off';
  const flowMetric =
    !state.flow || !state.flow.triggerMetricId || !state.metricId
      ? 'unknown'
      : state.flow.triggerMetricId === state.metricId
        ? 'ok'
        : 'other';
  const setting = state.settingOn ? 'ok' : 'off';
  const installed =
    webhook === 'ok' && trigger === 'ok' && flow === 'ok' && flowMetric === 'ok' && state.settingOn;
  const partly =
    !installed &&
    (state.webhook !== null || state.trigger !== null || state.flow !== null || state.settingOn);
  return { installed, partly, webhook, trigger, flow, flowMetric, setting };
}
