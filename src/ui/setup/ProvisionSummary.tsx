import type { MessageKey, Translate } from '../../i18n';
import type { StepAction, Summary } from '../../provision';
import { useI18n } from '../common/I18nProvider';
import { Lines } from './layout';

/** A step's sentence ("Update Trigger “Klaviyo: Opened Ticket”"), in the agent's language. */
export function summaryText(t: Translate, summary: Summary): string {
  return t(summary.key as MessageKey, {
    ...(summary.values ?? {}),
    object: t(summary.object as MessageKey),
  });
}

export interface SummaryLine {
  key: string;
  action: StepAction;
  summary: Summary;
  alreadyGone?: boolean;
}

const PAST: Record<StepAction, 'created' | 'updated' | 'unchanged' | 'removed'> = {
  create: 'created',
  update: 'updated',
  keep: 'unchanged',
  delete: 'removed',
};

/**
 * What provisioning will do (`plan`: "Update Webhook") or did (`done`: "Webhook: updated"), one
 * line per step.
 */
export function ProvisionSummary({
  steps,
  tense = 'done',
  testId = tense === 'done' ? 'provision-summary' : 'provision-plan',
}: {
  steps: SummaryLine[];
  tense?: 'plan' | 'done';
  testId?: string;
}) {
  const { t } = useI18n();
  if (steps.length === 0) return null;
  return (
    <Lines data-testid={testId}>
      {steps.map((step) => (
        <li key={step.key} data-action={step.action} data-step={step.key}>
          {tense === 'plan'
            ? summaryText(t, step.summary)
            : step.alreadyGone
              ? t('setup.plan.gone', { object: t(step.summary.object as MessageKey) })
              : `${t(step.summary.object as MessageKey)}: ${t(`setup.outcome.${PAST[step.action]}`)}`}
        </li>
      ))}
    </Lines>
  );
}
