import { Button } from '@zendeskgarden/react-buttons';
import { clip } from '../../../klaviyo';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { KlaviyoProfile } from '../../../klaviyo';
import { useI18n } from '../../common/I18nProvider';
import { profileName } from '../sections/ProfileSection';
import { Note, PlainList, Section, Wrap } from '../parts/Section';

const Card = styled.li`
  list-style: none;
  padding: 8px;
  margin-bottom: 8px;
  border: 1px solid ${({ theme }) => getColor({ theme, variable: 'border.default' })};
  border-radius: 4px;
`;

const Intro = styled(SM)`
  margin: 0 0 ${({ theme }) => theme.space.xs};
`;

const UseButton = styled(Button)`
  margin-top: ${({ theme }) => theme.space.xxs};
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
      <Intro tag="p">{t('sidebar.match.several_body')}</Intro>
      <PlainList>
        {profiles.map((p) => {
          const label = clip(profileName(p) ?? p.email ?? p.phoneNumber ?? p.id, 120);
          return (
            <Card key={p.id} data-testid="candidate">
              <Wrap>
                <Note isBold tag="p">
                  {label}
                </Note>
                {p.email && <Note tag="p">{clip(p.email)}</Note>}
                {p.phoneNumber && <Note tag="p">{clip(p.phoneNumber, 40)}</Note>}
                {p.lastEventDate && (
                  <Note tag="p">
                    {t('sidebar.match.last_active', { relative: format.relative(p.lastEventDate) })}
                  </Note>
                )}
              </Wrap>
              <UseButton
                size="small"
                onClick={() => onPick(p)}
                aria-label={t('sidebar.match.use_named', { name: label })}
              >
                {t('sidebar.match.use')}
              </UseButton>
            </Card>
          );
        })}
      </PlainList>
    </Section>
  );
}
