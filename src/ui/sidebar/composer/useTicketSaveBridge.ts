import { useEffect, useRef } from 'react';
import { useI18n } from '../../common/I18nProvider';
import type { Formatters, Translate } from '../../../i18n';
import { describeReplyNote } from '../../../reply/note';
import { decidePathSave, type PathWarned, type PathWarning } from '../../../reply/path-save';
import { commentToSmsText } from '../../../reply/plain-text';
import {
  decideSave,
  isPublicReply,
  type SaveBlockReason,
  type SaveBridgeMemory,
} from '../../../reply/save-bridge';
import { sendReply } from '../../../reply/send-reply';
import type { ReplyDeps, ReplyFailure } from '../../../reply/types';
import { newIdempotencyKey } from '../../../sms/idempotency';
import { countSegments } from '../../../sms/segments';
import { localOutboundMessage } from '../../../sms/thread';
import { useZaf } from '../../../zaf/context';
import {
  onTicketSave,
  onTicketSubmitDone,
  readEditorComment,
  SaveBlocked,
  type EditorComment,
} from '../../../zaf/save-hook';
import { failureText } from './failureText';
import type { TicketSaveBridgeInput } from './types';
import { useReplyDeps } from './useReplyDeps';

interface Words {
  t: Translate;
  format: Formatters;
  isAdmin: boolean;
}

function blockText(reason: SaveBlockReason, { t, format }: Words): string {
  switch (reason.kind) {
    case 'no-profile':
      return t('composer.save.no_profile');
    case 'no-consent':
      return t('composer.blocked.no_consent', {
        reason: t(`composer.consent_reason.${reason.consent.reason ?? 'unknown-consent'}`),
      });
    case 'too-long':
      return t('composer.save.too_long');
    case 'quiet-hours':
      return t('composer.save.quiet_hours', {
        time: format.time(reason.localTime.now, reason.localTime.timezone ?? undefined),
      });
  }
}

function pathWarningText(warning: PathWarning, { t, format }: Words): string {
  switch (warning.kind) {
    case 'no-profile':
      return t('reply_path.warn.no_profile');
    case 'no-consent':
      return t('reply_path.warn.no_consent');
    case 'quiet-hours':
      return t('reply_path.warn.quiet_hours', {
        time: format.time(warning.localTime.now, warning.localTime.timezone ?? undefined),
      });
    case 'too-long':
      return t('reply_path.warn.too_long', { limit: warning.limit });
    case 'attachments':
      return t('reply_path.warn.attachments', { count: warning.count });
    case 'self-send':
      return t('reply_path.warn.self_send');
  }
}

function pathWarningsText(warnings: PathWarning[], words: Words): string {
  return [
    words.t('reply_path.warn.intro'),
    ...warnings.map((w) => pathWarningText(w, words)),
    words.t('reply_path.warn.again'),
  ].join(' ');
}

function failureReason(failure: ReplyFailure, words: Words): string {
  if (failure.kind === 'uncertain') {
    return failure.checkedAt
      ? words.t('composer.save.uncertain_not_found')
      : words.t('composer.save.uncertain');
  }
  const text = failureText(failure, words);
  return text.title ? `${text.title}. ${text.body}` : text.body;
}

/**
 * Ticket editor bridge (setting `send_public_replies_as_sms`, off by default): while the ticket
 * sidebar is mounted, a public reply the agent submits on a ticket tagged with the SMS tag is sent
 * as SMS through Klaviyo before Zendesk saves it. If it cannot be sent the save is stopped with the
 * reason and the text stays in the editor. Internal notes and untagged tickets are never touched.
 * Saving the same text again reuses its idempotency key, so a retry never texts twice. No internal
 * note is added: the public comment itself records the reply on the ticket, and updating the ticket
 * through the API while Zendesk is saving it would collide with that save.
 */
