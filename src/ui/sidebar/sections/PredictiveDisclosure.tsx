import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { useId, type ReactNode } from 'react';
import type { PredictiveAnalytics } from '../../../klaviyo';
import { useI18n } from '../../common/I18nProvider';
import { StatusMessage } from '../../common/StatusMessage';
import { ErrorNotice } from '../parts/ErrorNotice';
import styled from 'styled-components';
import { Fact, Facts } from '../parts/Section';

const FiguresTitle = styled(SM)`
  margin: 0 0 ${({ theme }) => theme.space.xxs};
`;

const Disclosure = styled.div`
  margin-top: ${({ theme }) => theme.space.xs};
`;

const Panel = styled.div`
  &:not(:empty) {
    margin-top: ${({ theme }) => theme.space.xs};
  }
`;

/** Klaviyo's predicted figures as label/value rows; nothing when none of them is known. */
export function PredictiveFigures({ data }: { data: PredictiveAnalytics }) {
  const { t, format } = useI18n();
  const money = (v: number) => format.number(v, { maximumFractionDigits: 2 });
  const rows: Array<[string, string]> = [];
  if (data.historicClv !== null)
    rows.push([t('sidebar.predictive.historic_clv'), money(data.historicClv)]);
  if (data.predictedClv !== null)
    rows.push([t('sidebar.predictive.predicted_clv'), money(data.predictedClv)]);
  if (data.churnProbability !== null)
    rows.push([t('sidebar.predictive.churn'), format.percent(data.churnProbability)]);
  if (data.expectedDateOfNextOrder)
    rows.push([t('sidebar.predictive.next_order'), format.date(data.expectedDateOfNextOrder)]);
  if (rows.length === 0) return null;
  return (
    <div data-testid="predictive">
      <FiguresTitle tag="h3" isBold>
        {t('sidebar.predictive.heading')}
      </FiguresTitle>
      <Facts>
        {rows.map(([label, value]) => (
          <Fact key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fact>
        ))}
      </Facts>
    </div>
  );
}

function hasFigures(data: PredictiveAnalytics): boolean {
  return (
    data.historicClv !== null ||
    data.predictedClv !== null ||
    data.churnProbability !== null ||
    Boolean(data.expectedDateOfNextOrder)
  );
}

/**
 * Lifetime value and churn risk, collapsed by default: they are a request of their own (asking the
 * profile lookup for them would cut the whole account's profile-search limit to 150 a minute), so
 * they load only when the agent opens them.
 */
export function PredictiveDisclosure({
  expanded,
  onToggle,
  data,
  loading,
  error,
  since,
  onRetry,
}: {
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  /** undefined until loaded; null when Klaviyo has no predictions for this customer. */
  data: PredictiveAnalytics | null | undefined;
  loading: boolean;
  error?: unknown;
  /** When the error happened (ms), for "retrying at". */
  since?: number;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  const panelId = useId();
  let body: ReactNode = null;
  if (expanded) {
    if (data === undefined) {
      body =
        error && !loading ? (
          <ErrorNotice error={error} onRetry={onRetry} since={since} />
        ) : (
          <StatusMessage kind="loading" lines={2} label={t('sidebar.predictive.loading')} />
        );
    } else if (data === null || !hasFigures(data)) {
      body = <StatusMessage kind="empty">{t('sidebar.predictive.none')}</StatusMessage>;
    } else {
      body = <PredictiveFigures data={data} />;
    }
  }
  return (
    <Disclosure data-testid="predictive-disclosure">
      {/* A link-styled toggle: one text line, not a button's height, in the first screen. */}
      <Button
        size="small"
        isLink
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={() => onToggle(!expanded)}
      >
        {expanded ? t('sidebar.predictive.hide') : t('sidebar.predictive.show')}
      </Button>
      <Panel id={panelId}>{body}</Panel>
    </Disclosure>
  );
}
