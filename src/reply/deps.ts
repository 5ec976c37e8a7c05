import type { KlaviyoClient } from '../klaviyo';
import { buildThread } from '../sms/thread';
import type { Transport } from '../transport';
import { addInternalNote } from '../zendesk/tickets';
import type { DeliveredText, ReplyDeps } from './types';

/** How many of the profile's latest events the "did it go out?" check reads (one request). */
export const DELIVERY_CHECK_EVENTS = 50;

export interface ReplyDepsConfig {
  klaviyo: KlaviyoClient;
  /** Zendesk REST through ZAF (`client.request`), for the internal note. */
  zendesk: Transport;
  /** Advanced setting: the event property holding SMS text, when not a known one. */
  smsTextProperty?: string | null;
  /** `https://{subdomain}.zendesk.com`, to link the ticket from a flow-mode event. */
  zendeskBaseUrl?: string | null;
  agentName?: string | null;
  now?: () => Date;
}

/** The orchestration's dependencies, wired to the real Klaviyo client and Zendesk API. */
export function createReplyDeps(config: ReplyDepsConfig): ReplyDeps {
  const { klaviyo } = config;
  return {
    findSmsConversation: (profileId) => klaviyo.getSmsConversationId(profileId),
    async sendConversationMessage(conversationId, text, key) {
      await klaviyo.sendConversationMessage({ conversationId, body: text, idempotencyKey: key });
    },
    createReplyEvent: (input) =>
      klaviyo.createReplyEvent({
        metricName: input.metricName,
        profile: { id: input.profileId },
        text: input.text,
        ticketId: input.ticketId ?? '',
        ticketUrl:
          input.ticketId !== null && config.zendeskBaseUrl
            ? `${config.zendeskBaseUrl.replace(/\/+$/, '')}/agent/tickets/${input.ticketId}`
            : null,
        agentName: config.agentName ?? null,
        uniqueId: input.uniqueId,
      }),
    async recentDeliveredTexts(profileId): Promise<DeliveredText[]> {
      const page = await klaviyo.getProfileEvents(profileId, { pageSize: DELIVERY_CHECK_EVENTS });
      return buildThread(page.events, { textProperty: config.smsTextProperty ?? null })
        .filter((m) => m.direction === 'outbound')
        .map((m) => ({ text: m.text, datetime: m.datetime }));
    },
    addInternalNote: (ticketId, body) => addInternalNote(config.zendesk, ticketId, body),
    now: config.now ?? (() => new Date()),
  };
}
