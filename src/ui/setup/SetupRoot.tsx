import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Alert } from '@zendeskgarden/react-notifications';
import { Paragraph, XL } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { useI18n } from '../common/I18nProvider';
import type { KlaviyoClient } from '../../klaviyo';
import { readSetup } from '../../metrics/provision';
import { useZaf } from '../../zaf/context';
import { StatusMessage } from '../common/StatusMessage';
import { useAppKlaviyo } from '../common/useAppKlaviyo';
import { CoexistenceNotice } from './CoexistenceNotice';
import { ConnectionSection } from './ConnectionSection';
import { HealthSection } from './HealthSection';
import { InboundSection } from './inbound/InboundSection';
import { MetricSyncSection } from './MetricSyncSection';
import { ReplyPathSection } from './replies/ReplyPathSection';
import { setupKeys } from './queries';
import { describeError } from './reasons';

const Page = styled.main`
  padding: ${({ theme }) => `${theme.space.md} ${theme.space.lg}`};
  overflow-wrap: anywhere;
`;

const Intro = styled(Paragraph)`
  margin: ${({ theme }) => `${theme.space.xxs} 0 ${theme.space.md}`};
`;

const AgentOnly = styled(Alert)`
  max-width: 720px;
  margin-top: ${({ theme }) => theme.space.md};
`;

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
      <InboundSection transport={transport} klaviyo={klaviyo} />
      <ReplyPathSection transport={transport} klaviyo={klaviyo} />
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
      <Page data-testid="setup-root" data-location={context.location}>
        <XL tag="h1" isBold>
          {t('setup.title')}
        </XL>
        {isAdmin ? (
          <>
            <Intro>{t('setup.intro')}</Intro>
            <AdminPage klaviyo={klaviyo} />
          </>
        ) : (
          <AgentOnly type="info">
            <Alert.Title>{t('setup.agent_only.title')}</Alert.Title>
            <Alert.Paragraph>{t('setup.agent_only.body')}</Alert.Paragraph>
          </AgentOnly>
        )}
      </Page>
    </QueryClientProvider>
  );
}
