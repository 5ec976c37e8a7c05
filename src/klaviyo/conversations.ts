/**
 * Conversations: the profile's SMS conversation id, remembered per profile (a reply then costs one
 * Conversations call, the send, not two: the conversations endpoints allow 60 a minute for the
 * whole account), and sending a message into it, once per idempotency key.
 */
import type { KlaviyoHttp } from './context';
import { KlaviyoError } from './errors';
import type { RawConversationMessageCreate } from './jsonapi';
import { many, parseDocument } from './parse';

export interface SendConversationMessageInput {
  conversationId: string;
  body: string;
  /** Reuse the same key when the agent retries the same message. */
  idempotencyKey: string;
}

export interface SendResult {
  status: 'accepted';
  idempotencyKey: string;
  /** True when this key was already accepted earlier in this session and nothing was sent again. */
  duplicate: boolean;
}

/**
 * Where conversation ids are remembered (profile id → conversation id). The default lives as long
 * as the client; the app may give one that outlives it (e.g. over the browser's storage).
 */
export interface ConversationMemory {
  get(profileId: string): string | null;
  set(profileId: string, conversationId: string): void;
  forget(profileId: string): void;
}

export function inMemoryConversationMemory(): ConversationMemory {
  const ids = new Map<string, string>();
  return {
    get: (profileId) => ids.get(profileId) ?? null,
    set: (profileId, conversationId) => void ids.set(profileId, conversationId),
    forget: (profileId) => void ids.delete(profileId),
  };
}

const required = (value: unknown, message: string) =>
  typeof value !== 'string' || value.trim() === ''
    ? new KlaviyoError('invalid-request', message)
    : null;

export function conversationsResource(http: KlaviyoHttp, memory: ConversationMemory) {
  const accepted = new Map<string, Promise<SendResult>>();
  const owners = new Map<string, string>();

  /** The profile's SMS conversation id, null when it has none (a none is not remembered). */
  async function getSmsConversationId(profileId: string): Promise<string | null> {
    const known = memory.get(profileId);
    if (known !== null) {
      owners.set(known, profileId);
      return known;
    }
    const target = http.url(`/api/profiles/${encodeURIComponent(profileId)}/conversations`, [
      ['fields[conversation]', 'channel'],
    ]);
    const body = await http.get('get_conversations_for_profile', target);
    const sms = many(parseDocument(body, 'many', 'conversation list')).find(
      (c) =>
        typeof c.attributes.channel === 'string' && c.attributes.channel.toLowerCase() === 'sms',
    );
    if (!sms) return null;
    memory.set(profileId, sms.id);
    owners.set(sms.id, profileId);
    return sms.id;
  }

  function sendConversationMessage(input: SendConversationMessageInput): Promise<SendResult> {
    const refusal =
      required(input.idempotencyKey, 'An idempotency key is required') ??
      required(input.body, 'The message is empty') ??
      required(input.conversationId, 'A conversation id is required');
    if (refusal) return Promise.reject(refusal);
    const key = input.idempotencyKey.trim();
    const earlier = accepted.get(key);
    if (earlier) return earlier.then((r) => ({ ...r, duplicate: true }));
    const body: RawConversationMessageCreate = {
      data: {
        type: 'conversation-message',
        attributes: { body: input.body },
        relationships: {
          conversation: { data: { type: 'conversation', id: input.conversationId } },
        },
      },
    };
    // Klaviyo declares no idempotency header for this endpoint: never repeat it on our own.
    const sending = http
      .send(
        'create_conversation_message',
        'POST',
        http.url('/api/conversation-messages'),
        body,
        'once',
      )
      .then((): SendResult => ({ status: 'accepted', idempotencyKey: key, duplicate: false }));
    accepted.set(key, sending);
    sending.catch((error: unknown) => {
      // Only an accepted message is remembered; a failed one may be retried with the same key.
      accepted.delete(key);
      // A conversation Klaviyo no longer knows is looked up afresh next time.
      const owner = owners.get(input.conversationId);
      if (owner !== undefined && error instanceof KlaviyoError && error.kind === 'not-found')
        memory.forget(owner);
    });
    return sending;
  }

  return { getSmsConversationId, sendConversationMessage };
}
