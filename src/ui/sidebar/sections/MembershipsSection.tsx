import { SM } from '@zendeskgarden/react-typography';
import { clip } from '../../../klaviyo';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import type { NamedGroup, ProfileMemberships } from '../../../klaviyo';
import { useI18n } from '../../common/I18nProvider';
import { StatusMessage } from '../../common/StatusMessage';
import { CollapsibleSection } from '../parts/CollapsibleSection';
import { ErrorNotice } from '../parts/ErrorNotice';

const Group = styled.div`
  margin-bottom: ${({ theme }) => theme.space.xs};
`;

const GroupTitle = styled(SM)`
  margin: 0 0 2px;
`;

const Names = styled.ul`
  margin: 0;
  padding-inline-start: 18px;
  overflow-wrap: anywhere;
`;

function Groups({ title, groups, empty }: { title: string; groups: NamedGroup[]; empty: string }) {
  return (
    <Group>
      <GroupTitle tag="h3" isBold>
        {title}
      </GroupTitle>
      {groups.length === 0 ? (
        <StatusMessage kind="empty">{empty}</StatusMessage>
      ) : (
        <Names>
          {groups.map((g) => (
            <li key={g.id}>
              <SM tag="span">{clip(g.name, 120)}</SM>
            </li>
          ))}
        </Names>
      )}
    </Group>
  );
}

/**
 * Lists and segments, closed by default: they cost extra Klaviyo calls, so they load only when
 * the agent opens the section (its summary line says so until then).
 */
export function MembershipsSection({
  expanded,
  onToggle,
  memberships,
  loading,
  error,
  onRetry,
}: {
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  memberships: ProfileMemberships | undefined;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
}) {
  const { t, format } = useI18n();
  let body: ReactNode = null;
  if (loading && !memberships) {
    body = <StatusMessage kind="loading" lines={2} label={t('sidebar.memberships.loading')} />;
  } else if (error && !memberships) {
    body = <ErrorNotice error={error} onRetry={onRetry} />;
  } else if (memberships) {
    body = (
      <>
        <Groups
          title={t('sidebar.memberships.lists')}
          groups={memberships.lists}
          empty={t('sidebar.memberships.no_lists')}
        />
        <Groups
          title={t('sidebar.memberships.segments')}
          groups={memberships.segments}
          empty={t('sidebar.memberships.no_segments')}
        />
      </>
    );
  }
  const summary = memberships
    ? t('sidebar.memberships.summary', {
        lists: format.number(memberships.lists.length),
        segments: format.number(memberships.segments.length),
      })
    : t('sidebar.memberships.summary_closed');
  return (
    <CollapsibleSection
      id="memberships"
      title={t('sidebar.memberships.heading')}
      summary={summary}
      expanded={expanded}
      onToggle={onToggle}
    >
      {body}
    </CollapsibleSection>
  );
}
