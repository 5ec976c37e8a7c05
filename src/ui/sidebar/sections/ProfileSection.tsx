import { Tag } from '@zendeskgarden/react-tags';
import { clip } from '../../../klaviyo';
import { LG } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import type { KlaviyoProfile, MatchedBy } from '../../../klaviyo';
import { useI18n } from '../../common/I18nProvider';
import type { MessageKey } from '../../../i18n';
import { SafeExternalLink } from '../../common/SafeExternalLink';
import styled from 'styled-components';
import { Fact, Facts, Line, Section } from '../parts/Section';

export const KLAVIYO_PROFILE_URL = 'https://www.klaviyo.com/profile/';

export function profileUrl(id: string): string {
  return `${KLAVIYO_PROFILE_URL}${encodeURIComponent(id)}`;
}

export function profileName(profile: KlaviyoProfile): string | null {
  const name = [profile.firstName, profile.lastName].filter((s) => s && s.trim()).join(' ');
  return name || null;
}

const Who = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${({ theme }) => `${theme.space.xxs} ${theme.space.xs}`};
  margin-bottom: ${({ theme }) => theme.space.xs};
  overflow-wrap: anywhere;
  min-width: 0;
`;

const Name = styled(LG)`
  margin: 0;
  min-width: 0;
`;

const OpenLink = styled(Line)`
  margin-top: ${({ theme }) => theme.space.xs};
`;

const MATCH_KEYS: Record<MatchedBy, MessageKey> = {
  linked: 'sidebar.profile.matched_by.linked',
  email: 'sidebar.profile.matched_by.email',
  phone: 'sidebar.profile.matched_by.phone',
  search: 'sidebar.profile.matched_by.search',
};

/**
 * Who the customer is in Klaviyo, how we found them, a link to the profile, and below it the
 * on-demand predictive figures (`predictive`, see PredictiveDisclosure).
 */
export function ProfileSection({
  profile,
  matchedBy,
  actions,
  predictive,
}: {
  profile: KlaviyoProfile;
  matchedBy: MatchedBy;
  actions?: ReactNode;
  predictive?: ReactNode;
}) {
  const { t, format } = useI18n();
  const name = profileName(profile);
  const place = profile.location
    ? [profile.location.city, profile.location.region, profile.location.country]
        .filter((s) => s && s.trim())
        .join(', ')
    : '';
  const rows: Array<[string, string, string?]> = [];
  if (profile.email) rows.push([t('sidebar.profile.email'), clip(profile.email), profile.email]);
  if (profile.phoneNumber)
    rows.push([t('sidebar.profile.phone'), clip(profile.phoneNumber, 40), profile.phoneNumber]);
  if (place) rows.push([t('sidebar.profile.location'), clip(place), place]);
  if (profile.created)
    rows.push([
      t('sidebar.profile.created'),
      format.relative(profile.created),
      format.dateTime(profile.created),
    ]);
  rows.push([
    t('sidebar.profile.last_activity'),
    profile.lastEventDate
      ? format.relative(profile.lastEventDate)
      : t('sidebar.profile.no_activity'),
    profile.lastEventDate ? format.dateTime(profile.lastEventDate) : undefined,
  ]);

  return (
    <Section id="profile" title={t('sidebar.profile.heading')} actions={actions}>
      <Who>
        <Name tag="p" isBold data-testid="profile-name">
          {clip(name ?? profile.email ?? profile.phoneNumber ?? t('sidebar.profile.unnamed'), 120)}
        </Name>
        <Tag size="small" hue="grey" isPill>
          {t(MATCH_KEYS[matchedBy])}
        </Tag>
      </Who>
      <Facts>
        {rows.map(([label, value, title]) => (
          <Fact key={label}>
            <dt>{label}</dt>
            <dd title={title}>{value}</dd>
          </Fact>
        ))}
      </Facts>
      <OpenLink>
        <SafeExternalLink href={profileUrl(profile.id)} newTabLabel={t('sidebar.common.new_tab')}>
          {t('sidebar.profile.open_in_klaviyo')}
        </SafeExternalLink>
      </OpenLink>
      {predictive}
    </Section>
  );
}
