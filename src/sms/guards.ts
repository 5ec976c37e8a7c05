/**
 * May the composer send this reply now? Pure: the composer passes what it knows and renders the
 * answer (disabled Send with the reasons, a confirmation step, warnings).
 *
 * Blockers (Send disabled, every applicable one listed, in this order):
 * - 'no-consent': the profile may not be texted (see consent.ts).
 * - 'no-conversation': conversations mode and the profile is known to have no SMS conversation
 *   (Klaviyo only lets you reply to someone who texted first). Not known yet (null) does not block:
 *   conversations are looked up only when sending. Flow mode needs no conversation.
 * - 'empty': nothing but whitespace.
 * - 'sending': a send is in flight (double clicks and repeated Enter do nothing).
 * - 'too-long': beyond what Klaviyo accepts (segments.ts).
 * Confirmation: 'quiet-hours' when the customer's local time is outside the texting window.
 * Warnings (Send stays enabled):
 * - 'self-send': the agent's email is the profile's email (Klaviyo will not deliver to yourself;
 *   compared without case or outer spaces).
 * - 'multi-segment': the text takes more than one SMS segment (costs more, may arrive split).
 */
import type { ConsentSummary, LocalTimeStatus, SegmentCount } from './model';

export type ReplyMode = 'conversations' | 'flow';
export type ReplyBlocker = 'no-consent' | 'no-conversation' | 'empty' | 'sending' | 'too-long';
export type ReplyWarning = 'self-send' | 'multi-segment';

export interface ReplyGuardInput {
  consent: ConsentSummary;
  /** null = not yet known (conversations are looked up only when sending): does not block. */
  hasConversation: boolean | null;
  replyMode: ReplyMode;
  text: string;
  sending: boolean;
  localTime: LocalTimeStatus;
  agentEmail: string | null | undefined;
  profileEmail: string | null | undefined;
  segments: SegmentCount;
}

export interface ReplyGuards {
  canSend: boolean;
  blockers: ReplyBlocker[];
  needsConfirmation: 'quiet-hours' | null;
  warnings: ReplyWarning[];
}

function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = a.trim().toLowerCase();
  return x !== '' && x === b.trim().toLowerCase();
}

export function replyGuards(input: ReplyGuardInput): ReplyGuards {
  const blockers: ReplyBlocker[] = [];
  if (!input.consent.canText) blockers.push('no-consent');
  if (input.replyMode !== 'flow' && input.hasConversation === false)
    blockers.push('no-conversation');
  if ((input.text ?? '').trim() === '') blockers.push('empty');
  if (input.sending) blockers.push('sending');
  if (input.segments.tooLong) blockers.push('too-long');

  const warnings: ReplyWarning[] = [];
  if (sameEmail(input.agentEmail, input.profileEmail)) warnings.push('self-send');
  if (input.segments.segments > 1) warnings.push('multi-segment');

  return {
    canSend: blockers.length === 0,
    blockers,
    needsConfirmation: input.localTime.inWindow ? null : 'quiet-hours',
    warnings,
  };
}
