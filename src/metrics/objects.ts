/**
 * The Zendesk objects the metric sync consists of, as pure data: what each should look like for a
 * given configuration, and how provisioning recognises its own objects (a stable marker).
 */
import { KLAVIYO_BASE_URL, KLAVIYO_REVISION } from '../klaviyo';
import { KLAVIYO_PROFILE_FIELD_KEY } from '../zendesk/users';
import type {
  AutomationInput,
  Condition,
  CustomField,
  TriggerInput,
  ViewInput,
  WebhookInput,
} from '../zendesk/types';
import { buildEventBody, type CustomFieldRef, type TicketMetric } from './body';
import type { MetricSyncConfig } from './config';
import type { PlaceholderEscaping } from './escaping';

export const KLAVIYO_EVENTS_ENDPOINT = `${KLAVIYO_BASE_URL}/api/events`;

export type ObjectKind =
  'webhook' | 'user-field' | 'opened-trigger' | 'resolved-trigger' | 'automation' | 'view';

/** Markers written into descriptions; provisioning finds its objects by them, never by id. */
export const MARKERS: Record<ObjectKind, string> = {
  webhook: '[klaviyo-for-zendesk:webhook]',
  'user-field': '[klaviyo-for-zendesk:user-field]',
  'opened-trigger': '[klaviyo-for-zendesk:opened-ticket]',
  'resolved-trigger': '[klaviyo-for-zendesk:resolved-ticket]',
  automation: '[klaviyo-for-zendesk:close-solved-sms]',
  view: '[klaviyo-for-zendesk:sms-view]',
};

export const TITLES: Record<ObjectKind, string> = {
  webhook: 'Klaviyo: ticket metrics',
  'user-field': 'Klaviyo profile id',
  'opened-trigger': 'Klaviyo: Opened Ticket',
  'resolved-trigger': 'Klaviyo: Resolved Ticket',
  automation: 'Klaviyo: close solved SMS tickets',
  view: 'Klaviyo SMS',
};

/** Message keys (under `ui`) of each object's name, for plans and reports. */
export const OBJECT_LABELS: Record<ObjectKind, string> = {
  webhook: 'setup.objects.webhook',
  'user-field': 'setup.objects.user_field',
  'opened-trigger': 'setup.objects.opened_trigger',
  'resolved-trigger': 'setup.objects.resolved_trigger',
  automation: 'setup.objects.automation',
  view: 'setup.objects.view',
};

const MANAGED = "Managed by the Klaviyo for Zendesk app: change it from the app's setup page.";

function description(kind: ObjectKind, what: string): string {
  return `${what} ${MANAGED} ${MARKERS[kind]}`;
}

/** Is this Zendesk object one the app made? Marker in the description, else the exact title. */
export function isOurs(
  kind: ObjectKind,
  object: { title?: string; name?: string; description?: string | null },
): boolean {
  if (object.description?.includes(MARKERS[kind])) return true;
  return (object.title ?? object.name) === TITLES[kind];
}

export function webhookInput(apiKey: string | null): WebhookInput {
  return {
    name: TITLES.webhook,
    description: description(
      'webhook',
      'Sends Opened Ticket and Resolved Ticket events to Klaviyo.',
    ),
    status: 'active',
    endpoint: KLAVIYO_EVENTS_ENDPOINT,
    http_method: 'POST',
    request_format: 'json',
    subscriptions: ['conditional_ticket_events'],
    custom_headers: { revision: KLAVIYO_REVISION },
    ...(apiKey
      ? {
          authentication: {
            type: 'api_key' as const,
            add_position: 'header' as const,
            data: { name: 'Authorization', value: `Klaviyo-API-Key ${apiKey.trim()}` },
          },
        }
      : {}),
  };
}

/** Several brands: any of them. None chosen: no brand condition (every brand). */
export function brandConditions(brandIds: number[]): Condition[] {
  return [...new Set(brandIds)]
    .sort((a, b) => a - b)
    .map((id) => ({ field: 'brand_id', operator: 'is', value: String(id) }));
}

/** Zendesk's own ticket fields and payment data never go to Klaviyo. */
export function customFieldRefs(fields: CustomField[]): CustomFieldRef[] {
  return fields
    .filter((f) => f.active && f.removable !== false && f.type !== 'partialcreditcard')
    .sort((a, b) => a.id - b.id)
    .map((f) => ({ id: f.id, title: f.title, type: f.type }));
}

const METRIC_OF: Record<'opened-trigger' | 'resolved-trigger', TicketMetric> = {
  'opened-trigger': 'Opened Ticket',
  'resolved-trigger': 'Resolved Ticket',
};

export function triggerInput(
  kind: 'opened-trigger' | 'resolved-trigger',
  config: MetricSyncConfig,
  webhookId: string,
  customFields: CustomFieldRef[],
  escaping?: PlaceholderEscaping,
): TriggerInput {
  const all: Condition[] =
    kind === 'opened-trigger'
      ? [{ field: 'update_type', operator: 'is', value: 'Create' }]
      : [
          { field: 'update_type', operator: 'is', value: 'Change' },
          // "Status changed to Closed": Klaviyo's own integration counts Closed, not Solved.
          { field: 'status', operator: 'value', value: 'closed' },
        ];
  const body = buildEventBody(METRIC_OF[kind], { customFields, escaping });
  return {
    title: TITLES[kind],
    description: description(
      kind,
      kind === 'opened-trigger'
        ? 'Records "Opened Ticket" in Klaviyo when a ticket is created.'
        : 'Records "Resolved Ticket" in Klaviyo when a ticket is closed.',
    ),
    active: config.enabled,
    conditions: { all, any: brandConditions(config.brandIds) },
    actions: [{ field: 'notification_webhook', value: [webhookId, body] }],
  };
}

export function automationInput(config: MetricSyncConfig): AutomationInput {
  return {
    // Zendesk automations have no description: this one is recognised by its title.
    title: TITLES.automation,
    active: true,
    conditions: {
      all: [
        { field: 'status', operator: 'is', value: 'solved' },
        { field: 'SOLVED', operator: 'greater_than', value: String(config.closeSolvedSms.hours) },
        { field: 'current_tags', operator: 'includes', value: config.smsTag },
      ],
      any: [],
    },
    actions: [{ field: 'status', value: 'closed' }],
  };
}

export function viewInput(config: MetricSyncConfig): ViewInput {
  return {
    title: TITLES.view,
    description: description('view', 'SMS tickets that are not closed yet.'),
    active: true,
    all: [
      { field: 'status', operator: 'less_than', value: 'closed' },
      { field: 'current_tags', operator: 'includes', value: config.smsTag },
    ],
    any: [],
    output: { columns: ['status', 'subject', 'requester', 'assignee', 'updated'] },
  };
}

export const USER_FIELD_INPUT = {
  key: KLAVIYO_PROFILE_FIELD_KEY,
  type: 'text' as const,
  title: TITLES['user-field'],
  description: description(
    'user-field',
    'The Klaviyo profile this user is linked to (set from the ticket sidebar).',
  ),
};
