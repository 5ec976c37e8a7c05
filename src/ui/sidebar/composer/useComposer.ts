import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../common/I18nProvider';
import { describeReplyNote } from '../../../reply/note';
import { sendReply, writeReplyNote } from '../../../reply/send-reply';
import type { ReplyDeps, ReplyFailure, ReplyMode, SentReply } from '../../../reply/types';
import { replyGuards, type ReplyGuards } from '../../../sms/guards';
import {
  newIdempotencyKey,
  replyAttemptReducer,
  type ReplyAttempt,
  type ReplyAttemptEvent,
} from '../../../sms/idempotency';
import type { SegmentCount } from '../../../sms/model';
import { countSegments } from '../../../sms/segments';
import { localOutboundMessage } from '../../../sms/thread';
import { useZaf } from '../../../zaf/context';
import { loadDraft, saveDraft, type StoredAttempt } from './draft-store';
import type { ComposerProps } from './types';
import { useReplyDeps } from './useReplyDeps';

type Attempt = ReplyAttempt<ReplyFailure>;

/** What the current key's attempt was sent with; fixed for every retry of it. */
interface AttemptMeta {
  profileId: string;
  mode: ReplyMode;
  firstAttemptAt: string;
  conversationId: string | null;
  /** The agent confirmed texting outside quiet hours for this key. */
  quietConfirmed: boolean;
}

export interface ComposerModel {
  text: string;
  setText(text: string): void;
  segments: SegmentCount;
  guards: ReplyGuards;
  /** The mode the next send uses (the settings', or flow once the agent switched to it). */
  mode: ReplyMode;
  attempt: Attempt;
  /** Why the last attempt failed (the text is kept for the retry). */
  failure: ReplyFailure | null;
  confirmingQuietHours: boolean;
  /** The last message Klaviyo accepted, until the next send starts. */
  sent: SentReply | null;
  noteRetrying: boolean;
  /** The agent may switch this reply to the flow mode (conversations are unavailable). */
  canOfferFlow: boolean;
  /** Send button and Ctrl/Cmd+Enter: sends, retries the failed text with its key, or asks to
   *  confirm quiet hours. Ignored while a send is in flight. */
  send(): void;
  confirmQuietHours(): void;
  cancelQuietHours(): void;
  sendThroughFlow(): void;
  /** After "not found among delivered texts": post again, accepting a possible duplicate. */
  sendAgainAnyway(): void;
  retryNote(): void;
}

interface SendOptions {
  quietConfirmed?: boolean;
  mode?: ReplyMode;
  resendIfNotFound?: boolean;
}

function restoredAttempt(
  stored: StoredAttempt | null,
  profileId: string,
): {
  attempt: Attempt;
  meta: AttemptMeta | null;
} {
  if (!stored || stored.profileId !== profileId || !stored.failure) {
    return { attempt: { state: 'draft', key: newIdempotencyKey() }, meta: null };
  }
  return {
    attempt: {
      state: 'failed',
      key: stored.key,
      text: stored.text,
      attempts: 1,
      error: stored.failure,
    },
    meta: {
      profileId: stored.profileId,
      mode: stored.mode,
      firstAttemptAt: stored.firstAttemptAt,
      conversationId: stored.conversationId,
      quietConfirmed: true,
    },
  };
}

/**
 * The composer's state and actions. The draft and an unfinished attempt survive iframe reloads
 * (sessionStorage, per ticket). A synchronous in-flight flag, not React state, makes double clicks
 * and held-down Ctrl+Enter send once; the idempotency key is made at the first Send of a text and
 * reused by every retry of it.
 */
