import { MD, SM } from '@zendeskgarden/react-typography';
import type { LocalTimeStatus } from '../../../sms/model';
import { useI18n } from '../../common/I18nProvider';
import { getColor } from '@zendeskgarden/react-theming';
import styled from 'styled-components';
import { Section } from '../parts/Section';

const Clock = styled(MD)`
  margin: 0;
`;

const Note = styled(SM)`
  margin: 0;
`;

/**
 * Outside the window: one compact line-block under the clock, in Garden's warning colours, so the
 * warning, the latest messages and the composer still share the agent's first screen.
 */
const Warning = styled(SM)`
  margin: ${({ theme }) => theme.space.xxs} 0 0;
  border-left: ${({ theme }) => theme.borderWidths.md} solid
    ${({ theme }) => getColor({ theme, variable: 'border.warningEmphasis' })};
  background: ${({ theme }) => getColor({ theme, variable: 'background.warning' })};
  padding: ${({ theme }) => `${theme.space.xxs} ${theme.space.xs}`};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.warning' })};
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
        <Warning tag="p" role="status" data-testid="outside-texting-hours">
          <strong>{t('sidebar.local_time.outside_title')}.</strong>{' '}
          {t('sidebar.local_time.outside', {
            start: hourLabel(window.start, format),
            end: hourLabel(window.end, format),
          })}{' '}
          {status.opensAt &&
            t('sidebar.local_time.opens', {
              time: format.time(status.opensAt, status.timezone ?? undefined),
              relative: format.relative(status.opensAt),
            })}
        </Warning>
      )}
    </Section>
  );
}
