import { SM } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import type { KlaviyoEvent } from '../../klaviyo';
import { useI18n } from '../common/I18nProvider';
import { StatusMessage } from '../common/StatusMessage';
import { ErrorNotice } from './ErrorNotice';
import { orderFromEvent } from './eventDetails';
import { ListRow, Section, Wrap } from './Section';

export const ORDERS_LIMIT = 5;

/** Recent `Placed Order` events: value, items and date. */
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
  let body: ReactNode;
  if (loading && !orders) {
    body = <StatusMessage kind="loading" lines={2} label={t('sidebar.orders.loading')} />;
  } else if (error && !orders) {
    body = <ErrorNotice error={error} onRetry={onRetry} />;
  } else if (!orders || orders.length === 0) {
    body = <StatusMessage kind="empty">{t('sidebar.orders.empty')}</StatusMessage>;
  } else {
    body = (
      <ul style={{ margin: 0, padding: 0 }} aria-label={t('sidebar.orders.list_label')}>
        {orders.slice(0, ORDERS_LIMIT).map((event) => {
          const order = orderFromEvent(event);
          const value =
            order.value === null
              ? null
              : order.currency
                ? format.currency(order.value, order.currency)
                : format.number(order.value, {
                    minimumFractionDigits: 2,
                    maximumFractionDigits: 2,
                  });
          return (
            <ListRow key={order.id} data-testid="order">
              <Wrap style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <SM isBold tag="span">
                  {value ?? t('sidebar.orders.no_value')}
                </SM>
                <SM tag="span">
                  <time dateTime={order.datetime}>{format.date(order.datetime)}</time>
                </SM>
              </Wrap>
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
          );
        })}
      </ul>
    );
  }
  return (
    <Section id="orders" title={t('sidebar.orders.heading')}>
      {body}
    </Section>
  );
}
