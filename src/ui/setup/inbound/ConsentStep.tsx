import { useQuery } from '@tanstack/react-query';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { useEffect, useRef, useState } from 'react';
import { CONNECTION } from '../../../inbound/names';
import type { Transport } from '../../../transport';
import { readConnection } from '../../../zendesk/zis';
import { useI18n } from '../../common/I18nProvider';
import { Actions } from '../layout';
import { setupKeys } from '../queries';
import { describeError } from '../reasons';

/** How often the page asks Integration Services whether the admin allowed access. */
export const CONSENT_POLL_MS = 1_500;

type Phase = 'ask' | 'waiting' | 'closed';

/**
 * Install paused for the admin's consent: a button opens Zendesk's consent page in a pop-up (a
 * click, so the browser allows it); the page then watches the connection and, once ZIS holds its
 * token, closes the pop-up and lets Install continue. A blocked pop-up leaves a link instead;
 * a pop-up closed before allowing says so.
 */
export function ConsentStep({
  url,
  transport,
  integrationKey,
  onConnected,
  onCancel,
}: {
  url: string;
  transport: Transport;
  integrationKey: string;
  onConnected: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const popup = useRef<Window | null>(null);
  const closedAt = useRef<number | null>(null);
  const [phase, setPhase] = useState<Phase>('ask');
  const [blocked, setBlocked] = useState(false);

  const poll = useQuery({
    queryKey: [...setupKeys.inboundConsent, integrationKey, url],
    queryFn: () => readConnection(transport, integrationKey, CONNECTION),
    enabled: phase === 'waiting',
    refetchInterval: CONSENT_POLL_MS,
    retry: false,
    gcTime: 0,
  });

  useEffect(() => {
    if (phase !== 'waiting' || !poll.isSuccess) return;
    if (poll.data?.hasToken) {
      popup.current?.close();
      onConnected();
      return;
    }
    const window_ = popup.current;
    if (window_ && window_.closed) {
      // Declared closed only by an answer read after the pop-up closed (an Allow just before
      // closing it shows up there).
      if (closedAt.current === null) closedAt.current = Date.now();
      else if (poll.dataUpdatedAt > closedAt.current) setPhase('closed');
    }
  }, [phase, poll.isSuccess, poll.data, poll.dataUpdatedAt, onConnected]);

  function open() {
    closedAt.current = null;
    popup.current = window.open(url, 'kfz-zis-consent', 'popup,width=560,height=720');
    setBlocked(popup.current === null);
    setPhase('waiting');
  }

  return (
    <Alert type="info" data-testid="inbound-consent" data-phase={phase}>
      <Alert.Title>{t('setup.inbound.consent.title')}</Alert.Title>
      <Alert.Paragraph>{t('setup.inbound.consent.body')}</Alert.Paragraph>
      {phase === 'waiting' && (
        <Alert.Paragraph role="status">
          {blocked ? t('setup.inbound.consent.blocked') : t('setup.inbound.consent.waiting')}
        </Alert.Paragraph>
      )}
      {blocked && phase === 'waiting' && (
        <Alert.Paragraph>
          <Anchor href={url} target="_blank" rel="noopener noreferrer" isExternal>
            {t('setup.inbound.consent.link')}
          </Anchor>
        </Alert.Paragraph>
      )}
      {phase === 'closed' && (
        <Alert.Paragraph role="alert">{t('setup.inbound.consent.closed')}</Alert.Paragraph>
      )}
      {poll.isError && (
        <Alert.Paragraph role="alert">
          {t('setup.inbound.consent.check_failed', { reason: describeError(t, poll.error) })}
        </Alert.Paragraph>
      )}
      <Actions $top="xs">
        {phase !== 'waiting' || blocked ? (
          <Button size="small" isPrimary onClick={open}>
            {t('setup.inbound.consent.button')}
          </Button>
        ) : null}
        <Button size="small" isBasic onClick={onCancel}>
          {t('setup.inbound.consent.cancel')}
        </Button>
      </Actions>
    </Alert>
  );
}
