/**
 * The condition vocabulary of Zendesk ticket triggers (developer.zendesk.com, "Conditions
 * reference", and the trigger conditions and actions reference in Zendesk's help center): each
 * field with the operators Zendesk accepts for it and the values it allows. Creating or updating a
 * trigger with a field, operator or value outside this table is refused with Zendesk's 422, so a
 * trigger that Zendesk would refuse fails here too, and no condition passes or fails silently.
 *
 * A few conditions Zendesk has depend on things the local workspace does not model (X/Twitter
 * followers, business hours and schedules, satisfaction ratings, SLA targets, reopen counts):
 * they are refused too, with a message that says so, rather than evaluated wrongly.
 */

/** Via types → via ids (developer.zendesk.com, "Via types reference"). */
export const VIA_IDS: Readonly<Record<string, number>> = {
  web: 0,
  web_form: 0,
  email: 4,
  mail: 4,
  api: 5,
  web_service: 5,
  rule: 8,
  closed_ticket: 27,
  chat: 29,
  web_widget: 48,
  mobile_sdk: 49,
  help_center: 50,
  any_channel: 55,
  mobile: 56,
  sms: 57,
};

export const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
export const PRIORITY_ORDER = ['', 'low', 'normal', 'high', 'urgent'];

const CHANGE_OPERATORS = [
  'changed',
  'not_changed',
  'value',
  'value_previous',
  'not_value',
  'not_value_previous',
];
const IS = ['is', 'is_not'];
const COUNT = ['less_than', 'greater_than', 'is'];
const USER_FIELD_OPERATORS = [
  'is',
  'is_not',
  'present',
  'not_present',
  'includes',
  'not_includes',
  'includes_string',
  'not_includes_string',
];

export interface FieldRule {
  operators: readonly string[];
  /** The values Zendesk allows (a pattern over `String(value)`). */
  values: RegExp;
  /** Why the workspace refuses a condition Zendesk has (it cannot evaluate it faithfully). */
  notEmulated?: string;
}

const USER_ID = /^(|current_user|requester_id|assignee_id|\d+)$/;
const DIGITS = /^\d+$/;
const ANY = /^[\s\S]*$/;
const ROLES = /^(end_user|agent|admin)$/;
const BOOLEAN = /^(true|false)$/;

export const TRIGGER_CONDITIONS: Readonly<Record<string, FieldRule>> = {
  status: {
    operators: [...IS, 'less_than', 'greater_than', ...CHANGE_OPERATORS],
    values: /^(new|open|pending|hold|solved|closed)$/,
  },
  priority: {
    operators: [...IS, 'less_than', 'greater_than', ...CHANGE_OPERATORS],
    values: /^(|low|normal|high|urgent)$/,
  },
  type: { operators: [...IS, ...CHANGE_OPERATORS], values: /^(|question|incident|problem|task)$/ },
  group_id: { operators: [...IS, ...CHANGE_OPERATORS], values: /^(|\d+)$/ },
  assignee_id: { operators: [...IS, ...CHANGE_OPERATORS], values: USER_ID },
  requester_id: { operators: [...IS, ...CHANGE_OPERATORS], values: USER_ID },
  organization_id: { operators: [...IS, ...CHANGE_OPERATORS], values: /^(|\d+)$/ },
  brand_id: { operators: [...IS, ...CHANGE_OPERATORS], values: DIGITS },
  ticket_form_id: { operators: [...IS, ...CHANGE_OPERATORS], values: DIGITS },
  current_tags: { operators: ['includes', 'not_includes'], values: /^\S+(\s+\S+)*$/ },
  via_id: { operators: IS, values: DIGITS },
  current_via_id: { operators: IS, values: DIGITS },
  update_type: { operators: ['is'], values: /^(Create|Change)$/ },
  comment_is_public: {
    operators: IS,
    values: /^(true|false|not_relevant|requester_can_see_comment)$/,
  },
  ticket_is_public: { operators: IS, values: /^(public|private)$/ },
  subject_includes_word: { operators: ['includes', 'not_includes', ...IS], values: ANY },
  comment_includes_word: { operators: ['includes', 'not_includes', ...IS], values: ANY },
  role: { operators: IS, values: ROLES },
  requester_role: { operators: IS, values: ROLES },
  locale_id: { operators: IS, values: DIGITS },
  recipient: { operators: IS, values: ANY },
  attachment: { operators: ['is'], values: BOOLEAN },
  cc: { operators: ['is'], values: BOOLEAN },
  replies: { operators: COUNT, values: DIGITS },
  'custom_fields_*': {
    operators: [...IS, 'present', 'not_present', ...CHANGE_OPERATORS],
    values: ANY,
  },
  'requester.custom_fields.*': { operators: USER_FIELD_OPERATORS, values: ANY },
  'user.custom_fields.*': { operators: USER_FIELD_OPERATORS, values: ANY },
  'organization.custom_fields.*': { operators: USER_FIELD_OPERATORS, values: ANY },
  reopens: { operators: COUNT, values: DIGITS, notEmulated: 'reopen counts' },
  agent_stations: { operators: COUNT, values: DIGITS, notEmulated: 'assignment history' },
  group_stations: { operators: COUNT, values: DIGITS, notEmulated: 'assignment history' },
  satisfaction_score: {
    operators: [...IS, ...CHANGE_OPERATORS],
    values: ANY,
    notEmulated: 'satisfaction ratings',
  },
  in_business_hours: { operators: ['is'], values: BOOLEAN, notEmulated: 'business hours' },
  within_schedule: { operators: IS, values: DIGITS, notEmulated: 'schedules' },
  custom_status_id: {
    operators: ['includes', 'not_includes', ...IS, ...CHANGE_OPERATORS],
    values: DIGITS,
    notEmulated: 'custom ticket statuses',
  },
  requester_twitter_followers_count: {
    operators: COUNT,
    values: DIGITS,
    notEmulated: 'X (Twitter) profiles',
  },
  requester_twitter_statuses_count: {
    operators: COUNT,
    values: DIGITS,
    notEmulated: 'X (Twitter) profiles',
  },
  requester_twitter_verified: {
    operators: ['is'],
    values: ANY,
    notEmulated: 'X (Twitter) profiles',
  },
};

