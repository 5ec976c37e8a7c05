import { Alert } from '@zendeskgarden/react-notifications';
import { MD, SM } from '@zendeskgarden/react-typography';
import type { LocalTimeStatus } from '../../../sms/model';
import { useI18n } from '../../common/I18nProvider';
import styled from 'styled-components';
import { Section } from '../parts/Section';

const Clock = styled(MD)`
  margin: 0;
`;

const Note = styled(SM)`
  margin: 0;
`;

const Warning = styled(Alert)`
  margin-top: ${({ theme }) => theme.space.xs};
`;

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
          <Clock tag="p" data-testid="local-time">
            {t('sidebar.local_time.now', {
              time: format.time(status.now, status.timezone),
              zone: status.timezone,
            })}
          </Clock>
          {status.source === 'phone' && <Note tag="p">{t('sidebar.local_time.from_phone')}</Note>}
        </>
      ) : (
        <Note tag="p">{t('sidebar.local_time.unknown')}</Note>
      )}
      {!status.inWindow && (
        <Warning type="warning" role="status">
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
        </Warning>
      )}
    </Section>
  );
}
