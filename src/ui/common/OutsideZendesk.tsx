import { Well } from '@zendeskgarden/react-notifications';
import styled from 'styled-components';
import { useI18n } from './I18nProvider';

const Page = styled.main`
  padding: ${({ theme }) => theme.space.md};
`;

/** Shown instead of a blank page when the app is opened directly, outside Zendesk. */
export function OutsideZendesk() {
  const { t } = useI18n();
  return (
    <Page>
      <Well>
        <Well.Title>Klaviyo for Zendesk</Well.Title>
        <Well.Paragraph>{t('common.outside_zendesk')}</Well.Paragraph>
      </Well>
    </Page>
  );
}