/** Trigger actions Zendesk has; the first group changes the ticket, the rest notify. */
export const TICKET_ACTIONS = [
  'status',
  'priority',
  'type',
  'group_id',
  'assignee_id',
  'set_tags',
  'current_tags',
  'remove_tags',
];
export const NOTIFY_ACTIONS = [
  'notification_webhook',
  'notification_user',
  'notification_group',
  'notification_sms_user',
  'notification_sms_group',
  'notification_messaging_csat',
];

/** The vocabulary entry of a field (`custom_fields_123` → `custom_fields_*`). */
export function ruleFor(field: string): FieldRule | undefined {
  if (Object.hasOwn(TRIGGER_CONDITIONS, field)) return TRIGGER_CONDITIONS[field];
  const prefixed =
    /^(custom_fields_)\d+$/.exec(field)?.[1] ??
    /^((?:requester|user|organization)\.custom_fields\.)[A-Za-z0-9_]+$/.exec(field)?.[1];
  return prefixed ? TRIGGER_CONDITIONS[`${prefixed}*`] : undefined;
}

/** What is wrong with one trigger condition, in Zendesk's words; null when it is valid. */
export function conditionProblem(c: {
  field?: unknown;
  operator?: unknown;
  value?: unknown;
}): string | null {
  if (typeof c.field !== 'string' || typeof c.operator !== 'string') {
    return 'Conditions: each needs a field and an operator';
  }
  const rule = ruleFor(c.field);
  if (!rule) return `Conditions: ${c.field} is not a valid condition field`;
  if (!rule.operators.includes(c.operator)) {
    return `Conditions: ${c.operator} is not a valid operator for ${c.field}`;
  }
  const noValue = ['changed', 'not_changed', 'present', 'not_present'].includes(c.operator);
  const value = c.value === undefined || c.value === null ? '' : String(c.value);
  if (!noValue && !rule.values.test(value)) {
    return `Conditions: ${value === '' ? 'a blank value' : value} is not a valid value for ${c.field}`;
  }
  if (rule.notEmulated) {
    return `Conditions: ${c.field} depends on ${rule.notEmulated}, which the local workspace does not emulate`;
  }
  return null;
}

/** What is wrong with one trigger action; null when Zendesk accepts it. */
export function actionProblem(a: { field?: unknown; value?: unknown }): string | null {
  if (!a || typeof a.field !== 'string') return 'Actions: each needs a field';
  const custom = /^custom_fields_\d+$/.test(a.field);
  if (!custom && !TICKET_ACTIONS.includes(a.field) && !NOTIFY_ACTIONS.includes(a.field)) {
    return `Actions: ${a.field} is not a valid action`;
  }
  return null;
}
