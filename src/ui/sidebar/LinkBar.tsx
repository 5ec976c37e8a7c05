import { Button } from '@zendeskgarden/react-buttons';
import { SM } from '@zendeskgarden/react-typography';
import { useI18n } from '../common/I18nProvider';
import { useCurrentUser } from '../../zaf/hooks/useCurrentUser';

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
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 8,
        alignItems: 'center',
        margin: '0 0 12px',
      }}
    >
      {linked ? (
        <SM tag="p" role="status" style={{ margin: 0 }}>
          {t('sidebar.match.linked')}
        </SM>
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
        <SM tag="p" role="alert" style={{ margin: 0, width: '100%' }}>
          {fieldMissing
            ? isAdmin
              ? t('sidebar.match.field_missing_admin')
              : t('sidebar.match.field_missing_agent')
            : t('sidebar.match.link_failed')}
        </SM>
      )}
    </div>
  );
}
