import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Alert } from '@zendeskgarden/react-notifications';
import { Paragraph, XL } from '@zendeskgarden/react-typography';
import { useI18n } from '../common/I18nProvider';
import type { KlaviyoClient } from '../../klaviyo';
import { readSetup } from '../../metrics/provision';
import { useZaf } from '../../zaf/context';
import { StatusMessage } from '../common/StatusMessage';
import { useAppKlaviyo } from '../common/useAppKlaviyo';
import { CoexistenceNotice } from './CoexistenceNotice';
import { ConnectionSection } from './ConnectionSection';
import { HealthSection } from './HealthSection';
import { MetricSyncSection } from './MetricSyncSection';
import { setupKeys } from './queries';
import { describeError } from './reasons';

function AdminPage({ klaviyo }: { klaviyo: KlaviyoClient }) {
  const { transport, settings, currentUser } = useZaf();
  const { t } = useI18n();
  const setup = useQuery({ queryKey: setupKeys.current, queryFn: () => readSetup(transport) });
  return (
    <>
      <ConnectionSection klaviyo={klaviyo} />
      <CoexistenceNotice klaviyo={klaviyo} />
      {setup.isPending && <StatusMessage kind="loading" label={t('setup.sync.loading')} />}
      {setup.isError && (
        <StatusMessage kind="error" onRetry={() => void setup.refetch()}>
          {t('setup.sync.load_failed', { reason: describeError(t, setup.error) })}
        </StatusMessage>
      )}
      {setup.data && (
        <>
          <MetricSyncSection
            transport={transport}
            setup={setup.data}
            smsTag={settings.smsTicketTag}
          />
          <HealthSection
            transport={transport}
            klaviyo={klaviyo}
            webhookId={setup.data.webhook?.id ?? null}
            email={currentUser.email}
          />
        </>
      )}
    </>
  );
}

/** The nav bar page: admins set up and watch the app; agents see why they cannot. */
export default function SetupRoot() {
  const { context, currentUser } = useZaf();
  const { t } = useI18n();
  const { queryClient, klaviyo } = useAppKlaviyo();
  const isAdmin = currentUser.role === 'admin';
  return (
    <QueryClientProvider client={queryClient}>
      <main
        data-testid="setup-root"
        data-location={context.location}
        style={{ padding: '24px 32px', overflowWrap: 'anywhere' }}
      >
        <XL tag="h1" isBold>
          {t('setup.title')}
        </XL>
        {isAdmin ? (
          <>
            <Paragraph style={{ margin: '4px 0 24px' }}>{t('setup.intro')}</Paragraph>
            <AdminPage klaviyo={klaviyo} />
          </>
        ) : (
          <Alert type="info" style={{ marginTop: 16, maxWidth: 720 }}>
            <Alert.Title>{t('setup.agent_only.title')}</Alert.Title>
            <Alert.Paragraph>{t('setup.agent_only.body')}</Alert.Paragraph>
          </Alert>
        )}
      </main>
    </QueryClientProvider>
  );
}
