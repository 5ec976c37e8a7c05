import { Accordion } from '@zendeskgarden/react-accordions';
import { SM } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import type { NamedGroup, ProfileMemberships } from '../../klaviyo';
import { useI18n } from '../common/I18nProvider';
import { StatusMessage } from '../common/StatusMessage';
import { ErrorNotice } from './ErrorNotice';
import { clip } from './text';

function Groups({ title, groups, empty }: { title: string; groups: NamedGroup[]; empty: string }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <SM tag="h3" isBold style={{ margin: '0 0 2px' }}>
        {title}
      </SM>
      {groups.length === 0 ? (
        <StatusMessage kind="empty">{empty}</StatusMessage>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 18, overflowWrap: 'anywhere' }}>
          {groups.map((g) => (
            <li key={g.id}>
              <SM tag="span">{clip(g.name, 120)}</SM>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Lists and segments, collapsed by default: they cost extra Klaviyo calls, so they load only
 * when the agent opens the section.
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
  const { t } = useI18n();
  let body: ReactNode = null;
  if (expanded) {
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
  }
  return (
    <section data-testid="section-memberships" style={{ margin: '0 -8px' }}>
      <Accordion
        level={2}
        isCompact
        isBare
        isCollapsible
        expandedSections={expanded ? [0] : []}
        onChange={() => onToggle(!expanded)}
      >
        <Accordion.Section>
          <Accordion.Header>
            <Accordion.Label>{t('sidebar.memberships.heading')}</Accordion.Label>
          </Accordion.Header>
          <Accordion.Panel>{body}</Accordion.Panel>
        </Accordion.Section>
      </Accordion>
    </section>
  );
}
