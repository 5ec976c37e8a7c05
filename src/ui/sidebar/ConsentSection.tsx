import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import type { CannotTextReason, ConsentSummary } from '../../sms/model';
import { useI18n } from '../common/I18nProvider';
import type { MessageKey } from '../../i18n';
import { Section } from './Section';

type State = ConsentSummary['smsMarketing'];

const STATE_KEYS: Record<State, MessageKey> = {
  subscribed: 'sidebar.consent.state.subscribed',
  unsubscribed: 'sidebar.consent.state.unsubscribed',
  never_subscribed: 'sidebar.consent.state.never_subscribed',
  suppressed: 'sidebar.consent.state.suppressed',
  unknown: 'sidebar.consent.state.unknown',
};

const HUES: Record<State, string> = {
  subscribed: 'green',
  unsubscribed: 'red',
  suppressed: 'red',
  never_subscribed: 'grey',
  unknown: 'grey',
};

export const REASON_KEYS: Record<CannotTextReason, MessageKey> = {
  'no-phone': 'sidebar.consent.reason.no_phone',
  unsubscribed: 'sidebar.consent.reason.unsubscribed',
  'never-subscribed': 'sidebar.consent.reason.never_subscribed',
  suppressed: 'sidebar.consent.reason.suppressed',
  'cannot-receive': 'sidebar.consent.reason.cannot_receive',
  'unknown-consent': 'sidebar.consent.reason.unknown_consent',
};

function Badge({ label, state }: { label: string; state: State }) {
  const { t } = useI18n();
  return (
    <li style={{ listStyle: 'none' }}>
      <Tag hue={HUES[state]} size="medium" data-state={state}>
        <span>
          {label}: {t(STATE_KEYS[state])}
        </span>
      </Tag>
    </li>
  );
}

/** May the agent text this customer: one badge per channel and, when not, why. */
export function ConsentSection({ consent }: { consent: ConsentSummary }) {
  const { t } = useI18n();
  return (
    <Section id="consent" title={t('sidebar.consent.heading')}>
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 4, margin: 0, padding: 0 }}>
        <Badge label={t('sidebar.consent.sms_marketing')} state={consent.smsMarketing} />
        <Badge label={t('sidebar.consent.sms_transactional')} state={consent.smsTransactional} />
        <Badge label={t('sidebar.consent.email_marketing')} state={consent.emailMarketing} />
      </ul>
      <SM tag="p" style={{ margin: '8px 0 0' }} data-testid="can-text">
        {consent.canText
          ? t('sidebar.consent.can_text')
          : t(REASON_KEYS[consent.reason ?? 'unknown-consent'])}
      </SM>
    </Section>
  );
}
