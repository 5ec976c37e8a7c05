/** The metric sync's objects as Zendesk holds them now, found by their markers. */
import type { Transport } from '../transport';
import { listTicketFields, listUserFields } from '../zendesk/fields';
import { automations, triggers, views } from '../zendesk/rules';
import type { Automation, CustomField, Trigger, View, Webhook } from '../zendesk/types';
import { listWebhooks } from '../zendesk/webhooks';
import { validHours, type MetricSyncConfig } from './config';
import { isOurs, USER_FIELD_INPUT, type ObjectKind } from './objects';

/** The app's objects as Zendesk holds them now. Extra copies (same marker) are in `copies`. */
export interface CurrentSetup {
  webhook: Webhook | null;
  userField: CustomField | null;
  opened: Trigger | null;
  resolved: Trigger | null;
  automation: Automation | null;
  view: View | null;
  copies: Record<Exclude<ObjectKind, 'user-field'>, Array<string | number>>;
  /** Every ticket field: the trigger bodies carry the active custom ones. */
  ticketFields: CustomField[];
}

function firstOurs<T extends { id: string | number }>(kind: ObjectKind, items: T[]) {
  const mine = items.filter((item) => isOurs(kind, item as never));
  return { first: mine[0] ?? null, copies: mine.slice(1).map((m) => m.id) };
}

export async function readSetup(transport: Transport): Promise<CurrentSetup> {
  const [hooks, userFields, triggerList, automationList, viewList, ticketFields] =
    await Promise.all([
      listWebhooks(transport),
      listUserFields(transport),
      triggers.list(transport),
      automations.list(transport),
      views.list(transport),
      listTicketFields(transport),
    ]);
  const webhook = firstOurs('webhook', hooks);
  const opened = firstOurs('opened-trigger', triggerList);
  const resolved = firstOurs('resolved-trigger', triggerList);
  const automation = firstOurs('automation', automationList);
  const view = firstOurs('view', viewList);
  return {
    webhook: webhook.first,
    userField: userFields.find((f) => f.key === USER_FIELD_INPUT.key) ?? null,
    opened: opened.first,
    resolved: resolved.first,
    automation: automation.first,
    view: view.first,
    copies: {
      webhook: webhook.copies,
      'opened-trigger': opened.copies,
      'resolved-trigger': resolved.copies,
      automation: automation.copies,
      view: view.copies,
    },
    ticketFields,
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
