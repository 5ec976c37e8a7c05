import { Button } from '@zendeskgarden/react-buttons';
import { Skeleton } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import type { ReactNode } from 'react';
import { useI18n } from './I18nProvider';

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
    return <SM style={{ color: 'inherit', opacity: 0.75 }}>{props.children}</SM>;
  }
  return (
    <Alert type={props.type ?? 'error'} role="alert">
      {props.title && <Alert.Title>{props.title}</Alert.Title>}
      <Alert.Paragraph>{props.children ?? t('common.unexpected_error')}</Alert.Paragraph>
      {props.onRetry && (
        <Button size="small" isBasic onClick={props.onRetry} style={{ marginTop: 8 }}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
