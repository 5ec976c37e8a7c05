import { Alert } from '@zendeskgarden/react-notifications';
import type { MessageKey } from '../../i18n';
import type { ApplyOutcome } from '../../provision';
import { useI18n } from '../common/I18nProvider';
import { ProvisionSummary } from './ProvisionSummary';
import { StatusMessage } from '../common/StatusMessage';
import { describeError, describeStepFailure } from './reasons';

/**
 * How an applied plan ended: success with what each step did, or the failed step (its status and
 * advice in `{{reason}}`) with what was done before it, so Install again is understood to resume.
 */
export function PlanOutcome({
  outcome,
  success,
  failure,
  testId,
}: {
  outcome: ApplyOutcome;
  success: MessageKey;
  /** A sentence with `{{reason}}`. */
  failure: MessageKey;
  testId: string;
}) {
  const { t } = useI18n();
  if (outcome.ok) {
    return (
      <Alert type="success" role="status">
        <Alert.Paragraph>{t(success)}</Alert.Paragraph>
        <ProvisionSummary steps={outcome.done} testId={testId} />
      </Alert>
    );
  }
  return (
    <Alert type="error" role="alert">
      <Alert.Paragraph>
        {t(failure, { reason: describeStepFailure(t, outcome.failed) })}
      </Alert.Paragraph>
      {outcome.done.length > 0 && (
        <>
          <Alert.Paragraph>{t('setup.sync.done_before_failure')}</Alert.Paragraph>
          <ProvisionSummary steps={outcome.done} testId={testId} />
        </>
      )}
    </Alert>
  );
}

/**
 * What an Install or Remove ended in: the applied plan's outcome, or the error that stopped it
 * before any step (a read that failed); nothing while neither exists.
 */
export function ApplyResult({
  outcome,
  error,
  success,
  failure,
  testId,
}: {
  outcome: ApplyOutcome | undefined;
  error: unknown;
  success: MessageKey;
  failure: MessageKey;
  testId: string;
}) {
  const { t } = useI18n();
  if (outcome) {
    return <PlanOutcome outcome={outcome} success={success} failure={failure} testId={testId} />;
  }
  if (!error) return null;
  return (
    <StatusMessage kind="error">{t(failure, { reason: describeError(t, error) })}</StatusMessage>
  );
}
