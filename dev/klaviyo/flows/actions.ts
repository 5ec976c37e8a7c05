/**
 * The two actions the stand-in performs. `send-webhook` renders its URL, headers and body with the
 * template language and POSTs them, awaiting the answer. `send-sms` renders its body and texts the
 * profile only as Klaviyo would: with SMS consent of the message's kind, outside quiet hours and
 * smart sending for marketing messages; otherwise a skipped or held record says why.
 */
import { canReceiveSms } from '../sms/consent';
import { recordSms } from '../sms/records';
import { OUTBOUND_SMS_METRIC, SMS_TEXT_PROPERTY } from '../sms/types';
import type { KlaviyoStore, SeedEvent, SeedProfile } from '../store';
import type { FlowEngineDeps } from './engine';
import { renderTemplate } from './template';
import type { ActionOutcome, FlowAction, StoredFlow } from './types';

const WEBHOOK_TIMEOUT_MS = 30_000;
/** Klaviyo's default SMS smart-sending window. */
export const SMART_SENDING_WINDOW_MS = 16 * 60 * 60_000;
/** Klaviyo's default SMS quiet hours, in the recipient's time zone: 20:00 to 11:00. */
export const QUIET_HOURS = { start: 20, end: 11 } as const;
const ACCOUNT_TIME_ZONE = 'America/New_York';

export interface ActionContext {
  store: KlaviyoStore;
  flow: StoredFlow;
  action: FlowAction;
  profile: SeedProfile;
  event: SeedEvent;
  deps: FlowEngineDeps;
}

const message = (action: FlowAction) =>
  ((action.data ?? {}) as { message?: Record<string, unknown> }).message ?? {};

export async function sendWebhook(ctx: ActionContext): Promise<ActionOutcome> {
  const m = message(ctx.action);
  const scope = { profile: ctx.profile, event: ctx.event };
  const base = { actionId: ctx.action.id, type: ctx.action.type };
  const url = await renderTemplate(String(m.url ?? ''), scope, 'raw');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((m.headers ?? {}) as Record<string, string>)) {
    headers[name] = await renderTemplate(value, scope, 'raw');
  }
  const body = await renderTemplate(String(m.body ?? ''), scope, ctx.store.templateEscaping);
  try {
    const response = await ctx.deps.fetch(
      new Request(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      }),
    );
    await response.text();
    const ok = response.status >= 200 && response.status < 300;
    return {
      ...base,
      outcome: ok ? 'done' : 'failed',
      reason: ok ? null : `HTTP ${response.status}`,
      httpStatus: response.status,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the request failed';
    return { ...base, outcome: 'failed', reason, httpStatus: 0 };
  }
}

function localHour(profile: SeedProfile, now: number): number {
  const loc = profile.attributes.location as { timezone?: unknown } | undefined;
  const zone =
    typeof loc?.timezone === 'string' && loc.timezone !== '' ? loc.timezone : ACCOUNT_TIME_ZONE;
  try {
    return Number(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hour: 'numeric',
        hourCycle: 'h23',
      }).format(now),
    );
  } catch {
    return Number(
      new Intl.DateTimeFormat('en-US', {
        timeZone: ACCOUNT_TIME_ZONE,
        hour: 'numeric',
        hourCycle: 'h23',
      }).format(now),
    );
  }
}

/** Why Klaviyo would not text this profile now, or null when it would. */
function sendBlocker(
  ctx: ActionContext,
  m: Record<string, unknown>,
  now: number,
): { status: 'skipped' | 'held'; reason: string } | null {
  const transactional = m.transactional === true;
  if (typeof ctx.profile.attributes.phone_number !== 'string')
    return { status: 'skipped', reason: 'no-phone-number' };
  if (!canReceiveSms(ctx.profile, transactional ? 'transactional' : 'marketing'))
    return {
      status: 'skipped',
      reason: transactional ? 'no-sms-transactional-consent' : 'no-sms-consent',
    };
  if (transactional) return null;
  if (m.smart_sending_enabled !== false) {
    const recent = ctx.store.smsMessages.some(
      (s) =>
        s.profileId === ctx.profile.id &&
        s.via === 'flow' &&
        s.status === 'sent' &&
        now - Date.parse(s.at) < SMART_SENDING_WINDOW_MS,
    );
    if (recent) return { status: 'skipped', reason: 'smart-sending' };
  }
  if (m.sms_quiet_hours_enabled !== false) {
    const hour = localHour(ctx.profile, now);
    if (hour >= QUIET_HOURS.start || hour < QUIET_HOURS.end)
      return { status: 'held', reason: 'quiet-hours' };
  }
  return null;
}

export async function sendSms(ctx: ActionContext): Promise<ActionOutcome> {
  const m = message(ctx.action);
  const base = { actionId: ctx.action.id, type: ctx.action.type };
  const body = await renderTemplate(
    String(m.body ?? ''),
    { profile: ctx.profile, event: ctx.event },
    'raw',
  );
  const where = { flowId: ctx.flow.id, actionId: ctx.action.id };
  const record = {
    direction: 'outbound' as const,
    via: 'flow' as const,
    profile: ctx.profile,
    body,
    ...where,
  };
  if (body.trim() === '') {
    recordSms(ctx.store, { ...record, status: 'skipped', reason: 'empty-body' });
    return { ...base, outcome: 'skipped', reason: 'empty-body' };
  }
  const blocker = sendBlocker(ctx, m, ctx.deps.now());
  if (blocker) {
    recordSms(ctx.store, { ...record, status: blocker.status, reason: blocker.reason });
    return { ...base, outcome: 'skipped', reason: blocker.reason };
  }
  recordSms(ctx.store, { ...record, status: 'sent' });
  ctx.store.events.push({
    id: ctx.store.nextId('EV'),
    profileId: ctx.profile.id,
    metricId: ctx.store.metricNamed(OUTBOUND_SMS_METRIC).id,
    datetime: new Date(ctx.deps.now()).toISOString(),
    properties: {
      [SMS_TEXT_PROPERTY]: body,
      'Message Type': m.transactional === true ? 'transactional' : 'promotional',
      'Flow Name': ctx.flow.name,
    },
    flowId: ctx.flow.id,
  });
  return { ...base, outcome: 'done', reason: null };
}
