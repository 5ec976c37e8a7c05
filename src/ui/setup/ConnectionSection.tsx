import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../common/I18nProvider';
import type { ConnectionReport, KlaviyoClient } from '../../klaviyo';
import { StatusMessage } from '../common/StatusMessage';
import { describeError } from './reasons';
import { Section } from './Section';
import { Block, TagRow } from './layout';

function Report({ report }: { report: ConnectionReport }) {
  const { t } = useI18n();
  if (!report.account) {
    return (
      <Alert type="error" role="alert">
        <Alert.Paragraph>{t('setup.connection.bad_key')}</Alert.Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type={report.ok ? 'success' : 'warning'} role="status">
      <Alert.Paragraph>
        {report.account.name
          ? t('setup.connection.ok', { account: report.account.name })
          : t('setup.connection.ok_unnamed')}
      </Alert.Paragraph>
      {report.missingScopes.length > 0 ? (
        <>
          <Alert.Paragraph>{t('setup.connection.missing_scopes')}</Alert.Paragraph>
          <TagRow>
            {report.missingScopes.map((scope) => (
              <li key={scope}>
                <Tag hue="red">{scope}</Tag>
              </li>
            ))}
          </TagRow>
        </>
      ) : (
        <Alert.Paragraph>{t('setup.connection.all_scopes')}</Alert.Paragraph>
      )}
      <Alert.Paragraph>
        {report.conversationsAccess === true
          ? t('setup.connection.conversations_yes')
          : report.conversationsAccess === false
            ? t('setup.connection.conversations_no')
            : t('setup.connection.conversations_unknown')}
      </Alert.Paragraph>
    </Alert>
  );
}

/** "Does the app's key work?": a cheap Klaviyo call, the missing scopes, Conversations access. */
export function ConnectionSection({ klaviyo }: { klaviyo: KlaviyoClient }) {
  const { t } = useI18n();
  const test = useMutation({ mutationFn: () => klaviyo.testConnection() });
  return (
    <Section
      id="setup-connection"
      title={t('setup.connection.heading')}
      description={t('setup.connection.description')}
    >
      <Button onClick={() => test.mutate()} disabled={test.isPending}>
        {test.isPending ? t('setup.connection.testing') : t('setup.connection.test')}
      </Button>
      <Block aria-live="polite">
        {test.isSuccess && <Report report={test.data} />}
        {test.isError && (
          <StatusMessage kind="error">
            {t('setup.connection.failed', { reason: describeError(t, test.error) })}
          </StatusMessage>
        )}
      </Block>
    </Section>
  );
}
