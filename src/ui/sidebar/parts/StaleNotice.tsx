import { Alert } from '@zendeskgarden/react-notifications';
import styled from 'styled-components';
import { isKlaviyoError } from '../../../klaviyo';
import { useI18n } from '../../common/I18nProvider';
import { retryTime } from '../../common/errorText';

const Notice = styled(Alert)`
  margin-bottom: ${({ theme }) => theme.space.sm};
`;

/**
 * Data is shown from the cache while a refresh was rate-limited: say so, and when the next try
 * is. Other failed refreshes keep the data on screen silently (the Refresh button tries again).
 */
export function StaleNotice({ error, since }: { error: unknown; since: number }) {
  const { t, format } = useI18n();
  if (!isKlaviyoError(error) || error.kind !== 'rate-limited') return null;
  return (
    <Notice type="warning" role="status">
      <Alert.Paragraph>
        {t('sidebar.errors.rate_limited_cached', { time: retryTime(error, format, since) ?? '' })}
      </Alert.Paragraph>
    </Notice>
  );
}
