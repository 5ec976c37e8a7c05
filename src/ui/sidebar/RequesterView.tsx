import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  klaviyoKeys,
  type KlaviyoProfile,
  type MatchedBy,
  type ProfileLookup,
} from '../../klaviyo';
import { isZendeskError } from '../../zendesk/errors';
import { setUserKlaviyoProfileId } from '../../zendesk/users';
import { useI18n } from '../common/I18nProvider';
import { useZaf } from '../../zaf/context';
import type { Requester } from '../../zaf/hooks/useRequester';
import { StatusMessage } from '../common/StatusMessage';
import { ErrorNotice } from './ErrorNotice';
import { useKlaviyo } from './KlaviyoContext';
import { LinkBar } from './LinkBar';
import { NoMatch } from './NoMatch';
import { ProfilePicker } from './ProfilePicker';
import { ProfileView } from './ProfileView';
import {
  useProfileEvents,
  useProfileLookup,
  useProfileSearch,
  useRetryWhenAllowed,
} from './queries';
import { Section } from './Section';
import { StaleNotice } from './StaleNotice';

interface Chosen {
  profile: KlaviyoProfile;
  matchedBy: MatchedBy;
}

/**
 * One requester's Klaviyo data. Mounted with a key per requester, so switching tickets or
 * requesters starts afresh, and query keys carry the requester's identity, so a late answer for an
 * earlier requester is never shown.
 */
export function RequesterView({ requester }: { requester: Requester }) {
  const { t } = useI18n();
  const { settings, transport } = useZaf();
  const klaviyo = useKlaviyo();
  const queryClient = useQueryClient();
  const [linkedNow, setLinkedNow] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [searchQuery, setSearchQuery] = useState<string | null>(null);

  const identity = {
    linkedProfileId: linkedNow ?? requester.linkedProfileId,
    email: requester.email,
    phone: requester.phone,
  };
  const lookup = useProfileLookup(identity, settings.defaultCountry);
  // With a linked id the events need not wait for the profile: both requests go out together.
  useProfileEvents(lookup.isPending ? (identity.linkedProfileId ?? null) : null);
  useRetryWhenAllowed(lookup.error, lookup.refetch, lookup.errorUpdatedAt);
  const search = useProfileSearch(searchQuery, settings.defaultCountry);

  const link = useMutation({
    mutationFn: async (profile: KlaviyoProfile) => {
      if (requester.id === null) throw new Error('No Zendesk user to link');
      await setUserKlaviyoProfileId(transport, requester.id, profile.id);
      return profile;
    },
    onSuccess: (profile) => {
      const linkedIdentity = { ...identity, linkedProfileId: profile.id };
      const found: ProfileLookup = { status: 'found', profile, matchedBy: 'linked' };
      queryClient.setQueryData(
        klaviyoKeys.profileLookup(klaviyo, linkedIdentity, {
          defaultCountry: settings.defaultCountry,
        }),
        found,
      );
      setLinkedNow(profile.id);
      setChosen(null);
      setSearchQuery(null);
    },
  });
  const fieldMissing =
    link.isError && isZendeskError(link.error) && link.error.error === 'UserFieldMissing';

  const linkBar = (profile: KlaviyoProfile, back: () => void) => (
    <LinkBar
      canLink={requester.id !== null}
      linking={link.isPending}
      linked={false}
      failed={link.isError}
      fieldMissing={fieldMissing}
      onLink={() => link.mutate(profile)}
      onChooseAnother={() => {
        link.reset();
        back();
      }}
    />
  );

  if (lookup.isPending) {
    return (
      <Section id="profile" title={t('sidebar.profile.heading')}>
        <StatusMessage kind="loading" lines={4} label={t('sidebar.profile.loading')} />
      </Section>
    );
  }
  if (lookup.isError && !lookup.data) {
    return (
      <Section id="profile" title={t('sidebar.profile.heading')}>
        <ErrorNotice
          error={lookup.error}
          since={lookup.errorUpdatedAt}
          onRetry={() => void lookup.refetch()}
        />
      </Section>
    );
  }
  const stale = lookup.isError ? (
    <StaleNotice error={lookup.error} since={lookup.errorUpdatedAt} />
  ) : null;
  const result = lookup.data!;
  const justLinked =
    linkedNow !== null ? (
      <LinkBar canLink linking={false} linked failed={false} onLink={() => {}} />
    ) : null;

  if (chosen) {
    return (
      <ProfileView
        key={chosen.profile.id}
        profile={chosen.profile}
        matchedBy={chosen.matchedBy}
        header={
          <>
            {stale}
            {linkBar(chosen.profile, () => setChosen(null))}
          </>
        }
      />
    );
  }
  if (result.status === 'found') {
    return (
      <ProfileView
        key={result.profile.id}
        profile={result.profile}
        matchedBy={result.matchedBy}
        header={
          <>
            {stale}
            {justLinked}
          </>
        }
      />
    );
  }
  if (result.status === 'multiple') {
    return (
      <>
        {stale}
        <ProfilePicker
          profiles={result.profiles}
          onPick={(profile) => setChosen({ profile, matchedBy: result.matchedBy })}
        />
      </>
    );
  }

  // No match: the agent may search by hand.
  const found = search.data;
  if (found?.status === 'found') {
    return (
      <ProfileView
        key={found.profile.id}
        profile={found.profile}
        matchedBy="search"
        header={linkBar(found.profile, () => setSearchQuery(null))}
      />
    );
  }
  if (found?.status === 'multiple') {
    return (
      <ProfilePicker
        profiles={found.profiles}
        onPick={(profile) => setChosen({ profile, matchedBy: 'search' })}
      />
    );
  }
  return (
    <>
      {stale}
      <NoMatch
        searched={result.status === 'none' ? result.searched : null}
        noIdentifier={result.status === 'no-identifier'}
        onSearch={setSearchQuery}
        searching={search.isFetching}
        notFound={
          searchQuery !== null && (found?.status === 'none' || found?.status === 'no-identifier')
            ? searchQuery
            : null
        }
        error={search.isError ? search.error : undefined}
      />
    </>
  );
}
