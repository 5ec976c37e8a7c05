import { Button } from '@zendeskgarden/react-buttons';
import styled from 'styled-components';
import { useI18n } from '../../common/I18nProvider';
import { Note } from './Section';
import { useCurrentUser } from '../../../zaf/hooks/useCurrentUser';

const Bar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.space.xs};
  align-items: center;
  margin: 0 0 ${({ theme }) => theme.space.sm};
`;

/** The whole width, under the buttons. */
const Problem = styled(Note)`
  width: 100%;
`;

/**
 * Under a profile the agent chose (from several matches or a search): keep it on the Zendesk
 * user, so every agent sees the same profile later, or go back and choose again.
 */
export function LinkBar({
  onLink,
  onChooseAnother,
  linking,
  linked,
  failed,
  fieldMissing,
  canLink,
}: {
  onLink: () => void;
  onChooseAnother?: () => void;
  linking: boolean;
  linked: boolean;
  failed: boolean;
  /** The Zendesk user field does not exist yet (the setup page creates it). */
  fieldMissing?: boolean;
  /** False when there is no Zendesk user to keep the link on. */
  canLink: boolean;
}) {
  const { t } = useI18n();
  const { isAdmin } = useCurrentUser();
  return (
    <Bar>
      {linked ? (
        <Note tag="p" role="status">
          {t('sidebar.match.linked')}
        </Note>
      ) : (
        canLink && (
          <Button size="small" onClick={onLink} disabled={linking}>
            {linking ? t('sidebar.match.linking') : t('sidebar.match.link')}
          </Button>
        )
      )}
      {onChooseAnother && !linked && (
        <Button size="small" isBasic onClick={onChooseAnother}>
          {t('sidebar.match.choose_other')}
        </Button>
      )}
      {failed && (
        <Problem tag="p" role="alert">
          {fieldMissing
            ? isAdmin
              ? t('sidebar.match.field_missing_admin')
              : t('sidebar.match.field_missing_agent')
            : t('sidebar.match.link_failed')}
        </Problem>
      )}
    </Bar>
  );
}
