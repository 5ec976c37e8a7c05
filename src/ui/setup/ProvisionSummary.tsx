import type { ProvisionStep } from '../../metrics/provision';
import { useI18n } from '../common/I18nProvider';
import { objectLabel } from './reasons';

/** What provisioning did, one line per Zendesk object. */
export function ProvisionSummary({ steps }: { steps: ProvisionStep[] }) {
  const { t } = useI18n();
  if (steps.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid="provision-summary">
      {steps.map((step, i) => (
        <li key={`${step.object}-${i}`} data-outcome={step.outcome}>
          {objectLabel(t, step.object)}: {t(`setup.outcome.${step.outcome}`)}
        </li>
      ))}
    </ul>
  );
}
