import type { ZafMetadata } from './types';

/** The app's non-secret settings, parsed once from ZAF metadata with the manifest's defaults. */
export interface AppSettings {
  replyMode: 'conversations' | 'flow';
  flowMetricName: string;
  sendPublicRepliesAsSms: boolean;
  /** The setup page installed the Zendesk-hosted reply path: the save bridge then only warns. */
  replyPathInstalled: boolean;
  smsTicketTag: string;
  quietHoursStart: number;
  quietHoursEnd: number;
  quickReplies: string[];
  defaultCountry: string;
  smsTextProperty: string | null;
  /** Link a unique, exact match to the Zendesk user by itself (on unless an admin turns it off). */
  autoLinkProfiles: boolean;
}

export const DEFAULT_SETTINGS: AppSettings = {
  replyMode: 'conversations',
  flowMetricName: 'Zendesk SMS Reply',
  sendPublicRepliesAsSms: false,
  replyPathInstalled: false,
  smsTicketTag: 'sms',
  quietHoursStart: 8,
  quietHoursEnd: 20,
  quickReplies: [],
  defaultCountry: 'US',
  smsTextProperty: null,
  autoLinkProfiles: true,
};

/** The secure setting's name: used only inside `{{setting.…}}` placeholders, never as a value. */
export const KLAVIYO_KEY_SETTING = 'klaviyo_api_key';

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

function hour(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}

/** A checkbox whose default is on: only an explicit "off" turns it off. */
function flagOnByDefault(value: unknown): boolean {
  return !(value === false || value === 'false' || value === 0 || value === '0');
}

export function parseSettings(raw: ZafMetadata['settings'] | undefined): AppSettings {
  const s = raw ?? {};
  const d = DEFAULT_SETTINGS;
  return {
    replyMode: text(s.reply_mode, d.replyMode).toLowerCase() === 'flow' ? 'flow' : 'conversations',
    flowMetricName: text(s.flow_metric_name, d.flowMetricName),
    sendPublicRepliesAsSms: flag(s.send_public_replies_as_sms),
    replyPathInstalled: flag(s.reply_path_installed),
    smsTicketTag: text(s.sms_ticket_tag, d.smsTicketTag).toLowerCase(),
    quietHoursStart: hour(s.quiet_hours_start, d.quietHoursStart, 0, 23),
    quietHoursEnd: hour(s.quiet_hours_end, d.quietHoursEnd, 1, 24),
    quickReplies:
      typeof s.quick_replies === 'string'
        ? s.quick_replies
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
            .slice(0, 20)
        : [],
    defaultCountry: text(s.default_country, d.defaultCountry).toUpperCase().slice(0, 2),
    smsTextProperty: text(s.sms_text_property, '') || null,
    autoLinkProfiles: flagOnByDefault(s.auto_link_profiles),
  };
}
