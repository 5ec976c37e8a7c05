/**
 * The ticket-save bridge once the Zendesk-hosted reply path is installed: the trigger texts every
 * public reply, so the bridge never sends (exactly one SMS per reply). It only warns, before the
 * save, about what the trigger cannot check: the first save of a reply that will not reach the
 * customer as written is stopped with the reasons; saving the same text again within
 * `PATH_CONFIRM_MS` posts it anyway (the comment is then on the ticket, texted or not).
 */
import type { KlaviyoProfile } from '../klaviyo';
import type { ConsentSummary, LocalTimeStatus } from '../sms/model';
import { REPLY_TEXT_LIMIT } from './path/body';

/** How long "save again to post it anyway" holds for the same text. */
export const PATH_CONFIRM_MS = 2 * 60 * 1000;

export type PathWarning =
  /** No Klaviyo profile found for the requester: Klaviyo will have nobody to text. */
  | { kind: 'no-profile' }
  /**
   * No SMS marketing consent: the flow's text is not transactional (that needs Klaviyo's approval
   * per account), so Klaviyo skips it (recorded on the profile, nothing sent).
   */
  | { kind: 'no-consent'; consent: ConsentSummary }
  /** Night for the customer: the flow sends at once (quiet hours are off for replies). */
  | { kind: 'quiet-hours'; localTime: LocalTimeStatus }
  /** Longer than an SMS carries: the text is cut at `REPLY_TEXT_LIMIT` characters. */
  | { kind: 'too-long'; limit: number }
  /** Attachments stay on the ticket: the text goes without them. */
  | { kind: 'attachments'; count: number }
  /** The requester's profile has the agent's own email: the agent would text themselves. */
  | { kind: 'self-send' };

export interface PathSaveInput {
  /** Plain text of the public reply on an SMS ticket (the caller checked type, tag, emptiness). */
  text: string;
  attachments: number;
  profile: KlaviyoProfile | null;
  consent: ConsentSummary | null;
  localTime: LocalTimeStatus | null;
  agentEmail: string | null;
}

/** The reply the agent was last warned about, and when. */
export interface PathWarned {
  text: string;
  at: number;
}

export type PathSaveDecision =
  | { action: 'allow'; why: 'nothing-to-warn' | 'confirmed' }
  | { action: 'warn'; warnings: PathWarning[] };

export function pathWarnings(input: PathSaveInput): PathWarning[] {
  const warnings: PathWarning[] = [];
  const { profile, consent, localTime } = input;
  if (!profile || !consent) warnings.push({ kind: 'no-profile' });
  else if (consent.smsMarketing !== 'subscribed') warnings.push({ kind: 'no-consent', consent });
  const agent = input.agentEmail?.trim().toLowerCase();
  if (agent && profile?.email && profile.email.trim().toLowerCase() === agent) {
    warnings.push({ kind: 'self-send' });
  }
  if (localTime && !localTime.inWindow) warnings.push({ kind: 'quiet-hours', localTime });
  if ([...input.text].length > REPLY_TEXT_LIMIT) {
    warnings.push({ kind: 'too-long', limit: REPLY_TEXT_LIMIT });
  }
  if (input.attachments > 0) warnings.push({ kind: 'attachments', count: input.attachments });
  return warnings;
}

export function decidePathSave(
  input: PathSaveInput,
  warned: PathWarned | null,
  now: number,
): PathSaveDecision {
  const warnings = pathWarnings(input);
  if (warnings.length === 0) return { action: 'allow', why: 'nothing-to-warn' };
  if (warned && warned.text === input.text && now - warned.at <= PATH_CONFIRM_MS) {
    return { action: 'allow', why: 'confirmed' };
  }
  return { action: 'warn', warnings };
}
