import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import { useMemo, useState, type ReactNode } from 'react';
import styled from 'styled-components';
import type { KlaviyoEvent } from '../../klaviyo';
import { useI18n } from '../common/I18nProvider';
import { StatusMessage } from '../common/StatusMessage';
import { ErrorNotice } from './ErrorNotice';
import { keyProperties } from './eventDetails';
import { ListRow, Section, Wrap } from './Section';
import { clip } from './text';
import { garden } from './theme';

/** How many events the feed shows. */
export const ACTIVITY_LIMIT = 20;
const ALL = '';

const Props = styled.dl`
  margin: 2px 0 0;
  font-size: ${(p) => garden(p).fontSizes.sm};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
  dt,
  dd {
    display: inline;
    margin: 0;
    overflow-wrap: anywhere;
  }
  dt::after {
    content: ': ';
  }
  div {
    overflow-wrap: anywhere;
  }
`;

export interface ActivitySectionProps {
  /** Newest first; SMS messages already removed. */
  events: KlaviyoEvent[] | undefined;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** The profile's latest events, filterable by metric, each with its time and key properties. */
export function ActivitySection(props: ActivitySectionProps) {
  const { t, format } = useI18n();
  const [metric, setMetric] = useState(ALL);
  const { events } = props;
  const metrics = useMemo(
    () =>
      [...new Set((events ?? []).map((e) => e.metricName).filter((n): n is string => !!n))].sort(
        (a, b) => a.localeCompare(b),
      ),
    [events],
  );
  const shown = (events ?? [])
    .filter((e) => metric === ALL || e.metricName === metric)
    .slice(0, ACTIVITY_LIMIT);

  let body: ReactNode;
  if (props.loading && !events) {
    body = <StatusMessage kind="loading" lines={3} label={t('sidebar.activity.loading')} />;
  } else if (props.error && !events) {
    body = <ErrorNotice error={props.error} onRetry={props.onRetry} />;
  } else if (!events || events.length === 0) {
    body = <StatusMessage kind="empty">{t('sidebar.activity.empty')}</StatusMessage>;
  } else {
    body = (
      <>
        <Field>
          <Field.Label isRegular>{t('sidebar.activity.filter')}</Field.Label>
          <Select isCompact value={metric} onChange={(e) => setMetric(e.target.value)}>
            <option value={ALL}>{t('sidebar.activity.all')}</option>
            {metrics.map((m) => (
              <option key={m} value={m}>
                {clip(m, 80)}
              </option>
            ))}
            {metric !== ALL && !metrics.includes(metric) && (
              <option value={metric}>{metric}</option>
            )}
          </Select>
        </Field>
        {shown.length === 0 ? (
          <StatusMessage kind="empty">{t('sidebar.activity.empty_filtered')}</StatusMessage>
        ) : (
          <ul
            style={{ margin: '8px 0 0', padding: 0 }}
            aria-label={t('sidebar.activity.list_label')}
          >
            {shown.map((event) => (
              <ListRow key={event.id} data-testid="activity-event">
                <Wrap>
                  <SM isBold tag="span">
                    {event.metricName
                      ? clip(event.metricName, 80)
                      : t('sidebar.activity.unnamed_metric')}
                  </SM>{' '}
                  <SM tag="span">
                    <time dateTime={event.datetime} title={format.dateTime(event.datetime)}>
                      {format.dateTime(event.datetime)}
                    </time>
                  </SM>
                </Wrap>
                {keyProperties(event).length > 0 && (
                  <Props>
                    {keyProperties(event).map(([name, value]) => (
                      <div key={name}>
                        <dt>{name}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </Props>
                )}
              </ListRow>
            ))}
          </ul>
        )}
        {props.hasMore && (
          <Button
            size="small"
            isBasic
            onClick={props.onLoadMore}
            disabled={props.loadingMore}
            style={{ marginTop: 8 }}
          >
            {props.loadingMore
              ? t('sidebar.activity.loading_more')
              : t('sidebar.activity.load_more')}
          </Button>
        )}
      </>
    );
  }
  return (
    <Section id="activity" title={t('sidebar.activity.heading')}>
      {body}
    </Section>
  );
}
