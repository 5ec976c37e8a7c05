import { Well } from '@zendeskgarden/react-notifications';
import { useI18n } from './I18nProvider';

/** Shown instead of a blank page when the app is opened directly, outside Zendesk. */
export function OutsideZendesk() {
  const { t } = useI18n();
  return (
    <main style={{ padding: 16 }}>
      <Well>
        <Well.Title>Klaviyo for Zendesk</Well.Title>
        <Well.Paragraph>{t('common.outside_zendesk')}</Well.Paragraph>
      </Well>
    </main>
  );
}
