import { getColor } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import type { ThreadMessage } from '../../../sms/model';
import { useI18n } from '../../common/I18nProvider';
import { StatusMessage } from '../../common/StatusMessage';
import { ErrorNotice } from '../parts/ErrorNotice';
import { LoadMoreButton } from '../parts/LoadMoreButton';
import { Section } from '../parts/Section';
import { ThreadMessageItem } from '../parts/ThreadMessageItem';
import { THREAD_STEP, useThreadWindow } from '../parts/useThreadWindow';

/** How many messages the thread holds at most before the agent asks for older ones. */
export const THREAD_PAGE = 50;

/**
 * The conversation's bounded height: a few messages in view, the rest a scroll away, so the
 * composer below stays on the agent's first screen however long the history is.
 */
const Log = styled.div`
  position: relative;
  max-height: 250px;
  overflow-y: auto;
  overscroll-behavior: contain;
  display: flex;
  flex-direction: column;
  gap: ${({ theme }) => theme.space.xs};
  padding: ${({ theme }) => theme.space.xxs} ${({ theme }) => theme.space.xxs};
  border-radius: ${({ theme }) => theme.borderRadii.md};
  &:focus-visible {
    outline: ${({ theme }) => theme.borderWidths.md} solid
      ${({ theme }) => getColor({ theme, variable: 'border.primaryEmphasis' })};
  }
`;

const List = styled.ol`
  list-style: none;
  margin: 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: ${({ theme }) => theme.space.sm};
`;

const Below = styled.div`
  margin-top: ${({ theme }) => theme.space.sm};
`;

export interface ThreadSectionProps {
  /** Oldest first: every message the sidebar holds (at most `THREAD_PAGE` per page asked for). */
  messages: ThreadMessage[] | undefined;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Klaviyo has messages older than `messages`: "Load older messages" asks for them. */
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** The composer, directly under the conversation. */
  children?: ReactNode;
}

/**
 * The SMS conversation as a chat: a labelled log region that opens at the latest message (newest
 * at the bottom, the customer's texts on the left, ours on the right), shows earlier messages as
 * the agent scrolls up, and announces new ones politely.
 */
export function ThreadSection(props: ThreadSectionProps) {
  const { t } = useI18n();
  const { messages, loading, error } = props;
  const all = messages ?? [];
  const view = useThreadWindow(all);

  let body: ReactNode;
  if (loading && !messages) {
    body = <StatusMessage kind="loading" lines={4} label={t('sidebar.thread.loading')} />;
  } else if (error && !messages) {
    body = <ErrorNotice error={error} onRetry={props.onRetry} />;
  } else if (all.length === 0) {
    body = <StatusMessage kind="empty">{t('sidebar.thread.empty')}</StatusMessage>;
  } else {
    const loadOlder = () => {
      view.showEarlier(); // nothing is hidden: reveals the older ones as they arrive
      props.onLoadOlder();
    };
    const earlier = t('sidebar.thread.show_earlier', {
      count: Math.min(THREAD_STEP, view.hiddenCount),
    });
    body = (
      <Log
        ref={view.logRef}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t('sidebar.thread.log_label')}
        aria-busy={props.loadingOlder}
        tabIndex={0}
        onScroll={view.onScroll}
        data-testid="thread-log"
      >
        {view.hiddenCount > 0 && (
          <LoadMoreButton
            label={earlier}
            busyLabel={earlier}
            busy={false}
            onLoad={view.showEarlier}
          />
        )}
        {view.hiddenCount === 0 && props.hasOlder && (
          <LoadMoreButton
            label={t('sidebar.thread.load_older')}
            busyLabel={t('sidebar.thread.loading_older')}
            busy={props.loadingOlder}
            onLoad={loadOlder}
          />
        )}
        <List aria-label={t('sidebar.thread.list_label')}>
          {view.shown.map((m) => (
            <ThreadMessageItem key={m.id} message={m} />
          ))}
        </List>
      </Log>
    );
  }
  return (
    <Section id="thread" title={t('sidebar.thread.heading')}>
      {body}
      {props.children && <Below>{props.children}</Below>}
    </Section>
  );
}
