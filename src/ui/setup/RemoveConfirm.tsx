import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import type { ReactNode } from 'react';
import { useI18n } from '../common/I18nProvider';
import { Actions, Block } from './layout';

/** "Remove …?" with what goes and what stays, a danger Remove and a way back. */
export function RemoveConfirm({
  explain,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
  children,
}: {
  explain: string;
  confirmLabel?: string;
  cancelLabel?: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Options of the removal (what else to remove), between the sentence and the buttons. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Block>
      <Alert type="warning">
        <Alert.Paragraph>{explain}</Alert.Paragraph>
        {children && <Block $top="xs">{children}</Block>}
        <Actions $top="xs">
          <Button size="small" isDanger isPrimary disabled={busy} onClick={onConfirm}>
            {confirmLabel ?? t('setup.remove.confirm')}
          </Button>
          <Button size="small" disabled={busy} onClick={onCancel}>
            {cancelLabel ?? t('setup.remove.cancel')}
          </Button>
        </Actions>
      </Alert>
    </Block>
  );
}
