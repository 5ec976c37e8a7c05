import { useQuery } from '@tanstack/react-query';
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useState, type FormEvent } from 'react';
import { phoneIfKnownNow, type KlaviyoClient } from '../../../klaviyo';
import { findTestTicket, TEST_WORD } from '../../../inbound/test-text';
import type { Transport } from '../../../transport';
import { useZaf } from '../../../zaf/context';
import { useI18n } from '../../common/I18nProvider';
import { StatusMessage } from '../../common/StatusMessage';
import { Actions, Block } from '../layout';
import { PhoneField } from '../PhoneField';
import { setupKeys } from '../queries';
import { describeError } from '../reasons';

/** How long the page waits for the test text, and how often it looks. */
export const TEST_WAIT_MS = 3 * 60_000;
export const TEST_POLL_MS = 3_000;

interface Running {
  phone: string;
  since: Date;
}

/**
 * "Text TEST to your number now": the admin names the phone they text from, starts, texts; the
 * page looks for the ticket every few seconds and links to it, or says after a few minutes what
 * to check.
 */
export function InboundTest({
  transport,
  klaviyo,
}: {
  transport: Transport;
  klaviyo: KlaviyoClient;
}) {
  const { t } = useI18n();
  const { client } = useZaf();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [timedOut, setTimedOut] = useState(false);

  const search = useQuery({
    queryKey: [...setupKeys.inboundTest, running?.phone ?? '', running?.since.getTime() ?? 0],
    queryFn: async () => {
      if (running && Date.now() - running.since.getTime() > TEST_WAIT_MS) {
        setTimedOut(true);
        return null;
      }
      return findTestTicket(klaviyo, transport, running!.phone, running!.since);
    },
    enabled: running !== null && !timedOut,
    refetchInterval: (query) =>
      query.state.data || query.state.error || timedOut ? false : TEST_POLL_MS,
    retry: false,
  });

  function start(event: FormEvent) {
    event.preventDefault();
    const phone = phoneIfKnownNow(typed, null);
    if (phone === null) {
      setProblem(t('setup.inbound.test.phone_invalid'));
      return;
    }
    setProblem(null);
    setTimedOut(false);
    setRunning({ phone, since: new Date() });
  }

  const ticket = search.data ?? null;
  const waiting = running !== null && !ticket && !timedOut && !search.isError;

  return (
    <Block $top="md" data-testid="inbound-test">
      <Paragraph>{t('setup.inbound.test.hint', { word: TEST_WORD })}</Paragraph>
      <form onSubmit={start} noValidate>
        <PhoneField
          label={t('setup.inbound.test.phone')}
          value={typed}
          problem={problem}
          onChange={setTyped}
        />
        <Actions $top="xs">
          <Button type="submit" disabled={waiting}>
            {t('setup.inbound.test.start')}
          </Button>
          {waiting && (
            <Button isBasic onClick={() => setRunning(null)}>
              {t('setup.inbound.test.stop')}
            </Button>
          )}
        </Actions>
      </form>
      <Block $top="xs" aria-live="polite">
        {waiting && (
          <Paragraph role="status" data-testid="inbound-test-waiting">
            {t('setup.inbound.test.waiting', { word: TEST_WORD })}
          </Paragraph>
        )}
        {ticket && (
          <Alert type="success" role="status">
            <Alert.Paragraph>{t('setup.inbound.test.found', { id: ticket.id })}</Alert.Paragraph>
            <Button
              size="small"
              isLink
              onClick={() => void client.invoke('routeTo', 'ticket', ticket.id)}
            >
              {t('setup.inbound.test.open', { id: ticket.id })}
            </Button>
          </Alert>
        )}
        {timedOut && (
          <Alert type="warning" role="alert">
            <Alert.Paragraph>
              {t('setup.inbound.test.timeout', { minutes: TEST_WAIT_MS / 60_000, word: TEST_WORD })}
            </Alert.Paragraph>
          </Alert>
        )}
        {search.isError && (
          <StatusMessage kind="error" onRetry={() => void search.refetch()}>
            {t('setup.inbound.test.failed', { reason: describeError(t, search.error) })}
          </StatusMessage>
        )}
      </Block>
    </Block>
  );
}
