import { SM } from '@zendeskgarden/react-typography';
import { orderFromEvent, type OrderSummary } from '../../../klaviyo';
import { useState, type ReactNode } from 'react';
import type { KlaviyoEvent } from '../../../klaviyo';
import { useI18n } from '../../common/I18nProvider';
import type { Formatters } from '../../../i18n';
import { StatusMessage } from '../../common/StatusMessage';
import { CollapsibleSection } from '../parts/CollapsibleSection';
import { ErrorNotice } from '../parts/ErrorNotice';
import { ListRow, PlainList, SpreadRow, Wrap } from '../parts/Section';

export const ORDERS_LIMIT = 5;

function orderValue(order: OrderSummary, format: Formatters): string | null {
  if (order.value === null) return null;
  return order.currency
    ? format.currency(order.value, order.currency)
    : format.number(order.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Recent `Placed Order` events: one summary line until opened, then value, items and date. */
export function OrdersSection({
  orders,
  loading,
  error,
  onRetry,
}: {
  /** `Placed Order` events, newest first. */
  orders: KlaviyoEvent[] | undefined;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
}) {
  const { t, format } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const shown = (orders ?? []).slice(0, ORDERS_LIMIT).map(orderFromEvent);

  let summary: ReactNode = null;
  let body: ReactNode;
  if (loading && !orders) {
    body = <StatusMessage kind="loading" lines={2} label={t('sidebar.orders.loading')} />;
    summary = t('sidebar.orders.loading');
  } else if (error && !orders) {
    body = <ErrorNotice error={error} onRetry={onRetry} />;
    summary = t('sidebar.errors.generic_title');
  } else if (shown.length === 0) {
    body = <StatusMessage kind="empty">{t('sidebar.orders.empty')}</StatusMessage>;
    summary = t('sidebar.orders.empty');
  } else {
    const latest = shown[0]!;
    summary = t('sidebar.orders.summary', {
      value: orderValue(latest, format) ?? t('sidebar.orders.no_value'),
      date: format.date(latest.datetime),
      count: format.number(orders!.length),
    });
    body = (
      <PlainList aria-label={t('sidebar.orders.list_label')}>
        {shown.map((order) => (
          <ListRow key={order.id} data-testid="order">
            <SpreadRow>
              <SM isBold tag="span">
                {orderValue(order, format) ?? t('sidebar.orders.no_value')}
              </SM>
              <SM tag="span">
                <time dateTime={order.datetime}>{format.date(order.datetime)}</time>
              </SM>
            </SpreadRow>
            {order.items.length > 0 && (
              <Wrap>
                <SM tag="span">
                  {t('sidebar.orders.items', {
                    count: format.number(order.items.length),
                    items: order.items.join(', '),
                  })}
                </SM>
              </Wrap>
            )}
          </ListRow>
        ))}
      </PlainList>
    );
  }
  return (
    <CollapsibleSection
      id="orders"
      title={t('sidebar.orders.heading')}
      summary={summary}
      expanded={expanded}
      onToggle={setExpanded}
    >
      {body}
    </CollapsibleSection>
  );
}
