/**
 * Profiles: the requester lookup (linked id, else email, else phone, with Klaviyo's phone
 * uniqueness saving a request), the agent's manual search, one profile, and its predictions.
 */
import type { KlaviyoHttp, Query } from './context';
import { KlaviyoError } from './errors';
import { equalsFilter } from './filter';
import type {
  KlaviyoProfile,
  MatchedBy,
  PredictiveAnalytics,
  ProfileLookup,
  RequesterIdentity,
} from './model';
import { many, parseDocument, toPredictiveAnalytics, toProfile } from './parse';
import { phoneForLookup } from './phone';

export interface LookupOptions {
  defaultCountry?: string;
}

/** Fields the sidebar shows; `subscriptions` also needs additional-fields. */
export const PROFILE_FIELDS = [
  'email',
  'phone_number',
  'external_id',
  'first_name',
  'last_name',
  'organization',
  'location',
  'created',
  'updated',
  'last_event_date',
  'subscriptions',
] as const;

/**
 * The lookup never asks for `predictive_analytics`: on GET /api/profiles that additional field
 * drops the account's limit from 75/s, 750/m to 10/s, 150/m (the spec's description of
 * get_profiles), for every agent together. Predictions are a separate request, on demand.
 */
const PROFILE_QUERY: Query = [
  ['additional-fields[profile]', 'subscriptions'],
  ['fields[profile]', PROFILE_FIELDS.join(',')],
];

const PREDICTIVE_QUERY: Query = [
  ['additional-fields[profile]', 'predictive_analytics'],
  ['fields[profile]', 'predictive_analytics'],
];

const PROFILE_ID = /^[0-9A-Za-z]{20,32}$/;

export function cleanEmail(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(text) ? text : null;
}

function result(profiles: KlaviyoProfile[], matchedBy: MatchedBy): ProfileLookup | null {
  if (profiles.length === 0) return null;
  if (profiles.length === 1) return { status: 'found', profile: profiles[0]!, matchedBy };
  return { status: 'multiple', profiles, matchedBy };
}

export function profilesResource(http: KlaviyoHttp) {
  const country = (options?: LookupOptions) => options?.defaultCountry ?? http.defaultCountry;

  async function where(field: 'email' | 'phone_number' | 'id', value: string) {
    const target = http.url('/api/profiles', [
      ['filter', equalsFilter(field, value)],
      ...PROFILE_QUERY,
    ]);
    return many(parseDocument(await http.get('get_profiles', target), 'many', 'profile list')).map(
      toProfile,
    );
  }

  async function one(profileId: string, query: Query) {
    const id = typeof profileId === 'string' ? profileId.trim() : '';
    if (id === '') throw new KlaviyoError('invalid-request', 'A profile id is required');
    const body = await http.get(
      'get_profile',
      http.url(`/api/profiles/${encodeURIComponent(id)}`, query),
    );
    const doc = parseDocument(body, 'one', 'profile');
    if (!doc.data || Array.isArray(doc.data))
      throw new KlaviyoError('not-found', 'No such profile', 404);
    return doc.data;
  }

  async function getProfile(profileId: string): Promise<KlaviyoProfile> {
    return toProfile(await one(profileId, PROFILE_QUERY));
  }

  async function getPredictiveAnalytics(profileId: string): Promise<PredictiveAnalytics | null> {
    return toPredictiveAnalytics(await one(profileId, PREDICTIVE_QUERY));
  }

  async function byEmail(email: string, phone: string | null): Promise<ProfileLookup | null> {
    const found = await where('email', email);
    if (found.length > 1) return { status: 'multiple', profiles: found, matchedBy: 'email' };
    const match = found[0];
    if (!match) return null;
    // Klaviyo keeps phone numbers unique: when the email's profile has the requester's phone, no
    // other profile can, and one request was enough.
    if (phone === null || match.phoneNumber === phone)
      return { status: 'found', profile: match, matchedBy: 'email' };
    const others = (await where('phone_number', phone)).filter((p) => p.id !== match.id);
    return others.length === 0
      ? { status: 'found', profile: match, matchedBy: 'email' }
      : { status: 'multiple', profiles: [match, ...others], matchedBy: 'email' };
  }

  async function lookupProfile(
    identity: RequesterIdentity,
    options?: LookupOptions,
  ): Promise<ProfileLookup> {
    const linked =
      typeof identity.linkedProfileId === 'string' ? identity.linkedProfileId.trim() : '';
    if (linked !== '') {
      try {
        return { status: 'found', profile: await getProfile(linked), matchedBy: 'linked' };
      } catch (error) {
        // A linked profile that was deleted or merged away: look the requester up afresh.
        if (!(error instanceof KlaviyoError && error.kind === 'not-found')) throw error;
      }
    }
    const email = cleanEmail(identity.email);
    const phone = await phoneForLookup(identity.phone, country(options));
    if (email === null && phone === null) return { status: 'no-identifier' };
    const found =
      (email !== null ? await byEmail(email, phone) : null) ??
      (phone !== null ? result(await where('phone_number', phone), 'phone') : null);
    return found ?? { status: 'none', searched: { email, phone } };
  }

  async function searchProfiles(query: string, options?: LookupOptions): Promise<ProfileLookup> {
    const text = typeof query === 'string' ? query.trim() : '';
    const none = (email: string | null, phone: string | null): ProfileLookup => ({
      status: 'none',
      searched: { email, phone },
    });
    const email = text.includes('@') ? cleanEmail(text) : null;
    if (email !== null) return result(await where('email', email), 'search') ?? none(email, null);
    if (PROFILE_ID.test(text) && /[A-Za-z]/.test(text))
      return result(await where('id', text), 'search') ?? none(null, null);
    const phone = text.includes('@') ? null : await phoneForLookup(text, country(options));
    if (phone !== null)
      return result(await where('phone_number', phone), 'search') ?? none(null, phone);
    return { status: 'no-identifier' };
  }

  return { lookupProfile, searchProfiles, getProfile, getPredictiveAnalytics };
}
