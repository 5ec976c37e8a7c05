/**
 * Recording an event as Klaviyo does on `POST /api/events`: the profile found by id, email or phone
 * (created when new), the metric created on its first event, and `unique_id` honoured: a second
 * event with the same metric, profile and unique_id is accepted (202) but not recorded again, and
 * runs no flow.
 */
import { invalid } from './errors';
import { isObj, type Obj } from './routes/types';
import type { KlaviyoStore, SeedEvent, SeedProfile } from './store';

export interface EventInput {
  metricName: string;
  profile: SeedProfile;
  properties: Record<string, unknown>;
  uniqueId: string | null;
  /** ISO 8601; now when absent. */
  time?: string;
}

export type RecordOutcome = { duplicate: true } | { duplicate: false; event: SeedEvent };

export function recordEvent(store: KlaviyoStore, input: EventInput): RecordOutcome {
  const metric = store.metricNamed(input.metricName);
  const { uniqueId, profile } = input;
  if (uniqueId !== null) {
    const seen = store.events.some(
      (e) => e.profileId === profile.id && e.metricId === metric.id && e.uniqueId === uniqueId,
    );
    if (seen) {
      store.duplicateEvents += 1;
      return { duplicate: true };
    }
  }
  const event: SeedEvent & { uniqueId?: string } = {
    id: store.nextId('EV'),
    profileId: profile.id,
    metricId: metric.id,
    datetime: input.time ?? new Date().toISOString(),
    properties: input.properties,
    ...(uniqueId !== null ? { uniqueId } : {}),
  };
  store.events.push(event);
  return { duplicate: false, event };
}

/** A phone-only or email-only profile, as Klaviyo makes one for an identifier it does not know. */
export function newProfile(
  store: KlaviyoStore,
  email: string | null,
  phone: string | null,
): SeedProfile {
  const now = new Date().toISOString();
  return store.addProfile({
    id: store.nextId('01NEW'),
    attributes: { email, phone_number: phone, created: now, updated: now },
  });
}

function profileFrom(store: KlaviyoStore, a: Obj): SeedProfile {
  const pd = isObj(a.profile) && isObj(a.profile.data) ? a.profile.data : null;
  if (!pd || pd.type !== 'profile' || !isObj(pd.attributes))
    throw invalid("'profile' with attributes is required.");
  const id = typeof pd.id === 'string' && pd.id !== '' ? pd.id : null;
  const email = typeof pd.attributes.email === 'string' ? pd.attributes.email : null;
  const phone = typeof pd.attributes.phone_number === 'string' ? pd.attributes.phone_number : null;
  if (!id && !email && !phone)
    throw invalid('A profile identifier (id, email or phone_number) is required.');
  if (phone !== null && !/^\+[1-9]\d{6,14}$/.test(phone))
    throw invalid(`Invalid phone number '${phone}'.`);
  if (id) {
    const profile = store.profiles.get(id);
    if (!profile) throw invalid(`Profile '${id}' does not exist.`);
    return profile;
  }
  return (
    (email ? store.findProfiles('email', email)[0] : undefined) ??
    (phone ? store.findProfiles('phone_number', phone)[0] : undefined) ??
    newProfile(store, email, phone)
  );
}

/** Reads a `POST /api/events` body (Klaviyo's 400 for what it refuses) and records it. */
export function createEventFromBody(store: KlaviyoStore, body: unknown): RecordOutcome {
  const data = isObj(body) && isObj(body.data) ? body.data : null;
  if (!data) throw invalid('The request body must be a JSON:API document with data.');
  if (data.type !== 'event') throw invalid("'type' must be 'event'.");
  const a = isObj(data.attributes) ? data.attributes : null;
  if (!a) throw invalid("'attributes' is required.");
  if (!isObj(a.properties)) throw invalid("'properties' is required and must be an object.");
  const metricName =
    isObj(a.metric) && isObj(a.metric.data) && isObj(a.metric.data.attributes)
      ? a.metric.data.attributes.name
      : null;
  if (typeof metricName !== 'string' || metricName.trim() === '')
    throw invalid("The metric 'name' is required.");
  const profile = profileFrom(store, a);
  const uniqueId = typeof a.unique_id === 'string' ? a.unique_id : null;
  const time =
    typeof a.time === 'string' && !Number.isNaN(Date.parse(a.time))
      ? new Date(a.time).toISOString()
      : new Date().toISOString();
  const outcome = recordEvent(store, {
    metricName,
    profile,
    properties: a.properties,
    uniqueId,
    time,
  });
  if (!outcome.duplicate) {
    store.createdEvents.push({
      metricName,
      profileId: profile.id,
      uniqueId,
      properties: a.properties,
      time,
      raw: body,
    });
  }
  return outcome;
}
