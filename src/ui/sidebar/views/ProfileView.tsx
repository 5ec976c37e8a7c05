import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { PLACED_ORDER } from '../../../klaviyo';
import type { KlaviyoEvent, KlaviyoProfile, MatchedBy } from '../../../klaviyo';
import { summariseConsent } from '../../../sms/consent';
import { localTimeStatus } from '../../../sms/localtime';
import { buildThread, isSmsEvent, mergeLocalMessages } from '../../../sms/thread';
import { useZaf } from '../../../zaf/context';
import { ActivitySection } from '../sections/ActivitySection';
import { ConsentSection } from '../sections/ConsentSection';
import { useKlaviyo } from '../KlaviyoContext';
import { Composer } from '../composer';
import { LocalTimeSection } from '../sections/LocalTimeSection';
import { MembershipsSection } from '../sections/MembershipsSection';
import { OrdersSection } from '../sections/OrdersSection';
import { PredictiveDisclosure } from '../sections/PredictiveDisclosure';
import { ProfileSection } from '../sections/ProfileSection';
import {
  useMemberships,
  usePredictiveAnalytics,
  useProfileEvents,
  useRetryWhenAllowed,
} from '../queries';
import { SectionBoundary, SectionFailed } from '../parts/SectionBoundary';
import { useSidebarShared } from '../SidebarContext';
import { StaleNotice } from '../parts/StaleNotice';
import { THREAD_PAGE, ThreadSection } from '../sections/ThreadSection';
import { useNow } from '../parts/useNow';

function byTime(a: { datetime: string }, b: { datetime: string }) {
  return Date.parse(a.datetime) - Date.parse(b.datetime);
}

function attempt<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    console.error('Could not work out a sidebar section', error);
    return null;
  }
}

export interface ProfileViewProps {
  profile: KlaviyoProfile;
  matchedBy: MatchedBy;
  /** Above the profile: link controls, notices. */
  header?: ReactNode;
}

