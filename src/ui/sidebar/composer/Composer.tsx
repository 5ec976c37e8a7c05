import { Button } from '@zendeskgarden/react-buttons';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { getColor } from '@zendeskgarden/react-theming';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import styled from 'styled-components';
import { useI18n } from '../../common/I18nProvider';
import type { ReplyDeps } from '../../../reply/types';
import { KLAVIYO_MAX_SMS_CHARACTERS } from '../../../sms/segments';
import { useZaf } from '../../../zaf/context';
import { FailureNotice } from './FailureNotice';
import { QuickReplies, insertAt } from './QuickReplies';
import type { ComposerProps } from './types';
import { useComposer } from './useComposer';

const Wrapper = styled.div`
  display: flex;
  flex-direction: column;
  gap: 8px;
`;

const Counter = styled.div`
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  gap: 4px 8px;
  margin-top: 4px;
  font-size: ${({ theme }) => theme.fontSizes.sm};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

const Row = styled.div`
  display: flex;
  align-items: flex-start;
  gap: 8px;
  & > :first-child {
    flex: 1 1 auto;
    min-width: 0;
  }
`;

const Actions = styled.div`
  display: flex;
  gap: ${({ theme }) => theme.space.xs};
  margin-top: ${({ theme }) => theme.space.xs};
`;

const NoteRetry = styled(Button)`
  margin-top: ${({ theme }) => theme.space.xs};
`;

const Reason = styled.p`
  margin: 0;
  font-size: ${({ theme }) => theme.fontSizes.sm};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

/**
 * "Write a message to send" says what an empty box and a greyed-out Send already show: read to
 * screen readers as the button's description, not drawn, so the first screen keeps its line.
 */
const SpokenReason = styled.p`
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
`;

/**
 * The keyboard hint in small type under the counter, so the box itself sits right under the
 * conversation in the agent's first screen.
 */
const ShortcutHint = styled(Field.Hint)`
  font-size: ${({ theme }) => theme.fontSizes.sm};
  line-height: ${({ theme }) => theme.lineHeights.sm};
`;

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * The SMS reply box at the bottom of the thread: live character and segment count, quick replies,
 * the reasons Send is disabled, quiet-hours confirmation, and every send outcome with the text
 * kept until Klaviyo accepted it.
 */
