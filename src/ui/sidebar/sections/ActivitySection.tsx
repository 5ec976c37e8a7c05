import { Field, Select } from '@zendeskgarden/react-forms';
import { keyProperties, clip } from '../../../klaviyo';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import { useMemo, useState, type ReactNode } from 'react';
import styled from 'styled-components';
import type { KlaviyoEvent } from '../../../klaviyo';
import { useI18n } from '../../common/I18nProvider';
import { StatusMessage } from '../../common/StatusMessage';
import { CollapsibleSection } from '../parts/CollapsibleSection';
import { ErrorNotice } from '../parts/ErrorNotice';
import { LoadMoreButton } from '../parts/LoadMoreButton';
import { ListRow, PlainList, Wrap } from '../parts/Section';

/** How many events the feed shows. */
export const ACTIVITY_LIMIT = 20;
const ALL = '';

const Events = styled(PlainList)`
  margin-top: ${({ theme }) => theme.space.xs};
`;

const Props = styled.dl`
  margin: 2px 0 0;
  font-size: ${(p) => p.theme.fontSizes.sm};
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

/**
 * The profile's latest events: one summary line until opened, then filterable by metric, each with
 * its time and key properties.
 */
export function ActivitySection(props: ActivitySectionProps) {
  const { t, format } = useI18n();
  const [metric, setMetric] = useState(ALL);
  const [expanded, setExpanded] = useState(false);
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

  let summary: ReactNode = null;
  let body: ReactNode;
  if (props.loading && !events) {
    body = <StatusMessage kind="loading" lines={3} label={t('sidebar.activity.loading')} />;
    summary = t('sidebar.activity.loading');
  } else if (props.error && !events) {
    body = <ErrorNotice error={props.error} onRetry={props.onRetry} />;
    summary = t('sidebar.errors.generic_title');
  } else if (!events || events.length === 0) {
    body = <StatusMessage kind="empty">{t('sidebar.activity.empty')}</StatusMessage>;
    summary = t('sidebar.activity.empty');
  } else {
    const latest = events[0]!;
    summary = t('sidebar.activity.summary', {
      metric: latest.metricName
        ? clip(latest.metricName, 60)
        : t('sidebar.activity.unnamed_metric'),
      relative: format.relative(latest.datetime),
    });
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
          <Events aria-label={t('sidebar.activity.list_label')}>
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
          </Events>
        )}
        {props.hasMore && (
          <LoadMoreButton
            label={t('sidebar.activity.load_more')}
            busyLabel={t('sidebar.activity.loading_more')}
            busy={props.loadingMore}
            onLoad={props.onLoadMore}
          />
        )}
      </>
    );
  }
  return (
    <CollapsibleSection
      id="activity"
      title={t('sidebar.activity.heading')}
      summary={summary}
      expanded={expanded}
      onToggle={setExpanded}
    >
      {body}
    </CollapsibleSection>
  );
}