/** Everything the sidebar shows about one Klaviyo profile, each section failing on its own. */
export function ProfileView({ profile, matchedBy, header }: ProfileViewProps) {
  const { settings } = useZaf();
  const klaviyo = useKlaviyo();
  const shared = useSidebarShared();
  const now = useNow();
  const window = useMemo(
    () => ({ start: settings.quietHoursStart, end: settings.quietHoursEnd }),
    [settings.quietHoursStart, settings.quietHoursEnd],
  );
  const consent = useMemo(
    () => attempt(() => summariseConsent(profile.subscriptions, profile.phoneNumber)),
    [profile],
  );
  const localTime = useMemo(
    () =>
      attempt(() =>
        localTimeStatus({
          timezone: profile.location?.timezone ?? null,
          phone: profile.phoneNumber,
          defaultCountry: settings.defaultCountry,
          window,
          now,
        }),
      ),
    [profile, settings.defaultCountry, window, now],
  );
  const { setCurrent } = shared;
  useEffect(() => {
    setCurrent({ profile, consent, localTime });
  }, [setCurrent, profile, consent, localTime]);
  useEffect(() => () => setCurrent(null), [setCurrent]);

  const events = useProfileEvents(profile.id);
  const [visible, setVisible] = useState(THREAD_PAGE);
  const [membershipsOpen, setMembershipsOpen] = useState(false);
  const memberships = useMemberships(profile.id, membershipsOpen);
  const [predictiveOpen, setPredictiveOpen] = useState(false);
  const predictive = usePredictiveAnalytics(profile.id, predictiveOpen);
  useRetryWhenAllowed(events.error, events.refetch, events.errorUpdatedAt);
  useRetryWhenAllowed(memberships.error, memberships.refetch, memberships.errorUpdatedAt);
  useRetryWhenAllowed(predictive.error, predictive.refetch, predictive.errorUpdatedAt);

  const all: KlaviyoEvent[] | undefined = useMemo(
    () => events.data?.pages.flatMap((p) => p.events),
    [events.data],
  );
  const local = shared.localMessages(profile.id);
  const built = useMemo(() => {
    if (!all) return undefined;
    // Every SMS among the loaded events: the view limits what it shows, "load older" shows more.
    return attempt(() =>
      buildThread(all, { textProperty: settings.smsTextProperty, limit: Number.MAX_SAFE_INTEGER }),
    );
  }, [all, settings.smsTextProperty]);
  const hasSmsThread = (built?.length ?? 0) > 0;
  const thread = useMemo(() => {
    if (built === undefined || built === null) return built;
    const merged = local.length ? attempt(() => mergeLocalMessages(built, local)) : built;
    return [...(merged ?? built)].sort(byTime);
  }, [built, local]);
  const activity = useMemo(() => all?.filter((e) => !isSmsEvent(e)), [all]);
  const orders = useMemo(() => all?.filter((e) => e.metricName === PLACED_ORDER), [all]);

  const shownThread = thread?.slice(Math.max(0, thread.length - visible));
  const { refetch } = events;
  const onSent = useCallback(() => {
    // Klaviyo records the delivered text as an event a little later.
    setTimeout(() => void refetch(), 5_000);
  }, [refetch]);
  const hasOlder = (thread?.length ?? 0) > visible || events.hasNextPage;
  const loadOlder = async () => {
    if ((thread?.length ?? 0) <= visible && events.hasNextPage) await events.fetchNextPage();
    setVisible((v) => v + THREAD_PAGE);
  };
  const eventsLoading = events.isPending;
  const eventsError = events.isError ? events.error : undefined;
  const retryEvents = () => void events.refetch();

  return (
    <>
      {header}
      {events.isError && all && <StaleNotice error={events.error} since={events.errorUpdatedAt} />}
      <SectionBoundary resetKey={profile.id}>
        <ProfileSection
          profile={profile}
          matchedBy={matchedBy}
          predictive={
            <PredictiveDisclosure
              expanded={predictiveOpen}
              onToggle={setPredictiveOpen}
              data={predictive.data}
              loading={predictive.isFetching}
              error={predictive.isError ? predictive.error : undefined}
              since={predictive.errorUpdatedAt}
              onRetry={() => void predictive.refetch()}
            />
          }
        />
      </SectionBoundary>
      <SectionBoundary resetKey={profile.id}>
        {consent ? <ConsentSection consent={consent} /> : <SectionFailed id="consent" />}
      </SectionBoundary>
      <SectionBoundary resetKey={profile.id}>
        {localTime ? (
          <LocalTimeSection status={localTime} window={window} />
        ) : (
          <SectionFailed id="local-time" />
        )}
      </SectionBoundary>
      <SectionBoundary resetKey={profile.id}>
        <ThreadSection
          messages={thread === null ? undefined : shownThread}
          loading={eventsLoading}
          error={thread === null ? new Error('thread') : eventsError}
          onRetry={retryEvents}
          hasOlder={hasOlder}
          loadingOlder={events.isFetchingNextPage}
          onLoadOlder={() => void loadOlder()}
        >
          {consent && localTime && (
            <Composer
              klaviyo={klaviyo}
              ticketId={shared.ticketId}
              profile={profile}
              consent={consent}
              localTime={localTime}
              hasSmsThread={hasSmsThread}
              onLocalMessage={(update) => shared.onLocalMessage(profile.id, update)}
              onSent={onSent}
            />
          )}
        </ThreadSection>
      </SectionBoundary>
      <SectionBoundary resetKey={profile.id}>
        <OrdersSection
          orders={orders}
          loading={eventsLoading}
          error={eventsError}
          onRetry={retryEvents}
        />
      </SectionBoundary>
      <SectionBoundary resetKey={profile.id}>
        <ActivitySection
          events={activity}
          loading={eventsLoading}
          error={eventsError}
          onRetry={retryEvents}
          hasMore={events.hasNextPage}
          loadingMore={events.isFetchingNextPage}
          onLoadMore={() => void events.fetchNextPage()}
        />
      </SectionBoundary>
      <SectionBoundary resetKey={profile.id}>
        <MembershipsSection
          expanded={membershipsOpen}
          onToggle={setMembershipsOpen}
          memberships={memberships.data}
          loading={memberships.isPending && memberships.fetchStatus !== 'idle'}
          error={memberships.isError ? memberships.error : undefined}
          onRetry={() => void memberships.refetch()}
        />
      </SectionBoundary>
    </>
  );
}
