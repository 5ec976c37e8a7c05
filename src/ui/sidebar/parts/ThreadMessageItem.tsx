import { getColor } from '@zendeskgarden/react-theming';
import { clip } from '../../../klaviyo';
import styled, { css } from 'styled-components';
import type { ThreadMessage } from '../../../sms/model';
import { useI18n } from '../../common/I18nProvider';

/** Longer than any SMS Klaviyo sends (1 600 characters): anything beyond is cut for display. */
const MAX_SHOWN_TEXT = 2000;

/** The campaign or flow a customer's text answers, where Klaviyo attributes it. */
export interface RepliesTo {
  type: 'campaign' | 'flow';
  name: string;
}

/** A thread message with the attribution the thread model may carry. */
export type AttributedMessage = ThreadMessage & { repliesTo?: RepliesTo | null };

const Item = styled.li<{ $out: boolean }>`
  display: flex;
  flex-direction: column;
  align-items: ${({ $out }) => ($out ? 'flex-end' : 'flex-start')};
`;

const Bubble = styled.div<{ $out: boolean; $failed: boolean }>`
  max-width: 85%;
  padding: ${({ theme }) => `${theme.space.xxs} ${theme.space.sm}`};
  border-radius: 12px;
  overflow-wrap: anywhere;
  white-space: pre-wrap;
  font-size: ${({ theme }) => theme.fontSizes.md};
  line-height: ${({ theme }) => theme.lineHeights.md};
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
      border: ${theme.borders.sm} ${getColor({ theme, variable: 'border.dangerEmphasis' })};
    `}
`;

const Meta = styled.div`
  font-size: ${({ theme }) => theme.fontSizes.sm};
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
  padding: 0 ${({ theme }) => theme.space.xxs};
  background: ${({ theme }) => getColor({ theme, variable: 'background.recessed' })};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.default' })};
`;

const FailedLabel = styled.span`
  font-weight: ${({ theme }) => theme.fontWeights.semibold};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.danger' })};
`;

const Media = styled.em`
  display: block;
`;

const SrOnly = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

/** One text of the conversation: the bubble, then when, who sent it and how it went. */
export function ThreadMessageItem({ message }: { message: AttributedMessage }) {
  const { t, format } = useI18n();
  const out = message.direction === 'outbound';
  const failed = message.status === 'failed';
  const repliesTo = message.repliesTo ?? null;
  return (
    <Item $out={out} data-testid="thread-message" data-direction={message.direction}>
      <Bubble $out={out} $failed={failed}>
        <SrOnly>{out ? t('sidebar.thread.from_us') : t('sidebar.thread.from_customer')}</SrOnly>
        {message.text !== null ? (
          clip(message.text, MAX_SHOWN_TEXT)
        ) : (
          <em>{t('sidebar.thread.text_unavailable')}</em>
        )}
        {message.hasMedia && <Media>{t('sidebar.thread.media')}</Media>}
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
        {!out && repliesTo && (
          <Chip data-testid="thread-reply-to">
            {t('sidebar.thread.reply_to', { name: clip(repliesTo.name, 80) })}
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
