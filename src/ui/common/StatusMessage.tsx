import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import { getColor } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import styled from 'styled-components';
import { useI18n } from './I18nProvider';

/** The quiet line of an empty state, in Garden's subtle foreground. */
const Quiet = styled(SM)`
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

const Retry = styled(Button)`
  margin-top: ${({ theme }) => theme.space.xs};
`;

type Props =
  | { kind: 'loading'; lines?: number; label?: string }
  | { kind: 'empty'; children: ReactNode }
  | {
      kind: 'error';
      title?: string;
      children?: ReactNode;
      onRetry?: () => void;
      type?: 'error' | 'warning';
    };

/**
 * The one loading / empty / error component: skeleton lines while loading, a quiet line when
 * there is nothing, an alert with an optional retry on failure.
 */
export function StatusMessage(props: Props) {
  const { t } = useI18n();
  if (props.kind === 'loading') {
    const lines = props.lines ?? 3;
    return (
      <div role="status" aria-busy="true" aria-label={props.label ?? t('common.loading')}>
        {Array.from({ length: lines }, (_, i) => (
          <Skeleton key={i} width={i === lines - 1 ? '60%' : '100%'} />
        ))}
      </div>
    );
  }
  if (props.kind === 'empty') {
    return <Quiet>{props.children}</Quiet>;
  }
  return (
    <Alert type={props.type ?? 'error'} role="alert">
      {props.title && <Alert.Title>{props.title}</Alert.Title>}
      <Alert.Paragraph>{props.children ?? t('common.unexpected_error')}</Alert.Paragraph>
      {props.onRetry && (
        <Retry size="small" isBasic onClick={props.onRetry}>
          {t('common.retry')}
        </Retry>
      )}
    </Alert>
  );
}
