import type { Transport } from '../transport';
import { ZendeskError } from './errors';
import { zendeskCall } from './http';
import type { ZendeskUser } from './types';

/**
 * The user field that links a Zendesk user to a Klaviyo profile id. The setup page creates it
 * (provisioning); until then, linking fails with a `ZendeskError` whose `error` is `UserFieldMissing`.
 */
export const KLAVIYO_PROFILE_FIELD_KEY = 'klaviyo_profile_id';

export async function getMe(transport: Transport): Promise<ZendeskUser> {
  const body = await zendeskCall<{ user: ZendeskUser }>(
    transport,
    'GET',
    '/api/v2/users/me',
    'Reading the current user',
  );
  return body.user;
}

export async function getUser(transport: Transport, userId: number): Promise<ZendeskUser> {
  const body = await zendeskCall<{ user: ZendeskUser }>(
    transport,
    'GET',
    `/api/v2/users/${userId}`,
    'Reading the user',
  );
  return body.user;
}

/** A user field's value on a user (`null` when empty or when the field does not exist). */
export async function getUserField(
  transport: Transport,
  userId: number,
  key: string,
): Promise<string | null> {
  const user = await getUser(transport, userId);
  const value = user.user_fields?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export function getUserKlaviyoProfileId(
  transport: Transport,
  userId: number,
): Promise<string | null> {
  return getUserField(transport, userId, KLAVIYO_PROFILE_FIELD_KEY);
}

/**
 * Links (or, with `null`, unlinks) a Klaviyo profile on a Zendesk user. Zendesk silently ignores
 * values for user fields that do not exist, so the answer is checked: a missing field is reported,
 * never swallowed.
 */
export async function setUserKlaviyoProfileId(
  transport: Transport,
  userId: number,
  profileId: string | null,
): Promise<void> {
  const body = await zendeskCall<{ user: ZendeskUser }>(
    transport,
    'PUT',
    `/api/v2/users/${userId}`,
    'Linking the Klaviyo profile',
    { user: { user_fields: { [KLAVIYO_PROFILE_FIELD_KEY]: profileId } } },
  );
  const fields = body?.user?.user_fields;
  if (!fields || !(KLAVIYO_PROFILE_FIELD_KEY in fields)) {
    throw new ZendeskError(
      'not-found',
      `The user field "${KLAVIYO_PROFILE_FIELD_KEY}" does not exist: an admin must save the app's setup page once`,
      404,
      'UserFieldMissing',
    );
  }
}

/**
 * The end user with this external id, created when new (`create_or_update`), with `phone` as
 * their phone number. Answers the user as Zendesk holds it: an existing agent keeps their role.
 */
export async function upsertEndUser(
  transport: Transport,
  user: { name: string; externalId: string; phone: string },
): Promise<ZendeskUser> {
  const body = await zendeskCall<{ user: ZendeskUser }>(
    transport,
    'POST',
    '/api/v2/users/create_or_update.json',
    'Creating the test customer',
    {
      user: { name: user.name, external_id: user.externalId, phone: user.phone, role: 'end-user' },
    },
  );
  return body.user;
}
