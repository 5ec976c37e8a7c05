/**
 * Drift checks: does a Zendesk object as stored say the same as the one provisioning wants? Values
 * are compared as text (Zendesk answers `"2"` where we sent `2`), condition order is ignored,
 * action order is not (it is the order Zendesk runs them in).
 */
import type {
  Action,
  Automation,
  AutomationInput,
  Condition,
  Conditions,
  Trigger,
  TriggerInput,
  View,
  ViewInput,
  Webhook,
  WebhookInput,
} from '../zendesk/types';

function normCondition(c: Condition): string {
  return JSON.stringify([
    c.field,
    c.operator,
    c.value === undefined || c.value === null ? null : String(c.value),
  ]);
}

export function sameConditions(a: Conditions, b: Conditions): boolean {
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

export function sameActions(a: Action[], b: Action[]): boolean {
  return a.map(normAction).join('|') === b.map(normAction).join('|');
}

function sameHeaders(
  a: Record<string, string> | null | undefined,
  b: Record<string, string> | undefined,
): boolean {
  const norm = (h: Record<string, string> | null | undefined) =>
    JSON.stringify(Object.entries(h ?? {}).sort(([x], [y]) => x.localeCompare(y)));
  return norm(a) === norm(b);
}

/** Everything but the secret, which Zendesk never gives back. */
export function sameWebhook(existing: Webhook, desired: WebhookInput): boolean {
  return (
    existing.name === desired.name &&
    (existing.description ?? '') === (desired.description ?? '') &&
    existing.status === desired.status &&
    existing.endpoint === desired.endpoint &&
    existing.http_method === desired.http_method &&
    existing.request_format === desired.request_format &&
    sameHeaders(existing.custom_headers, desired.custom_headers)
  );
}

export function sameTrigger(existing: Trigger, desired: TriggerInput): boolean {
  return (
    existing.title === desired.title &&
    (existing.description ?? '') === desired.description &&
    existing.active === desired.active &&
    sameConditions(existing.conditions, desired.conditions) &&
    sameActions(existing.actions, desired.actions)
  );
}

export function sameAutomation(existing: Automation, desired: AutomationInput): boolean {
  return (
    existing.title === desired.title &&
    existing.active === desired.active &&
    sameConditions(existing.conditions, desired.conditions) &&
    sameActions(existing.actions, desired.actions)
  );
}

export function sameView(existing: View, desired: ViewInput): boolean {
  return (
    existing.title === desired.title &&
    (existing.description ?? '') === desired.description &&
    existing.active === desired.active &&
    sameConditions(existing.conditions, { all: desired.all, any: desired.any })
  );
}
