/** Conversations: a profile's conversations and sending a message into one (counted as an SMS sent). */
import { invalid, notFound } from '../errors';
import { sparse } from '../resources';
import { recordSms } from '../sms/records';
import { SMS_TEXT_PROPERTY } from '../sms/types';
import { profileOr404 } from './profiles';
import { isObj, type Route } from './types';
import type { KlaviyoStore } from '../store';

function createConversationMessage(store: KlaviyoStore, body: unknown): void {
  const data = isObj(body) && isObj(body.data) ? body.data : null;
  if (!data) throw invalid('The request body must be a JSON:API document with data.');
  if (data.type !== 'conversation-message') throw invalid("'type' must be 'conversation-message'.");
  const text = isObj(data.attributes) ? data.attributes.body : null;
  if (typeof text !== 'string' || text.trim() === '') throw invalid("'body' is required.");
  const rel = isObj(data.relationships) ? data.relationships.conversation : null;
  const conv = isObj(rel) && isObj(rel.data) ? rel.data : null;
  if (!conv || conv.type !== 'conversation' || typeof conv.id !== 'string')
    throw invalid("The 'conversation' relationship is required.");
  const conversationId = conv.id;
  const owner = [...store.profiles.values()].find((p) =>
    p.conversations?.some((c) => c.id === conversationId),
  );
  if (!owner) throw notFound(`Conversation '${conversationId}' does not exist.`);
  const now = new Date().toISOString();
  const message = {
    id: store.nextId('CM'),
    conversationId,
    profileId: owner.id,
    body: text,
    receivedAt: now,
  };
  store.conversationMessages.push(message);
  recordSms(store, {
    direction: 'outbound',
    via: 'conversations',
    status: 'sent',
    profile: owner,
    body: text,
    conversationId,
  });
  // Klaviyo later records the delivered text on the profile as `Received SMS`.
  store.events.push({
    id: store.nextId('EV'),
    profileId: owner.id,
    metricId: store.metricNamed('Received SMS').id,
    datetime: now,
    properties: {
      [SMS_TEXT_PROPERTY]: text,
      'Message Type': 'conversational',
      'Conversation Id': conversationId,
    },
  });
}

export const conversationRoutes: Route[] = [
  {
    name: 'profileConversations',
    method: 'GET',
    pattern: /^\/api\/profiles\/([^/]+)\/conversations\/?$/,
    handle: ({ store, base, url, params }) => {
      const p = profileOr404(store, params[0]!);
      const fields = url.searchParams.get('fields[conversation]');
      const data = (p.conversations ?? []).map((c) => ({
        type: 'conversation',
        id: c.id,
        attributes: sparse({ channel: c.channel }, fields),
        relationships: { profile: { data: { type: 'profile', id: p.id } } },
        links: { self: `${base}/api/conversations/${c.id}/` },
      }));
      return { status: 200, body: { data, links: { self: url.toString() } } };
    },
  },
  {
    name: 'profileConversationIds',
    method: 'GET',
    pattern: /^\/api\/profiles\/([^/]+)\/relationships\/conversations\/?$/,
    params: 'none',
    handle: ({ store, url, params }) => {
      const p = profileOr404(store, params[0]!);
      const data = (p.conversations ?? []).map((c) => ({ type: 'conversation', id: c.id }));
      return { status: 200, body: { data, links: { self: url.toString() } } };
    },
  },
  {
    name: 'createConversationMessage',
    method: 'POST',
    pattern: /^\/api\/conversation-messages\/?$/,
    params: 'none',
    handle: ({ store, body }) => {
      createConversationMessage(store, body);
      return { status: 202, body: null };
    },
  },
];
