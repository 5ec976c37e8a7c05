import { StatusMessage } from '../common/StatusMessage';
import { useI18n } from '../common/I18nProvider';
import { useCurrentUser } from '../../zaf/hooks/useCurrentUser';
import { errorText } from './errorText';

/** A failed Klaviyo call, explained for the agent's role, with "Try again" when it can help. */
export function ErrorNotice({
  error,
  onRetry,
  since,
}: {
  error: unknown;
  onRetry?: () => void;
  /** When the error happened (ms), for "retrying at". */
  since?: number;
}) {
  const { t, format } = useI18n();
  const { isAdmin } = useCurrentUser();
  const text = errorText(error, { t, format, isAdmin, since });
  return (
    <StatusMessage
      kind="error"
      type={text.type}
      title={text.title}
      {...(text.retryable && onRetry ? { onRetry } : {})}
    >
      {text.body}
    </StatusMessage>
  );
}
