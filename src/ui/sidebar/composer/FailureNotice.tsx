import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { useI18n } from '../../common/I18nProvider';
import type { ReplyFailure } from '../../../reply/types';
import { useCurrentUser } from '../../../zaf/hooks/useCurrentUser';
import { failureText } from './failureText';

export interface FailureNoticeProps {
  failure: ReplyFailure;
  busy: boolean;
  /** A 429 said when to try again, and that time has not come. */
  retryBlocked: boolean;
  canOfferFlow: boolean;
  flowMetricName: string;
  onRetry(): void;
  onSendAgain(): void;
  onUseFlow(): void;
}

const actions = { display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 } as const;

/** Why the last send failed, what was (not) sent, and the safe next step. The text stays. */
export function FailureNotice(props: FailureNoticeProps) {
  const { t, format } = useI18n();
  const { isAdmin } = useCurrentUser();
  const { failure, busy } = props;
  const text = failureText(failure, { t, format, isAdmin });
  const kind = failure.kind;
  const type =
    kind === 'conversations-unavailable' ||
    kind === 'no-conversation' ||
    kind === 'uncertain' ||
    kind === 'rate-limited'
      ? 'warning'
      : 'error';

  let buttons: JSX.Element | null = null;
  if (kind === 'conversations-unavailable' || kind === 'no-conversation') {
    buttons = props.canOfferFlow ? (
      <Button size="small" onClick={props.onUseFlow} disabled={busy}>
        {t('composer.failure.use_flow')}
      </Button>
    ) : null;
  } else if (kind === 'uncertain') {
    buttons = (
      <>
        <Button size="small" onClick={props.onRetry} disabled={busy}>
          {failure.checkedAt
            ? t('composer.failure.check_again')
            : t('composer.failure.uncertain_check')}
        </Button>
        {failure.checkedAt && (
          <Button size="small" isBasic isDanger onClick={props.onSendAgain} disabled={busy}>
            {t('composer.failure.send_again')}
          </Button>
        )}
      </>
    );
  } else if (kind === 'rate-limited' || kind === 'network' || kind === 'server') {
    buttons = (
      <Button size="small" isBasic onClick={props.onRetry} disabled={busy || props.retryBlocked}>
        {t('common.retry')}
      </Button>
    );
  }

  return (
    <Alert type={type} role="alert" data-testid="composer-failure" data-kind={kind}>
      {text.title && <Alert.Title>{text.title}</Alert.Title>}
      <Alert.Paragraph>{text.body}</Alert.Paragraph>
      {props.canOfferFlow &&
        (kind === 'conversations-unavailable' || kind === 'no-conversation') && (
          <Alert.Paragraph>
            {t('composer.failure.use_flow_hint', { metric: props.flowMetricName })}
          </Alert.Paragraph>
        )}
      {buttons && <div style={actions}>{buttons}</div>}
    </Alert>
  );
}
