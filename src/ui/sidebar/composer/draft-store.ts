/**
 * Keeps the agent's draft and the state of an unfinished send per ticket in `sessionStorage`, so
 * neither is lost when Zendesk reloads the app's iframe (ticket switch, app reload). It holds only
 * the agent's own text and the reply's idempotency key: never a secret. Storage may be missing or
 * full (private modes): every call then quietly does nothing.
 */
import type { ReplyFailure, ReplyMode } from '../../../reply/types';

const PREFIX = 'klaviyo-for-zendesk:composer:';

/** An attempt that has not ended in "sent": its key must be reused by the retry. */
export interface StoredAttempt {
  key: string;
  text: string;
  profileId: string;
  mode: ReplyMode;
  firstAttemptAt: string;
  conversationId: string | null;
  /** null while the request was in flight (the page went away mid-send). */
  failure: ReplyFailure | null;
}

export interface StoredDraft {
  text: string;
  attempt: StoredAttempt | null;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function draftKey(ticketId: number | null): string {
  return `${PREFIX}${ticketId ?? 'no-ticket'}`;
}

function isAttempt(value: unknown): value is StoredAttempt {
  if (!value || typeof value !== 'object') return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a.key === 'string' &&
    typeof a.text === 'string' &&
    typeof a.profileId === 'string' &&
    (a.mode === 'conversations' || a.mode === 'flow') &&
    typeof a.firstAttemptAt === 'string'
  );
}

/**
 * The stored draft, or an empty one. An attempt that was still in flight when the page went away
 * comes back as failed: `uncertain` in conversations mode (it may have gone out), `network` in flow
 * mode (its unique_id makes the retry harmless).
 */
export function loadDraft(ticketId: number | null): StoredDraft {
  const empty: StoredDraft = { text: '', attempt: null };
  const raw = (() => {
    try {
      return storage()?.getItem(draftKey(ticketId)) ?? null;
    } catch {
      return null;
    }
  })();
  if (!raw) return empty;
  try {
    const parsed = JSON.parse(raw) as { text?: unknown; attempt?: unknown };
    const text = typeof parsed.text === 'string' ? parsed.text : '';
    if (!isAttempt(parsed.attempt)) return { text, attempt: null };
    const attempt = parsed.attempt;
    const failure: ReplyFailure =
      attempt.failure && typeof attempt.failure === 'object' && 'kind' in attempt.failure
        ? attempt.failure
        : attempt.mode === 'conversations'
          ? { kind: 'uncertain', checkedAt: null }
          : { kind: 'network' };
    return {
      text,
      attempt: {
        ...attempt,
        conversationId: typeof attempt.conversationId === 'string' ? attempt.conversationId : null,
        failure,
      },
    };
  } catch {
    return empty;
  }
}

export function saveDraft(ticketId: number | null, draft: StoredDraft): void {
  try {
    const s = storage();
    if (!s) return;
    if (draft.text === '' && !draft.attempt) s.removeItem(draftKey(ticketId));
    else s.setItem(draftKey(ticketId), JSON.stringify(draft));
  } catch {
    // Full or unavailable storage: the draft still lives in the component's state.
  }
}

export function clearDraft(ticketId: number | null): void {
  saveDraft(ticketId, { text: '', attempt: null });
}
