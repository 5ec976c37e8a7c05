import { createUserField } from '../../../src/zendesk/fields';
import { KLAVIYO_PROFILE_FIELD_KEY } from '../../../src/zendesk/users';
import { loadPhoneRules, type KlaviyoProfile, type ProfileLookup } from '../../../src/klaviyo';
import { autoLinkTarget } from '../../../src/ui/sidebar/autolink';
import { linkIfStillUnlinked } from '../../../src/ui/sidebar/useAutoLink';
import { PROFILE_ID_FIELD_KEY } from '../../../src/zaf/hooks/requester';
import { parseSettings } from '../../../src/zaf/settings';
import { withZendeskServer, zendeskHarness } from '../metrics/harness';

const maria: KlaviyoProfile = {
  id: '01DEMOMARIA000000000000000',
  email: 'maria.garcia@example.com',
  phoneNumber: '+14155550101',
  externalId: null,
  firstName: 'Maria',
  lastName: 'Garcia',
  organization: null,
  location: null,
  created: null,
  updated: null,
  lastEventDate: null,
  subscriptions: null,
  predictiveAnalytics: null,
};
const requester = {
  id: 1101,
  email: 'Maria.Garcia@example.com',
  phone: '(415) 555-0101',
  linkedProfileId: null,
};
const found = (matchedBy: 'email' | 'phone' | 'search' | 'linked', profile = maria) =>
  ({ status: 'found', profile, matchedBy }) as ProfileLookup;

describe('which matches the sidebar links by itself', () => {
  // A national-format phone needs the phone rules; before they load, nothing is linked.
  beforeAll(() => loadPhoneRules());

  it('links one profile whose email and phone both agree with the requester', () => {
    expect(autoLinkTarget(requester, found('email'), 'US')).toBe(maria.id);
  });

  it('links a phone match when the requester has no email', () => {
    expect(autoLinkTarget({ ...requester, email: null }, found('phone'), 'US')).toBe(maria.id);
  });

  it('does not link when the email matches but the profile has another phone number', () => {
    const other = { ...maria, phoneNumber: '+14155550199' };
    expect(autoLinkTarget(requester, found('email', other), 'US')).toBeNull();
  });

  it('never replaces a link already on the user', () => {
    const linked = { ...requester, linkedProfileId: '01SOMEONEELSE0000000000000' };
    expect(autoLinkTarget(linked, found('email'), 'US')).toBeNull();
  });

  it('leaves several candidates, a search result and no match to the agent', () => {
    const several: ProfileLookup = {
      status: 'multiple',
      profiles: [maria, maria],
      matchedBy: 'email',
    };
    expect(autoLinkTarget(requester, several, 'US')).toBeNull();
    expect(autoLinkTarget(requester, found('search'), 'US')).toBeNull();
    expect(autoLinkTarget(requester, found('linked'), 'US')).toBeNull();
    const none: ProfileLookup = { status: 'none', searched: { email: null, phone: null } };
    expect(autoLinkTarget(requester, none, 'US')).toBeNull();
    expect(autoLinkTarget(requester, undefined, 'US')).toBeNull();
  });

  it('needs a Zendesk user to write to', () => {
    expect(autoLinkTarget({ ...requester, id: null }, found('email'), 'US')).toBeNull();
  });

  it('is on unless the admin turns the setting off', () => {
    expect(parseSettings({}).autoLinkProfiles).toBe(true);
    expect(parseSettings({ auto_link_profiles: true }).autoLinkProfiles).toBe(true);
    expect(parseSettings({ auto_link_profiles: false }).autoLinkProfiles).toBe(false);
    expect(parseSettings({ auto_link_profiles: 'false' }).autoLinkProfiles).toBe(false);
  });

  it('reads and writes the same user field the rest of the app uses', () => {
    expect(PROFILE_ID_FIELD_KEY).toBe(KLAVIYO_PROFILE_FIELD_KEY);
  });
});

describe('writing the automatic link to Zendesk', () => {
  withZendeskServer();

  async function withUserField() {
    const harness = zendeskHarness();
    await createUserField(harness.transport, {
      key: KLAVIYO_PROFILE_FIELD_KEY,
      type: 'text',
      title: 'Klaviyo profile id',
      description: 'Linked Klaviyo profile',
    });
    return harness;
  }

  it('writes the profile id on a user who has no link', async () => {
    const { store, transport } = await withUserField();
    await expect(linkIfStillUnlinked(transport, 1101, maria.id)).resolves.toBe('linked');
    expect(store.getUser(1101).user_fields[KLAVIYO_PROFILE_FIELD_KEY]).toBe(maria.id);
  });

  it('keeps a link another agent made after the ticket was read', async () => {
    const { store, transport } = await withUserField();
    store.getUser(1101).user_fields[KLAVIYO_PROFILE_FIELD_KEY] = '01AGENTCHOSE00000000000000';
    await expect(linkIfStillUnlinked(transport, 1101, maria.id)).resolves.toBe('kept');
    expect(store.getUser(1101).user_fields[KLAVIYO_PROFILE_FIELD_KEY]).toBe(
      '01AGENTCHOSE00000000000000',
    );
  });
});