export function Composer(props: ComposerProps & { deps?: ReplyDeps }) {
  const { deps, ...composerProps } = props;
  const model = useComposer(composerProps, deps);
  const { t, format } = useI18n();
  const { settings } = useZaf();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const reasonId = useId();
  const { consent, localTime } = props;
  const { guards, segments, failure, attempt, sent } = model;
  const sending = attempt.state === 'sending';

  // A 429 says when to try again: retrying earlier only spends the team's shared quota.
  const retryAt = failure?.kind === 'rate-limited' ? Date.parse(failure.retryAt) : 0;
  const [, setTick] = useState(0);
  const retryBlocked = retryAt > Date.now();
  useEffect(() => {
    if (!retryBlocked) return;
    const timer = setTimeout(() => setTick((n) => n + 1), retryAt - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [retryAt, retryBlocked]);

  useLayoutEffect(() => {
    if (caret.current === null || !textareaRef.current) return;
    textareaRef.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const insertSnippet = (snippet: string) => {
    const el = textareaRef.current;
    const start = el?.selectionStart ?? model.text.length;
    const end = el?.selectionEnd ?? model.text.length;
    const next = insertAt(model.text, snippet, start, end);
    caret.current = next.caret;
    model.setText(next.text);
    el?.focus();
  };

  const isRetryOfFailed = attempt.state === 'failed' && attempt.text === model.text;
  const blockers = guards.blockers.filter((b) => b !== 'sending');
  const disabled =
    sending ||
    model.confirmingQuietHours ||
    (isRetryOfFailed ? retryBlocked || failure?.kind === 'uncertain' : blockers.length > 0);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    if (event.repeat || disabled) return;
    model.send();
  };

  let reason: string | null = null;
  let reasonIsEvident = false;
  if (!isRetryOfFailed) {
    if (blockers.includes('no-consent')) {
      reason = t('composer.blocked.no_consent', {
        reason: consent.reason
          ? t(`composer.consent_reason.${consent.reason}`)
          : t('composer.consent_reason.unknown-consent'),
      });
    } else if (blockers.includes('no-conversation')) {
      reason = t('composer.blocked.no_conversation');
    } else if (blockers.includes('empty')) {
      reason = t('composer.blocked.empty');
      reasonIsEvident = true;
    }
  }

  return (
    <Wrapper data-testid="composer" data-mode={model.mode}>
      {model.confirmingQuietHours && (
        <Alert type="warning" role="alertdialog" aria-label={t('composer.quiet.title')}>
          <Alert.Title>{t('composer.quiet.title')}</Alert.Title>
          <Alert.Paragraph>
            {t('composer.quiet.body', {
              time: format.time(localTime.now, localTime.timezone ?? undefined),
              zone: localTime.timezone ?? '',
              start: hourLabel(settings.quietHoursStart),
              end: hourLabel(settings.quietHoursEnd),
            })}
            {localTime.opensAt && (
              <> {t('composer.quiet.opens', { time: format.time(localTime.opensAt) })}</>
            )}
          </Alert.Paragraph>
          <Actions>
            <Button size="small" onClick={model.confirmQuietHours}>
              {t('composer.quiet.confirm')}
            </Button>
            <Button size="small" isBasic onClick={model.cancelQuietHours}>
              {t('composer.quiet.cancel')}
            </Button>
          </Actions>
        </Alert>
      )}

      {failure && (
        <FailureNotice
          failure={failure}
          busy={sending}
          retryBlocked={retryBlocked}
          canOfferFlow={model.canOfferFlow}
          flowMetricName={settings.flowMetricName}
          onRetry={model.send}
          onSendAgain={model.sendAgainAnyway}
          onUseFlow={model.sendThroughFlow}
        />
      )}
      {!failure && model.canOfferFlow && (
        <div>
          <Button
            size="small"
            onClick={model.sendThroughFlow}
            disabled={sending || model.text.trim() === ''}
          >
            {t('composer.failure.use_flow')}
          </Button>
          <Reason>
            {t('composer.failure.use_flow_hint', { metric: settings.flowMetricName })}
          </Reason>
        </div>
      )}

      {sent && (
        <Alert
          type={sent.note === 'failed' ? 'warning' : 'success'}
          role="status"
          data-testid="composer-sent"
        >
          <Alert.Paragraph>
            {sent.confirmedAfterUncertain
              ? t('composer.sent.confirmed')
              : sent.mode === 'flow'
                ? t('composer.sent.flow', { time: format.time(sent.acceptedAt) })
                : t('composer.sent.conversations', { time: format.time(sent.acceptedAt) })}
          </Alert.Paragraph>
          {sent.note === 'failed' && (
            <>
              <Alert.Paragraph>{t('composer.sent.note_failed')}</Alert.Paragraph>
              <NoteRetry
                size="small"
                isBasic
                onClick={model.retryNote}
                disabled={model.noteRetrying}
              >
                {t('composer.sent.note_retry')}
              </NoteRetry>
            </>
          )}
        </Alert>
      )}

      {guards.warnings.includes('self-send') && (
        <Alert type="warning" data-testid="composer-self-send">
          <Alert.Paragraph>{t('composer.self_send')}</Alert.Paragraph>
        </Alert>
      )}

      <Field>
        <Field.Label>{t('composer.label')}</Field.Label>
        <Textarea
          ref={textareaRef}
          value={model.text}
          minRows={2}
          maxRows={10}
          placeholder={t('composer.placeholder')}
          onChange={(event) => model.setText(event.target.value)}
          onKeyDown={onKeyDown}
          validation={segments.tooLong ? 'error' : undefined}
          aria-describedby={reason ? reasonId : undefined}
        />
        <Counter aria-live="polite" data-testid="composer-counter">
          <span>
            {t('composer.counter', {
              characters: format.number(segments.characters),
              segments: format.number(segments.segments),
              encoding: segments.encoding,
            })}
          </span>
          {segments.characters > 0 && !segments.tooLong && (
            <span>
              {t('composer.remaining', { count: format.number(segments.remainingInSegment) })}
            </span>
          )}
        </Counter>
        <ShortcutHint>{t('composer.shortcut_hint')}</ShortcutHint>
        {segments.tooLong ? (
          <Field.Message validation="error">
            {t('composer.too_long', { max: format.number(KLAVIYO_MAX_SMS_CHARACTERS) })}
          </Field.Message>
        ) : (
          guards.warnings.includes('multi-segment') && (
            <Field.Message validation="warning">
              {t('composer.multi_segment', { segments: format.number(segments.segments) })}
              {segments.encoding === 'UCS-2' && <> {t('composer.ucs2')}</>}
            </Field.Message>
          )
        )}
      </Field>

      <Row>
        <QuickReplies replies={settings.quickReplies} disabled={sending} onInsert={insertSnippet} />
        <Button
          isPrimary
          size="small"
          onClick={() => {
            model.send();
            // The button is disabled while sending: keep the agent's focus in the text box.
            textareaRef.current?.focus();
          }}
          disabled={disabled}
          aria-describedby={reason ? reasonId : undefined}
        >
          {sending ? t('composer.sending') : t('composer.send')}
        </Button>
      </Row>
      {reason && (
        <Reason
          as={reasonIsEvident ? SpokenReason : undefined}
          id={reasonId}
          data-testid="composer-blocked"
        >
          {reason}
        </Reason>
      )}
    </Wrapper>
  );
}
