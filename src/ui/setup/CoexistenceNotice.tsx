import { useQuery } from '@tanstack/react-query';
import { Alert } from '@zendeskgarden/react-notifications';
import styled from 'styled-components';
import { RECENT_DAYS, type Coexistence } from '../../provision';
import { useI18n } from '../common/I18nProvider';
import { StatusMessage } from '../common/StatusMessage';
import { readCoexistence, type CoexistenceReader } from './coexistence';
import { setupKeys } from './queries';
import { describeError } from './reasons';

const Notice = styled.div`
  max-width: 720px;
  margin-bottom: ${({ theme }) => theme.space.lg};
`;

const Doubled = styled.ul`
  margin: ${({ theme }) => `${theme.space.xs} 0`};
  padding-left: ${({ theme }) => theme.space.lg};
`;

/**
 * One warning for the whole page: when Klaviyo's own Zendesk integration runs on the same Klaviyo
 * account, each of this page's features would do its work a second time. Says what would double
 * and which switch turns the other one off; says nothing when that integration was never there.
 */
export function CoexistenceNotice({ klaviyo }: { klaviyo: CoexistenceReader }) {
  const { t, format } = useI18n();
  const query = useQuery<Coexistence>({
    queryKey: setupKeys.coexistence,
    queryFn: () => readCoexistence(klaviyo, new Date()),
    // Klaviyo's integration is switched on or off in minutes, not seconds.
    staleTime: 5 * 60_000,
  });
  if (query.isPending) return null;
  if (query.isError) {
    return (
      <Notice data-testid="coexistence" data-state="unknown">
        <StatusMessage kind="error" type="warning" onRetry={() => void query.refetch()}>
          {t('setup.coexistence.check_failed', { reason: describeError(t, query.error) })}
        </StatusMessage>
      </Notice>
    );
  }
  const found = query.data;
  if (found.state === 'absent') return null;
  const metrics = found.metrics.join(', ');
  if (found.state === 'dormant') {
    return (
      <Notice data-testid="coexistence" data-state="dormant">
        <StatusMessage kind="empty">
          {t('setup.coexistence.dormant', { metrics, days: RECENT_DAYS })}
        </StatusMessage>
      </Notice>
    );
  }
  return (
    <Notice data-testid="coexistence" data-state="active">
      <Alert type="warning" role="alert">
        <Alert.Title>{t('setup.coexistence.title')}</Alert.Title>
        <Alert.Paragraph>
          {t('setup.coexistence.evidence', {
            metrics,
            date: format.date(found.lastEventAt),
          })}
        </Alert.Paragraph>
        <Doubled>
          <li>{t('setup.coexistence.doubled.metrics')}</li>
          <li>{t('setup.coexistence.doubled.inbound')}</li>
          <li>{t('setup.coexistence.doubled.replies')}</li>
        </Doubled>
        <Alert.Paragraph>{t('setup.coexistence.fix_sms')}</Alert.Paragraph>
        <Alert.Paragraph>{t('setup.coexistence.fix_metrics')}</Alert.Paragraph>
      </Alert>
    </Notice>
  );
}
