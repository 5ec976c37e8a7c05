import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useI18n } from '../common/I18nProvider';
import type { KlaviyoClient } from '../../klaviyo';
import { invocationRows, TEST_EVENT_METRIC } from '../../metrics/health';
import type { Transport } from '../../transport';
import { listWebhookInvocations } from '../../zendesk/webhooks';
import { StatusMessage } from '../common/StatusMessage';
import { setupKeys } from './queries';
import { describeError } from './reasons';
import { Section } from './Section';
import { Actions, Block, Failed, NoWrap, Table } from './layout';

/** A webhook's recent invocations, newest first, each with what its status means. */
export function Invocations({
  transport,
  webhookId,
  emptyText,
}: {
  transport: Transport;
  webhookId: string;
  /** What "no requests yet" means for this webhook. */
  emptyText?: string;
}) {
  const { t, format } = useI18n();
  const query = useQuery({
    queryKey: setupKeys.invocations(webhookId),
    queryFn: () => listWebhookInvocations(transport, webhookId),
  });
  if (query.isPending) return <StatusMessage kind="loading" label={t('setup.health.loading')} />;
  if (query.isError) {
    return (
      <StatusMessage kind="error" onRetry={() => void query.refetch()}>
        {t('setup.health.load_failed', { reason: describeError(t, query.error) })}
      </StatusMessage>
    );
  }
  const rows = invocationRows(query.data);
  return (
    <>
      <Button size="small" onClick={() => void query.refetch()} disabled={query.isFetching}>
        {t('setup.health.refresh')}
      </Button>
      {rows.length === 0 ? (
        <Block $top="xs">
          <StatusMessage kind="empty">{emptyText ?? t('setup.health.empty')}</StatusMessage>
        </Block>
      ) : (
        <Table data-testid="invocations">
          <thead>
            <tr>
              <th>{t('setup.health.col_time')}</th>
              <th>{t('setup.health.col_status')}</th>
              <th>{t('setup.health.col_meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-ok={row.ok}>
                <NoWrap>{format.dateTime(row.at)}</NoWrap>
                <td>
                  {row.ok ? (
                    <strong>{row.statusCode ?? t('setup.health.no_status')}</strong>
                  ) : (
                    <Failed>{row.statusCode ?? t('setup.health.no_status')}</Failed>
                  )}
                </td>
                <td>{t(`setup.health.meaning.${row.meaning}`)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/** The webhook's recent invocations, explained, and a test event for the admin's own profile. */
export function HealthSection({
  transport,
  klaviyo,
  webhookId,
  email,
}: {
  transport: Transport;
  klaviyo: KlaviyoClient;
  webhookId: string | null;
  email: string | null;
}) {
  const { t } = useI18n();
  const test = useMutation({
    mutationFn: (to: string) =>
      klaviyo.createReplyEvent({
        metricName: TEST_EVENT_METRIC,
        profile: { email: to },
        text: 'Test event from the Klaviyo for Zendesk setup page',
        ticketId: 0,
        uniqueId: `zendesk-setup-test-${Date.now()}`,
      }),
  });
  return (
    <Section
      id="setup-health"
      title={t('setup.health.heading')}
      description={t('setup.health.description')}
    >
      {webhookId ? (
        <Invocations transport={transport} webhookId={webhookId} />
      ) : (
        <StatusMessage kind="empty">{t('setup.health.no_webhook')}</StatusMessage>
      )}
      <Block $top="md">
        {email ? (
          <>
            <Paragraph>{t('setup.health.test_hint', { email })}</Paragraph>
            <Actions $top="xs">
              <Button onClick={() => test.mutate(email)} disabled={test.isPending}>
                {test.isPending ? t('setup.health.test_sending') : t('setup.health.test_button')}
              </Button>
            </Actions>
          </>
        ) : (
          <StatusMessage kind="empty">{t('setup.health.test_no_email')}</StatusMessage>
        )}
        <Block $top="xs" aria-live="polite">
          {test.isSuccess && email && (
            <Alert type="success" role="status">
              <Alert.Paragraph>{t('setup.health.test_sent', { email })}</Alert.Paragraph>
            </Alert>
          )}
          {test.isError && (
            <StatusMessage kind="error">
              {t('setup.health.test_failed', { reason: describeError(t, test.error) })}
            </StatusMessage>
          )}
        </Block>
      </Block>
    </Section>
  );
}
