import { Button } from '@zendeskgarden/react-buttons';
import { getColor } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import styled, { css } from 'styled-components';
import type { ThreadMessage } from '../../sms/model';
import { useI18n } from '../common/I18nProvider';
import { StatusMessage } from '../common/StatusMessage';
import { ErrorNotice } from './ErrorNotice';
import { Section } from './Section';
import { clip } from './text';
import { garden } from './theme';

/** How many messages the thread shows at first, and adds per "load older". */
export const THREAD_PAGE = 50;
/** Longer than any SMS Klaviyo sends (1 600 characters): anything beyond is cut for display. */
const MAX_SHOWN_TEXT = 2000;

const List = styled.ol`
  list-style: none;
  margin: 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: 8px;
`;

const Item = styled.li<{ $out: boolean }>`
  display: flex;
  flex-direction: column;
  align-items: ${({ $out }) => ($out ? 'flex-end' : 'flex-start')};
`;

const Bubble = styled.div<{ $out: boolean; $failed: boolean }>`
  max-width: 85%;
  padding: 6px 10px;
  border-radius: 12px;
  overflow-wrap: anywhere;
  white-space: pre-wrap;
  font-size: ${(p) => garden(p).fontSizes.md};
  line-height: ${(p) => garden(p).lineHeights.md};
  ${({ theme, $out }) =>
    $out
      ? css`
          background: ${getColor({ theme, variable: 'background.primaryEmphasis' })};
          color: ${getColor({ theme, variable: 'foreground.onEmphasis' })};
          border-bottom-right-radius: 2px;
        `
      : css`
          background: ${getColor({ theme, variable: 'background.subtle' })};
          color: ${getColor({ theme, variable: 'foreground.default' })};
          border-bottom-left-radius: 2px;
        `}
  ${({ theme, $failed }) =>
    $failed &&
    css`
      background: ${getColor({ theme, variable: 'background.danger' })};
      color: ${getColor({ theme, variable: 'foreground.default' })};
      border: 1px solid ${getColor({ theme, variable: 'border.dangerEmphasis' })};
    `}
`;

const Meta = styled.div`
  font-size: ${(p) => garden(p).fontSizes.sm};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
  margin-top: 2px;
  display: flex;
  flex-wrap: wrap;
  gap: 4px 6px;
  max-width: 85%;
  overflow-wrap: anywhere;
`;

const Chip = styled.span`
  border-radius: 8px;
  padding: 0 6px;
  background: ${({ theme }) => getColor({ theme, variable: 'background.recessed' })};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.default' })};
`;

const FailedLabel = styled.span`
  font-weight: ${(p) => garden(p).fontWeights.semibold};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.danger' })};
`;

const SrOnly = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

function Message({ message }: { message: ThreadMessage }) {
  const { t, format } = useI18n();
  const out = message.direction === 'outbound';
  const failed = message.status === 'failed';
  return (
    <Item $out={out} data-testid="thread-message" data-direction={message.direction}>
      <Bubble $out={out} $failed={failed}>
        <SrOnly>{out ? t('sidebar.thread.from_us') : t('sidebar.thread.from_customer')}</SrOnly>
        {message.text !== null ? (
          clip(message.text, MAX_SHOWN_TEXT)
        ) : (
          <em>{t('sidebar.thread.text_unavailable')}</em>
        )}
        {message.hasMedia && (
          <div>
            <em>{t('sidebar.thread.media')}</em>
          </div>
        )}
      </Bubble>
      <Meta>
        <time dateTime={message.datetime}>{format.dateTime(message.datetime)}</time>
        {message.source && (
          <Chip>
            {message.source.type === 'campaign'
              ? t('sidebar.thread.campaign', { name: clip(message.source.name, 80) })
              : t('sidebar.thread.flow', { name: clip(message.source.name, 80) })}
          </Chip>
        )}
        {failed && (
          <FailedLabel>
            {message.failureReason
              ? t('sidebar.thread.failed_reason', { reason: clip(message.failureReason, 120) })
              : t('sidebar.thread.failed')}
          </FailedLabel>
        )}
        {message.status === 'pending' && <span>{t('sidebar.thread.pending')}</span>}
        {message.status === 'sent' && <span>{t('sidebar.thread.sent')}</span>}
      </Meta>
    </Item>
  );
}

export interface ThreadSectionProps {
  /** Oldest first; already limited to what should show. */
  messages: ThreadMessage[] | undefined;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** The composer, at the bottom of the thread. */
  children?: ReactNode;
}

/** The SMS conversation: the customer's texts on the left, ours on the right, oldest first. */
export function ThreadSection(props: ThreadSectionProps) {
  const { t } = useI18n();
  const { messages, loading, error } = props;
  let body: ReactNode;
  if (loading && !messages) {
    body = <StatusMessage kind="loading" lines={4} label={t('sidebar.thread.loading')} />;
  } else if (error && !messages) {
    body = <ErrorNotice error={error} onRetry={props.onRetry} />;
  } else if (!messages || messages.length === 0) {
    body = <StatusMessage kind="empty">{t('sidebar.thread.empty')}</StatusMessage>;
  } else {
    body = (
      <>
        {props.hasOlder && (
          <Button
            size="small"
            isBasic
            onClick={props.onLoadOlder}
            disabled={props.loadingOlder}
            style={{ marginBottom: 8 }}
          >
            {props.loadingOlder
              ? t('sidebar.thread.loading_older')
              : t('sidebar.thread.load_older')}
          </Button>
        )}
        <List aria-label={t('sidebar.thread.list_label')}>
          {messages.map((m) => (
            <Message key={m.id} message={m} />
          ))}
        </List>
      </>
    );
  }
  return (
    <Section id="thread" title={t('sidebar.thread.heading')}>
      {body}
      {props.children && <div style={{ marginTop: 12 }}>{props.children}</div>}
    </Section>
  );
}