export function useTicketSaveBridge(input: TicketSaveBridgeInput, depsOverride?: ReplyDeps): void {
  const { client, settings, currentUser } = useZaf();
  const { t, format } = useI18n();
  const latest = useRef(input);
  latest.current = input;
  const memory = useRef<{ ticketId: number | null; value: SaveBridgeMemory } | null>(null);
  // Texted, but Zendesk has not said the ticket update went through: if that update failed and
  // the agent submits the same text again, it must not be texted a second time.
  const textedUnsaved = useRef<{ ticketId: number | null; text: string; profileId: string } | null>(
    null,
  );
  const words = useRef<Words>({ t, format, isAdmin: currentUser.role === 'admin' });
  words.current = { t, format, isAdmin: currentUser.role === 'admin' };

  const { klaviyo } = input;
  const deps = useReplyDeps(klaviyo, depsOverride);

  // With the Zendesk-hosted reply path installed its trigger texts every public reply: the bridge
  // then never sends (exactly one SMS per reply) and only warns about what the trigger cannot check.
  const pathOn = settings.replyPathInstalled;
  const enabled = settings.sendPublicRepliesAsSms || pathOn;
  const { smsTicketTag, replyMode, flowMetricName } = settings;
  const agentEmail = currentUser.email;
  const pathWarned = useRef<{ ticketId: number | null; value: PathWarned } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const checkWithPath = (editor: EditorComment, text: string) => {
      const { ticketId, profile, consent, localTime } = latest.current;
      const tag = smsTicketTag.toLowerCase();
      const sms = editor.tags.some((t) => t.toLowerCase() === tag);
      if (!sms || !isPublicReply(editor.type) || text.trim() === '') return;
      const now = deps.now().getTime();
      const warned = pathWarned.current?.ticketId === ticketId ? pathWarned.current.value : null;
      const decision = decidePathSave(
        { text, attachments: editor.attachments, profile, consent, localTime, agentEmail },
        warned,
        now,
      );
      if (decision.action === 'allow') {
        pathWarned.current = null;
        return;
      }
      pathWarned.current = { ticketId, value: { text, at: now } };
      throw new SaveBlocked(pathWarningsText(decision.warnings, words.current));
    };
    const check = async () => {
      const editor = await readEditorComment(client);
      const text = commentToSmsText(editor.text, editor.richText);
      if (pathOn) return checkWithPath(editor, text);
      const { ticketId, profile, consent, localTime, onLocalMessage } = latest.current;
      const w = words.current;
      const blocked = (reason: string) =>
        new SaveBlocked(w.t('composer.save.blocked', { reason, tag: smsTicketTag }));
      const texted = textedUnsaved.current;
      if (
        texted &&
        texted.ticketId === ticketId &&
        texted.text === text &&
        texted.profileId === profile?.id
      ) {
        return;
      }
      const remembered = memory.current?.ticketId === ticketId ? memory.current.value : null;
      const now = deps.now().getTime();
      const decision = decideSave(
        { text, type: editor.type, tags: editor.tags },
        { enabled: true, smsTicketTag },
        { profile, consent, localTime, segments: text ? countSegments(text) : null },
        remembered,
        now,
      );
      if (decision.action === 'allow') return;
      if (decision.action === 'block') {
        if (decision.reason.kind === 'quiet-hours' && profile) {
          const same =
            remembered && remembered.text === text && remembered.profileId === profile.id;
          memory.current = {
            ticketId,
            value: {
              key: same ? remembered.key : newIdempotencyKey(),
              text,
              profileId: profile.id,
              firstAttemptAt: same ? remembered.firstAttemptAt : new Date(now).toISOString(),
              failure: same ? remembered.failure : null,
              conversationId: same ? remembered.conversationId : null,
              quietWarnedAt: now,
            },
          };
        }
        throw blocked(blockText(decision.reason, w));
      }

      const retryOf = decision.retryOf;
      const attempt: SaveBridgeMemory = retryOf ?? {
        key: newIdempotencyKey(),
        text,
        profileId: decision.profileId,
        firstAttemptAt: new Date(now).toISOString(),
        failure: null,
        conversationId: null,
        quietWarnedAt: null,
      };
      memory.current = { ticketId, value: attempt };
      const previous = attempt.failure;
      onLocalMessage?.({
        type: 'upsert',
        message: localOutboundMessage(attempt.key, text, new Date(now).toISOString(), 'pending'),
      });
      const result = await sendReply(
        deps,
        {
          key: attempt.key,
          text,
          mode: replyMode,
          profileId: attempt.profileId,
          flowMetricName,
          ticketId,
          writeNote: false,
          firstAttemptAt: attempt.firstAttemptAt,
          conversationId: attempt.conversationId,
          previouslyUncertain: previous?.kind === 'uncertain',
          resendIfNotFound: previous?.kind === 'uncertain' && previous.checkedAt !== null,
        },
        (facts) => describeReplyNote(w.t, w.format, flowMetricName, facts),
      );
      if (result.status === 'sent') {
        memory.current = null;
        textedUnsaved.current = { ticketId, text, profileId: attempt.profileId };
        onLocalMessage?.({
          type: 'upsert',
          message: localOutboundMessage(attempt.key, text, result.acceptedAt, 'sent'),
        });
        return;
      }
      memory.current = {
        ticketId,
        value: { ...attempt, failure: result.failure, conversationId: result.conversationId },
      };
      onLocalMessage?.({ type: 'remove', id: attempt.key });
      throw blocked(failureReason(result.failure, w));
    };
    const offSave = onTicketSave(client, check, words.current.t('common.unexpected_error'));
    const offDone = onTicketSubmitDone(client, () => {
      textedUnsaved.current = null;
    });
    return () => {
      offSave();
      offDone();
    };
  }, [enabled, pathOn, agentEmail, client, deps, smsTicketTag, replyMode, flowMetricName]);
}
