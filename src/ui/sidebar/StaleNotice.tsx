import { Alert } from '@zendeskgarden/react-notifications';
import { isKlaviyoError } from '../../klaviyo';
import { useI18n } from '../common/I18nProvider';
import { retryTime } from './errorText';

/**
 * Data is shown from the cache while a refresh was rate-limited: say so, and when the next try
 * is. Other failed refreshes keep the data on screen silently (the Refresh button tries again).
 */
export function StaleNotice({ error, since }: { error: unknown; since: number }) {
  const { t, format } = useI18n();
  if (!isKlaviyoError(error) || error.kind !== 'rate-limited') return null;
  return (
    <Alert type="warning" role="status" style={{ marginBottom: 12 }}>
      <Alert.Paragraph>
        {t('sidebar.errors.rate_limited_cached', { time: retryTime(error, format, since) ?? '' })}
      </Alert.Paragraph>
    </Alert>
  );
}
