import { Alert } from '@zendeskgarden/react-notifications';
import type { MessageKey } from '../../i18n';
import type { ApplyOutcome } from '../../provision';
import { useI18n } from '../common/I18nProvider';
import { ProvisionSummary } from './ProvisionSummary';
import { describeStepFailure } from './reasons';

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
