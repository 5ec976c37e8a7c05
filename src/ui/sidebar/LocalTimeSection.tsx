import { Alert } from '@zendeskgarden/react-notifications';
import { MD, SM } from '@zendeskgarden/react-typography';
import type { LocalTimeStatus } from '../../sms/model';
import { useI18n } from '../common/I18nProvider';
import { Section } from './Section';

function hourLabel(hour: number, format: ReturnType<typeof useI18n>['format']): string {
  const d = new Date(Date.UTC(2000, 0, 1, hour % 24, 0));
  return format.time(d, 'UTC');
}

/** The customer's clock, and a warning outside the texting window saying when it opens. */
export function LocalTimeSection({
  status,
  window,
}: {
  status: LocalTimeStatus;
  window: { start: number; end: number };
}) {
  const { t, format } = useI18n();
  return (
    <Section id="local-time" title={t('sidebar.local_time.heading')}>
      {status.timezone ? (
        <>
          <MD tag="p" style={{ margin: 0 }} data-testid="local-time">
            {t('sidebar.local_time.now', {
              time: format.time(status.now, status.timezone),
              zone: status.timezone,
            })}
          </MD>
          {status.source === 'phone' && (
            <SM tag="p" style={{ margin: 0 }}>
              {t('sidebar.local_time.from_phone')}
            </SM>
          )}
        </>
      ) : (
        <SM tag="p" style={{ margin: 0 }}>
          {t('sidebar.local_time.unknown')}
        </SM>
      )}
      {!status.inWindow && (
        <Alert type="warning" role="status" style={{ marginTop: 8 }}>
          <Alert.Title>{t('sidebar.local_time.outside_title')}</Alert.Title>
          <Alert.Paragraph>
            {t('sidebar.local_time.outside', {
              start: hourLabel(window.start, format),
              end: hourLabel(window.end, format),
            })}{' '}
            {status.opensAt &&
              t('sidebar.local_time.opens', {
                time: format.time(status.opensAt, status.timezone ?? undefined),
                relative: format.relative(status.opensAt),
              })}
          </Alert.Paragraph>
        </Alert>
      )}
    </Section>
  );
}
