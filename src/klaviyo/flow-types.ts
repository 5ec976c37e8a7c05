/**
 * The Flows API bodies the app sends, typed after the spec's own schemas (revision 2026-07-15) and
 * named as the spec names them. Only the parts the app uses; tests/contract validates each body the
 * client builds against the spec's `FlowCreateQuery` / `FlowUpdateQuery`.
 */

/** `MetricTrigger`: the flow starts on each event of this metric. */
export interface MetricTrigger {
  type: 'metric';
  id: string;
}

/** `HasSMSMarketingConsent` / `NoSMSMarketingConsent` inside `ProfileMarketingConsentCondition`. */
export interface ProfileMarketingConsentCondition {
  type: 'profile-marketing-consent';
  consent:
    | {
        channel: 'sms';
        can_receive_marketing: true;
        consent_status: { subscription: 'subscribed' };
      }
    | {
        channel: 'sms';
        can_receive_marketing: false;
        consent_status: { subscription: 'unsubscribed' | 'never_subscribed' };
      };
}

export interface FlowProfileFilter {
  condition_groups: Array<{ conditions: ProfileMarketingConsentCondition[] }>;
}

export type FlowActionStatus = 'disabled' | 'draft' | 'live' | 'manual';

/** `FlowWebhook`: an HTTP POST; `url`, header values and `body` are Klaviyo templates. */
export interface FlowWebhook {
  url: string;
  headers?: Record<string, string> | null;
  body?: string | null;
  name?: string | null;
}

export interface SendWebhookAction {
  temporary_id: string;
  type: 'send-webhook';
  links: { next: string | null };
  data: { message: FlowWebhook; status: FlowActionStatus };
}

/** `FlowSms`: the parts of the SMS message the app sets. */
export interface FlowSms {
  body: string;
  smart_sending_enabled?: boolean;
  sms_quiet_hours_enabled?: boolean;
  transactional?: boolean;
  add_org_prefix?: boolean;
  add_info_link?: boolean;
  add_opt_out_language?: boolean;
  shorten_links?: boolean;
  add_tracking_params?: boolean;
}

export interface SendSmsAction {
  temporary_id: string;
  type: 'send-sms';
  links: { next: string | null };
  data: { message: FlowSms; status: FlowActionStatus };
}

export type FlowActionInput = SendWebhookAction | SendSmsAction;

/** `FlowDefinition` on create: one trigger, actions linked by `temporary_id`. */
export interface FlowDefinitionInput {
  triggers: [MetricTrigger];
  profile_filter?: FlowProfileFilter | null;
  actions: FlowActionInput[];
  entry_action_id: string;
}

/** `FlowCreateQuery` */
export interface FlowCreateQuery {
  data: { type: 'flow'; attributes: { name: string; definition: FlowDefinitionInput } };
}

/** `FlowUpdateQuery`: only the status can be changed. */
export interface FlowUpdateQuery {
  data: { type: 'flow'; id: string; attributes: { status: 'draft' | 'manual' | 'live' } };
}
