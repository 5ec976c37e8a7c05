import { Button } from '@zendeskgarden/react-buttons';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { KlaviyoProfile } from '../../klaviyo';
import { useI18n } from '../common/I18nProvider';
import { profileName } from './ProfileSection';
import { Section, Wrap } from './Section';
import { clip } from './text';

const Card = styled.li`
  list-style: none;
  padding: 8px;
  margin-bottom: 8px;
  border: 1px solid ${({ theme }) => getColor({ theme, variable: 'border.default' })};
  border-radius: 4px;
`;

/** Several Klaviyo profiles match the requester: the agent chooses one. */
export function ProfilePicker({
  profiles,
  onPick,
}: {
  profiles: KlaviyoProfile[];
  onPick: (profile: KlaviyoProfile) => void;
}) {
  const { t, format } = useI18n();
  return (
    <Section id="picker" title={t('sidebar.match.several_title')}>
      <SM tag="p" style={{ margin: '0 0 8px' }}>
        {t('sidebar.match.several_body')}
      </SM>
      <ul style={{ margin: 0, padding: 0 }}>
        {profiles.map((p) => {
          const label = clip(profileName(p) ?? p.email ?? p.phoneNumber ?? p.id, 120);
          return (
            <Card key={p.id} data-testid="candidate">
              <Wrap>
                <SM isBold tag="p" style={{ margin: 0 }}>
                  {label}
                </SM>
                {p.email && (
                  <SM tag="p" style={{ margin: 0 }}>
                    {clip(p.email)}
                  </SM>
                )}
                {p.phoneNumber && (
                  <SM tag="p" style={{ margin: 0 }}>
                    {clip(p.phoneNumber, 40)}
                  </SM>
                )}
                {p.lastEventDate && (
                  <SM tag="p" style={{ margin: 0 }}>
                    {t('sidebar.match.last_active', { relative: format.relative(p.lastEventDate) })}
                  </SM>
                )}
              </Wrap>
              <Button
                size="small"
                style={{ marginTop: 6 }}
                onClick={() => onPick(p)}
                aria-label={t('sidebar.match.use_named', { name: label })}
              >
                {t('sidebar.match.use')}
              </Button>
            </Card>
          );
        })}
      </ul>
    </Section>
  );
}
