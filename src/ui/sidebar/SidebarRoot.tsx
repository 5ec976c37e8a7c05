import { Button } from '@zendeskgarden/react-buttons';
import {
  QueryClientProvider,
  useIsFetching,
  useQueryClient,
  type Query,
} from '@tanstack/react-query';
import { getColor } from '@zendeskgarden/react-theming';
import { useCallback, useMemo, useRef, useState } from 'react';
import styled from 'styled-components';
import { klaviyoKeys } from '../../klaviyo';
import type { ThreadMessage } from '../../sms/model';
import { useI18n } from '../common/I18nProvider';
import { useZaf, useZafEvent } from '../../zaf/context';
import { useAutoResize } from '../../zaf/hooks/useAutoResize';
import { useRequester, type Requester } from '../../zaf/hooks/useRequester';
import { StatusMessage } from '../common/StatusMessage';
import { useAppKlaviyo } from '../common/useAppKlaviyo';
import type { LocalMessageUpdate } from './composer/types';
import { KlaviyoProvider, useKlaviyo } from './KlaviyoContext';
import { applyLocalUpdate, type LocalMessages } from './localMessages';
import { RequesterView } from './RequesterView';
import { SaveBridge } from './SaveBridge';
import { Section } from './Section';
import { garden } from './theme';
import { SidebarSharedProvider, type CurrentProfile, type SidebarShared } from './SidebarContext';

const NO_MESSAGES: ThreadMessage[] = [];

/** Garden's type and colours for the whole sidebar; long unbroken strings wrap. */
const Root = styled.main`
  padding: 4px 12px 12px;
  min-width: 0;
  overflow-wrap: anywhere;
  font-family: ${(p) => garden(p).fonts.system};
  font-size: ${(p) => garden(p).fontSizes.md};
  line-height: ${(p) => garden(p).lineHeights.md};
  color: ${(p) => getColor({ theme: garden(p), variable: 'foreground.default' })};
  background: ${(p) => getColor({ theme: garden(p), variable: 'background.default' })};
`;

/**
 * Past its shown observers' `staleTime` by the clock. (React Query's `stale: true` filter reads a
 * flag that a timer updates; this asks the clock itself, so it is right the moment it is asked.)
 */
function staleByClock(query: Query): boolean {
  return query.observers.some(({ options: { staleTime } }) =>
    query.isStaleByTime(typeof staleTime === 'number' ? staleTime : 0),
  );
}

/** Identity of a requester for remounting: another person, or the same one with new details. */
function requesterKey(r: Requester): string {
  return JSON.stringify([r.id, r.email, r.phone, r.linkedProfileId]);
}

function RefreshButton() {
  const { t } = useI18n();
  const klaviyo = useKlaviyo();
  const queryClient = useQueryClient();
  const fetching = useIsFetching({ queryKey: klaviyoKeys.all(klaviyo) }) > 0;
  return (
    <Button
      size="small"
      isBasic
      aria-busy={fetching}
      onClick={() => {
        // Stays enabled (keyboard focus is kept); a click while fetching changes nothing.
        if (!fetching) void queryClient.invalidateQueries({ queryKey: klaviyoKeys.all(klaviyo) });
      }}
    >
      {fetching ? t('sidebar.common.refreshing') : t('sidebar.common.refresh')}
    </Button>
  );
}

function Sidebar() {
  const { t } = useI18n();
  const klaviyo = useKlaviyo();
  const queryClient = useQueryClient();
  const requester = useRequester();
  const [local, setLocal] = useState<LocalMessages>({});
  const [current, setCurrent] = useState<CurrentProfile | null>(null);

  // Back in view: what is still fresh is shown as it is (no request: the rate limit is the whole
  // team's); what went stale is refreshed in the background, keeping what is shown.
  useZafEvent(
    'app.activated',
    useCallback(
      (payload?: unknown) => {
        // Zendesk also sends it when the app first loads: nothing to refresh then.
        if ((payload as { firstLoad?: boolean } | undefined)?.firstLoad === true) return;
        void queryClient.refetchQueries({
          queryKey: klaviyoKeys.all(klaviyo),
          type: 'active',
          predicate: staleByClock,
        });
      },
      [queryClient, klaviyo],
    ),
  );

  const ticketId =
    requester.status === 'ready' || requester.status === 'none'
      ? (requester.ticket?.id ?? null)
      : null;
  const onLocalMessage = useCallback(
    (profileId: string, update: LocalMessageUpdate) =>
      setLocal((state) => applyLocalUpdate(state, profileId, update)),
    [],
  );
  const shared = useMemo<SidebarShared>(
    () => ({
      ticketId,
      localMessages: (profileId) => local[profileId] ?? NO_MESSAGES,
      onLocalMessage,
      setCurrent,
    }),
    [ticketId, local, onLocalMessage],
  );

  let body;
  if (requester.status === 'loading') {
    body = (
      <Section id="profile" title={t('sidebar.profile.heading')}>
        <StatusMessage kind="loading" lines={4} label={t('sidebar.profile.loading')} />
      </Section>
    );
  } else if (requester.status === 'error') {
    body = (
      <StatusMessage kind="error" onRetry={requester.reload}>
        {t('sidebar.requester.error')}
      </StatusMessage>
    );
  } else if (requester.status === 'none') {
    body = <StatusMessage kind="empty">{t('sidebar.requester.none')}</StatusMessage>;
  } else {
    body = (
      <RequesterView key={requesterKey(requester.requester)} requester={requester.requester} />
    );
  }

  return (
    <SidebarSharedProvider value={shared}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 4 }}>
        <RefreshButton />
      </div>
      {body}
      <SaveBridge
        klaviyo={klaviyo}
        ticketId={ticketId}
        current={current}
        onLocalMessage={(update) => current && onLocalMessage(current.profile.id, update)}
      />
    </SidebarSharedProvider>
  );
}

/**
 * The agent's sidebar (ticket, new ticket and user sidebars): who the customer is in Klaviyo, may
 * they be texted, their local time, the SMS thread, recent activity, orders, lists and segments.
 */
export default function SidebarRoot() {
  const { context } = useZaf();
  const { t } = useI18n();
  const { queryClient, klaviyo } = useAppKlaviyo();
  const root = useRef<HTMLElement>(null);
  useAutoResize(root);
  return (
    <QueryClientProvider client={queryClient}>
      <KlaviyoProvider client={klaviyo}>
        <Root
          ref={root}
          data-testid="sidebar-root"
          data-location={context.location}
          aria-label={t('sidebar.app_label')}
        >
          <Sidebar />
        </Root>
      </KlaviyoProvider>
    </QueryClientProvider>
  );
}
