/**
 * The metric webhook's steps. Unlike the other objects its secret never comes back from Zendesk,
 * so the typed key decides: with one, the webhook is written whole (PUT, key included); without
 * one, only drifted settings are patched and the stored key stays. A webhook whose connection
 * method is wrong cannot be changed, only replaced, which needs the key.
 */
import type { Step } from '../provision';
import type { Transport } from '../transport';
import type { Webhook } from '../zendesk/types';
import { createWebhook, deleteWebhook, patchWebhook, updateWebhook } from '../zendesk/webhooks';
import { sameWebhook } from './compare';
import { OBJECT_LABELS, webhookInput } from './objects';

export type WebhookPlan = { ok: true; steps: Step<Transport>[] } | { ok: false };

const OBJECT = OBJECT_LABELS.webhook;

function createStep(apiKey: string): Step<Transport> {
  return {
    key: 'webhook',
    object: OBJECT,
    action: 'create',
    targetId: null,
    summary: { key: 'setup.plan.create', object: OBJECT },
    run: async (t) => (await createWebhook(t, webhookInput(apiKey))).id,
  };
}

/** A step on the webhook that exists already: keep it, or change it with `write`. */
function existingStep(
  id: string,
  action: 'keep' | 'update',
  summaryKey: Step<Transport>['summary']['key'],
  write?: (t: Transport) => Promise<unknown>,
): Step<Transport> {
  return {
    key: 'webhook',
    object: OBJECT,
    action,
    targetId: id,
    summary: { key: summaryKey, object: OBJECT },
    ...(write
      ? {
          run: async (t: Transport) => {
            await write(t);
            return id;
          },
        }
      : {}),
  };
}

export function planWebhook(
  existing: Webhook | null,
  enabled: boolean,
  apiKey: string | null,
): WebhookPlan {
  let current = existing;
  const steps: Step<Transport>[] = [];
  if (current && !current.subscriptions.includes('conditional_ticket_events')) {
    if (!apiKey) return { ok: false };
    const oldId = current.id;
    steps.push({
      key: 'webhook#replaced',
      object: OBJECT,
      action: 'delete',
      targetId: oldId,
      summary: { key: 'setup.plan.replace', object: OBJECT },
      run: async (t) => {
        await deleteWebhook(t, oldId);
        return null;
      },
    });
    current = null;
  }
  if (!current) {
    if (!enabled) return { ok: true, steps };
    if (!apiKey) return { ok: false };
    return { ok: true, steps: [...steps, createStep(apiKey)] };
  }
  const id = current.id;
  const desired = webhookInput(apiKey);
  if (apiKey) {
    steps.push(
      existingStep(id, 'update', 'setup.plan.update_key', (t) => updateWebhook(t, id, desired)),
    );
    return { ok: true, steps };
  }
  // Switching on over a webhook that has no key stored would only collect 401s.
  if (enabled && current.authentication?.type !== 'api_key') return { ok: false };
  if (sameWebhook(current, desired)) {
    steps.push(existingStep(id, 'keep', 'setup.plan.keep'));
    return { ok: true, steps };
  }
  const { authentication: _omit, subscriptions: _fixed, ...changes } = desired;
  steps.push(existingStep(id, 'update', 'setup.plan.update', (t) => patchWebhook(t, id, changes)));
  return { ok: true, steps };
}
