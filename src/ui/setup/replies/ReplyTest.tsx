import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useState, type FormEvent } from 'react';
import { phoneIfKnownNow, type KlaviyoClient } from '../../../klaviyo';
import { checkTestReply, createTestTicket } from '../../../reply/path/test-reply';
import type { Transport } from '../../../transport';
import type { TicketBrief } from '../../../zendesk/tickets';
import { useZaf } from '../../../zaf/context';
import { useI18n } from '../../common/I18nProvider';
import { StatusMessage } from '../../common/StatusMessage';
import { TEST_POLL_MS, TEST_WAIT_MS } from '../inbound/InboundTest';
import { Actions, Block } from '../layout';
import { PhoneField } from '../PhoneField';
import { setupKeys } from '../queries';
import { describeError } from '../reasons';

interface Running {
  phone: string;
  ticket: TicketBrief;
  since: Date;
}

/**
 * "Reply to your own test ticket": the admin names their phone, the page makes a ticket tagged for
 * SMS with that number as the customer, the admin posts a public reply on it, and the page
 * follows the reply into Klaviyo (event recorded, then texted or failed), or says after a few
 * minutes which half to check.
 */
export function ReplyTest({
  transport,
  klaviyo,
  metricName,
}: {
  transport: Transport;
  klaviyo: KlaviyoClient;
  metricName: string;
}) {
  const { t } = useI18n();
  const { client, settings } = useZaf();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [timedOut, setTimedOut] = useState(false);

  const create = useMutation({
    mutationFn: (phone: string) =>
      createTestTicket(transport, phone, settings.smsTicketTag, {
        customerName: t('setup.reply_path.test.words.customer_name'),
        subject: t('setup.reply_path.test.words.subject'),
        note: t('setup.reply_path.test.words.note', { phone }),
      }),
    onSuccess: (ticket, phone) => {
      setTimedOut(false);
      setRunning({ phone, ticket, since: new Date() });
    },
  });

  const progress = useQuery({
    queryKey: [...setupKeys.replyTest, running?.ticket.id ?? 0],
    queryFn: () => {
      if (running && Date.now() - running.since.getTime() > TEST_WAIT_MS) setTimedOut(true);
      return checkTestReply(klaviyo, running!.phone, running!.since, metricName);
    },
    enabled: running !== null && !timedOut,
    refetchInterval: (query) => {
      const stage = query.state.data?.stage;
      return stage === 'texted' || stage === 'failed' || query.state.error || timedOut
        ? false
        : TEST_POLL_MS;
    },
    retry: false,
  });

  function start(event: FormEvent) {
    event.preventDefault();
    const phone = phoneIfKnownNow(typed, null);
    if (phone === null) {
      setProblem(t('setup.reply_path.test.phone_invalid'));
      return;
    }
    setProblem(null);
    create.mutate(phone);
  }

  const stage = progress.data?.stage ?? 'waiting';
  const done = stage === 'texted' || stage === 'failed';
  const waiting = running !== null && !done && !timedOut && !progress.isError;

  return (
    <Block $top="md" data-testid="reply-test">
      <Paragraph>{t('setup.reply_path.test.hint')}</Paragraph>
      <form onSubmit={start} noValidate>
        <PhoneField
          label={t('setup.reply_path.test.phone')}
          value={typed}
          problem={problem}
          onChange={setTyped}
        />
        <Actions $top="xs">
          <Button type="submit" disabled={create.isPending || waiting}>
            {create.isPending
              ? t('setup.reply_path.test.creating')
              : t('setup.reply_path.test.create')}
          </Button>
          {waiting && (
            <Button isBasic onClick={() => setRunning(null)}>
              {t('setup.reply_path.test.stop')}
            </Button>
          )}
        </Actions>
      </form>
      <Block $top="xs" aria-live="polite">
        {create.isError && (
          <StatusMessage kind="error">
            {t('setup.reply_path.test.create_failed', {
              reason: describeError(t, create.error),
            })}
          </StatusMessage>
        )}
        {running && (
          <Paragraph role="status" data-testid="reply-test-stage" data-stage={stage}>
            {t(`setup.reply_path.test.stage.${stage}`, { id: running.ticket.id })}{' '}
            <Button
              size="small"
              isLink
              onClick={() => void client.invoke('routeTo', 'ticket', running.ticket.id)}
            >
              {t('setup.reply_path.test.open', { id: running.ticket.id })}
            </Button>
          </Paragraph>
        )}
        {progress.data?.stage === 'texted' && progress.data.text !== null && (
          <Alert type="success" role="status">
            <Alert.Paragraph>
              {t('setup.reply_path.test.texted_text', { text: progress.data.text })}
            </Alert.Paragraph>
          </Alert>
        )}
        {timedOut && !done && (
          <Alert type="warning" role="alert">
            <Alert.Paragraph>
              {t(
                stage === 'recorded'
                  ? 'setup.reply_path.test.timeout_recorded'
                  : 'setup.reply_path.test.timeout_nothing',
                { minutes: TEST_WAIT_MS / 60_000 },
              )}
            </Alert.Paragraph>
          </Alert>
        )}
        {progress.isError && (
          <StatusMessage kind="error" onRetry={() => void progress.refetch()}>
            {t('setup.reply_path.test.check_failed', {
              reason: describeError(t, progress.error),
            })}
          </StatusMessage>
        )}
      </Block>
    </Block>
  );
}
