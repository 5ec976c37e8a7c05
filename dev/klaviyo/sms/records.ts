import type { KlaviyoStore, SeedProfile } from '../store';
import type { SmsRecord } from './types';

export interface SmsRecordInput {
  direction: SmsRecord['direction'];
  via: SmsRecord['via'];
  status: SmsRecord['status'];
  profile: SeedProfile;
  body: string;
  reason?: string;
  conversationId?: string;
  flowId?: string;
  actionId?: string;
  phone?: string | null;
}

/** Appends one SMS record (what `GET /__workspace/klaviyo/messages` lists). */
export function recordSms(store: KlaviyoStore, input: SmsRecordInput): SmsRecord {
  const phone = input.phone ?? input.profile.attributes.phone_number;
  const record: SmsRecord = {
    id: store.nextId('SMS'),
    direction: input.direction,
    via: input.via,
    status: input.status,
    reason: input.reason ?? null,
    profileId: input.profile.id,
    phone: typeof phone === 'string' ? phone : null,
    body: input.body,
    conversationId: input.conversationId ?? null,
    flowId: input.flowId ?? null,
    actionId: input.actionId ?? null,
    at: new Date().toISOString(),
  };
  store.smsMessages.push(record);
  return record;
}