export function useComposer(props: ComposerProps, depsOverride?: ReplyDeps): ComposerModel {
  const { klaviyo, ticketId, profile, consent, localTime, hasSmsThread, onLocalMessage, onSent } =
    props;
  const { settings, currentUser } = useZaf();
  const { t, format } = useI18n();

  const deps = useReplyDeps(klaviyo, depsOverride);

  const initial = useMemo(() => {
    const stored = loadDraft(ticketId);
    return { text: stored.text, ...restoredAttempt(stored.attempt, profile.id) };
    // Read once per ticket and profile.
  }, [ticketId, profile.id]);

  const [text, setTextState] = useState(initial.text);
  const [attempt, setAttempt] = useState<Attempt>(initial.attempt);
  const [confirmingQuietHours, setConfirming] = useState(false);
  const [sent, setSent] = useState<SentReply | null>(null);
  const [noteRetrying, setNoteRetrying] = useState(false);
  const [modeOverride, setModeOverride] = useState<ReplyMode | null>(null);
  const [noConversationFor, setNoConversationFor] = useState<string | null>(null);

  const textRef = useRef(text);
  const attemptRef = useRef<Attempt>(initial.attempt);
  const metaRef = useRef<AttemptMeta | null>(initial.meta);
  const inFlight = useRef(false);
  const noteBody = useRef<string | null>(null);
  const mounted = useRef(true);
  const latest = useRef({ onLocalMessage, onSent });
  latest.current = { onLocalMessage, onSent };

  // Another ticket or profile: start from what is stored for it.
  const loadedFor = useRef(initial);
  if (loadedFor.current !== initial) {
    loadedFor.current = initial;
    textRef.current = initial.text;
    attemptRef.current = initial.attempt;
    metaRef.current = initial.meta;
  }
  useEffect(() => {
    setTextState(initial.text);
    setAttempt(initial.attempt);
    setSent(null);
    setConfirming(false);
  }, [initial]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const persist = useCallback(() => {
    const a = attemptRef.current;
    const meta = metaRef.current;
    const unfinished =
      meta && (a.state === 'failed' || a.state === 'sending')
        ? {
            key: a.key,
            text: a.text,
            profileId: meta.profileId,
            mode: meta.mode,
            firstAttemptAt: meta.firstAttemptAt,
            conversationId: meta.conversationId,
            failure: a.state === 'failed' ? a.error : null,
          }
        : null;
    saveDraft(ticketId, { text: textRef.current, attempt: unfinished });
  }, [ticketId]);

  const apply = useCallback((event: ReplyAttemptEvent<ReplyFailure>): Attempt => {
    const next = replyAttemptReducer(attemptRef.current, event);
    if (next !== attemptRef.current) {
      attemptRef.current = next;
      if (mounted.current) setAttempt(next);
    }
    return next;
  }, []);

  const setText = useCallback(
    (value: string) => {
      textRef.current = value;
      setTextState(value);
      setConfirming(false);
      persist();
    },
    [persist],
  );

  const mode: ReplyMode = modeOverride ?? settings.replyMode;
  const segments = useMemo(() => countSegments(text), [text]);
  const hasConversation = noConversationFor === profile.id ? false : hasSmsThread ? true : null;
  const guards = useMemo(
    () =>
      replyGuards({
        consent,
        hasConversation,
        replyMode: mode,
        text,
        sending: attempt.state === 'sending',
        localTime,
        agentEmail: currentUser.email,
        profileEmail: profile.email,
        segments,
      }),
    [
      consent,
      hasConversation,
      mode,
      text,
      attempt.state,
      localTime,
      currentUser.email,
      profile.email,
      segments,
    ],
  );
  const guardsRef = useRef(guards);
  guardsRef.current = guards;

  const describe = useCallback(
    (facts: Parameters<typeof describeReplyNote>[3]) =>
      describeReplyNote(t, format, settings.flowMetricName, facts),
    [t, format, settings.flowMetricName],
  );

  const run = useCallback(
    async (options: SendOptions) => {
      if (inFlight.current) return;
      const current = attemptRef.current;
      const draft = textRef.current;
      const isRetry =
        current.state === 'failed' &&
        current.text === draft &&
        metaRef.current?.profileId === profile.id;
      const sendMode = options.mode ?? (isRetry ? metaRef.current!.mode : mode);
      if (!isRetry) {
        const g = guardsRef.current;
        // Switching to the flow mode lifts the "no conversation" block.
        const blockers = g.blockers.filter(
          (b) => !(b === 'no-conversation' && sendMode === 'flow'),
        );
        if (blockers.length > 0) return;
        if (g.needsConfirmation === 'quiet-hours' && !options.quietConfirmed) {
          setConfirming(true);
          return;
        }
      }
      inFlight.current = true;
      setConfirming(false);
      setSent(null);
      try {
        let started: Attempt;
        if (isRetry) {
          started = apply({ type: 'retry' });
          metaRef.current = { ...metaRef.current!, mode: sendMode };
        } else {
          if (current.state !== 'draft') apply({ type: 'reset', key: newIdempotencyKey() });
          started = apply({ type: 'submit', text: draft });
          metaRef.current = {
            profileId: profile.id,
            mode: sendMode,
            firstAttemptAt: deps.now().toISOString(),
            conversationId: null,
            quietConfirmed: options.quietConfirmed === true,
          };
        }
        if (started.state !== 'sending') return;
        const meta = metaRef.current!;
        persist();
        const previous = current.state === 'failed' ? current.error : null;
        latest.current.onLocalMessage({
          type: 'upsert',
          message: localOutboundMessage(
            started.key,
            started.text,
            deps.now().toISOString(),
            'pending',
          ),
        });
        const result = await sendReply(
          deps,
          {
            key: started.key,
            text: started.text,
            mode: sendMode,
            profileId: meta.profileId,
            flowMetricName: settings.flowMetricName,
            ticketId,
            firstAttemptAt: meta.firstAttemptAt,
            conversationId: meta.conversationId,
            // Switching an uncertain message to another mode is never offered, so this only
            // applies to a conversations retry.
            previouslyUncertain: isRetry && previous?.kind === 'uncertain',
            resendIfNotFound: options.resendIfNotFound === true,
          },
          describe,
        ).catch((): Awaited<ReturnType<typeof sendReply>> => ({
          status: 'failed',
          key: started.key,
          // Should not happen (sendReply classifies every error); be safe, not sorry.
          failure:
            sendMode === 'conversations'
              ? { kind: 'uncertain', checkedAt: null }
              : { kind: 'network' },
          conversationId: meta.conversationId,
        }));
        metaRef.current = { ...meta, conversationId: result.conversationId };
        if (result.status === 'sent') {
          apply({ type: 'succeeded', key: started.key });
          const message = localOutboundMessage(
            started.key,
            started.text,
            result.acceptedAt,
            'sent',
          );
          latest.current.onLocalMessage({ type: 'upsert', message });
          noteBody.current =
            result.note === 'failed'
              ? describe({
                  text: result.text,
                  mode: result.mode,
                  acceptedAt: new Date(result.acceptedAt),
                  conversationId: result.conversationId,
                  key: result.key,
                  confirmedAfterUncertain: result.confirmedAfterUncertain,
                })
              : null;
          // The text went out: clear the draft (unless the agent already typed the next one).
          if (textRef.current === started.text) {
            textRef.current = '';
            if (mounted.current) setTextState('');
          }
          apply({ type: 'reset', key: newIdempotencyKey() });
          metaRef.current = null;
          if (mounted.current) setSent(result);
          latest.current.onSent?.(message);
        } else {
          apply({ type: 'failed', key: started.key, error: result.failure });
          latest.current.onLocalMessage({ type: 'remove', id: started.key });
          if (result.failure.kind === 'no-conversation' && mounted.current) {
            setNoConversationFor(meta.profileId);
          }
        }
      } finally {
        inFlight.current = false;
        persist();
      }
    },
    [apply, deps, describe, mode, persist, profile.id, settings.flowMetricName, ticketId],
  );

  const failure = attempt.state === 'failed' ? attempt.error : null;
  const canOfferFlow =
    settings.replyMode === 'conversations' &&
    modeOverride !== 'flow' &&
    settings.flowMetricName.trim() !== '' &&
    (failure?.kind === 'conversations-unavailable' ||
      failure?.kind === 'no-conversation' ||
      (failure === null && guards.blockers.includes('no-conversation')));

  const retryNote = useCallback(async () => {
    const body = noteBody.current;
    if (!body || ticketId === null) return;
    setNoteRetrying(true);
    const state = await writeReplyNote(deps, ticketId, body);
    if (state === 'written') noteBody.current = null;
    if (!mounted.current) return;
    setNoteRetrying(false);
    setSent((s) => (s ? { ...s, note: state } : s));
  }, [deps, ticketId]);

  return {
    text,
    setText,
    segments,
    guards,
    mode,
    attempt,
    failure,
    confirmingQuietHours,
    sent,
    noteRetrying,
    canOfferFlow,
    send: () => void run({}),
    confirmQuietHours: () => void run({ quietConfirmed: true }),
    cancelQuietHours: () => setConfirming(false),
    sendThroughFlow: () => {
      setModeOverride('flow');
      void run({ mode: 'flow' });
    },
    sendAgainAnyway: () => void run({ resendIfNotFound: true }),
    retryNote: () => void retryNote(),
  };
}
