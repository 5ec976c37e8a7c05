/**
 * The ticket-save bridge's decisions, without ZAF or React: whether a save sends the agent's public
 * reply as SMS, is let through untouched, or is stopped (and why). The bridge remembers the last
 * attempt on the ticket so that saving the same text again reuses its idempotency key and never
 * sends twice.
 */
import type { KlaviyoProfile } from '../klaviyo';
import type { ConsentSummary, LocalTimeStatus, SegmentCount } from '../sms/model';
import type { ReplyFailure } from './types';

/** A second save of the same text within this time texts outside quiet hours anyway. */
export const QUIET_HOURS_CONFIRM_MS = 2 * 60 * 1000;

export interface EditorSnapshot {
  /** Plain text already (see `commentToSmsText`). */
  text: string;
  /** ZAF's `ticket.comment.type`: `publicReply`, `internalNote`, or null when unknown. */
  type: string | null;
  tags: string[];
}

export interface SaveBridgeSettings {
  enabled: boolean;
  smsTicketTag: string;
}

export interface SaveBridgeProfile {
  profile: KlaviyoProfile | null;
  consent: ConsentSummary | null;
  localTime: LocalTimeStatus | null;
  segments: SegmentCount | null;
}

/** What the bridge remembers between saves of one ticket. */
export interface SaveBridgeMemory {
  key: string;
  text: string;
  profileId: string;
  firstAttemptAt: string;
  failure: ReplyFailure | null;
  conversationId: string | null;
  /** The agent was told it is outside quiet hours for this text at this time (epoch ms). */
  quietWarnedAt: number | null;
}

export type SaveBlockReason =
  | { kind: 'no-profile' }
  | { kind: 'no-consent'; consent: ConsentSummary }
  | { kind: 'too-long' }
  | { kind: 'quiet-hours'; localTime: LocalTimeStatus };

export type SaveDecision =
  | { action: 'allow'; why: 'disabled' | 'not-sms-ticket' | 'not-public' | 'empty' }
  | { action: 'block'; reason: SaveBlockReason }
  | {
      action: 'send';
      text: string;
      profileId: string;
      /** The memory to reuse (same text and profile: a retry), or null for a new message. */
      retryOf: SaveBridgeMemory | null;
    };

export function isPublicReply(type: string | null): boolean {
  // Anything but an explicit public reply (internal notes, unknown channels) is never sent.
  return type === 'publicReply';
}

export function decideSave(
  editor: EditorSnapshot,
  settings: SaveBridgeSettings,
  current: SaveBridgeProfile,
  memory: SaveBridgeMemory | null,
  now: number,
): SaveDecision {
  if (!settings.enabled) return { action: 'allow', why: 'disabled' };
  const tag = settings.smsTicketTag.toLowerCase();
  if (!editor.tags.some((t) => t.toLowerCase() === tag)) {
    return { action: 'allow', why: 'not-sms-ticket' };
  }
  if (!isPublicReply(editor.type)) return { action: 'allow', why: 'not-public' };
  if (editor.text.trim() === '') return { action: 'allow', why: 'empty' };
  const { profile, consent, localTime, segments } = current;
  if (!profile || !consent) return { action: 'block', reason: { kind: 'no-profile' } };
  if (!consent.canText) return { action: 'block', reason: { kind: 'no-consent', consent } };
  if (segments?.tooLong) return { action: 'block', reason: { kind: 'too-long' } };
  const retryOf =
    memory && memory.text === editor.text && memory.profileId === profile.id ? memory : null;
  if (localTime && !localTime.inWindow) {
    const warnedAt = retryOf?.quietWarnedAt ?? null;
    const confirmed = warnedAt !== null && now - warnedAt <= QUIET_HOURS_CONFIRM_MS;
    // A retry of a text that already went to Klaviyo once needs no second confirmation.
    if (!confirmed && !retryOf?.failure) {
      return { action: 'block', reason: { kind: 'quiet-hours', localTime } };
    }
  }
  return { action: 'send', text: editor.text, profileId: profile.id, retryOf };
}
