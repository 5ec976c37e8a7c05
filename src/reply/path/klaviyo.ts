/**
 * The reply path's Klaviyo port over the app's Klaviyo client: the reply metric's id, the managed
 * flow (found by its marked name, the newest when someone duplicated it, with the metric its
 * trigger listens to), and the writes the plan makes. Klaviyo has no "create metric" call: a
 * metric exists once an event of it is recorded, so the metric step records one event on the
 * admin's own profile before the flow exists (no flow sees it, nobody is texted).
 */
import type { KlaviyoClient } from '../../klaviyo';
import { REPLY_FLOW_NAME, type FlowSeen } from './flow';
import type { ReplyPathKlaviyo } from './plan';

export type ReplyPathClient = Pick<
  KlaviyoClient,
  | 'findMetricId'
  | 'findFlowsByName'
  | 'getFlow'
  | 'createFlow'
  | 'setFlowStatus'
  | 'deleteFlow'
  | 'createReplyEvent'
>;

/** What the setup page reads from Klaviyo before it plans. */
export interface ReplyPathKlaviyoReads {
  metricId(name: string): Promise<string | null>;
  findFlow(): Promise<FlowSeen | null>;
}

/** The first trigger's metric id in a flow definition as the Flows API returns it. */
export function triggerMetricOf(definition: unknown): string | null {
  if (definition === null || typeof definition !== 'object') return null;
  const triggers = (definition as { triggers?: unknown }).triggers;
  if (!Array.isArray(triggers)) return null;
  const first = triggers[0] as { type?: unknown; id?: unknown } | undefined;
  return first && first.type === 'metric' && typeof first.id === 'string' ? first.id : null;
}

/** The text of the one event that brings the reply metric into being (never texted). */
export const METRIC_SEED_TEXT =
  'Klaviyo for Zendesk setup: this event creates the reply metric. No text is sent for it.';

export class NoAdminEmail extends Error {
  constructor() {
    super('Creating the reply metric needs your Zendesk user to have an email address.');
    this.name = 'NoAdminEmail';
  }
}

/** Klaviyo lists a new metric once it has processed the event: a few looks, a second apart. */
const METRIC_LOOKS = 5;
const METRIC_LOOK_MS = 1000;

export function replyPathKlaviyo(
  client: ReplyPathClient,
  adminEmail: string | null,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): ReplyPathKlaviyo & ReplyPathKlaviyoReads {
  return {
    metricId: (name) => client.findMetricId(name),
    async findFlow() {
      const found = (await client.findFlowsByName(REPLY_FLOW_NAME)).filter((f) => !f.archived);
      const newest = found.sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))[0];
      if (!newest) return null;
      const full = await client.getFlow(newest.id, { definition: true });
      return {
        id: full.id,
        name: full.name,
        status: String(full.status),
        triggerMetricId: triggerMetricOf(full.definition),
      };
    },
    async createFlow(body) {
      const { name, definition } = body.data.attributes;
      const created = await client.createFlow(name, definition);
      // Klaviyo creates flows in draft; the reply path is live or it texts nobody.
      await client.setFlowStatus(created.id, 'live');
      return { id: created.id };
    },
    async updateFlowStatus(id, status) {
      await client.setFlowStatus(id, status);
    },
    deleteFlow: (id) => client.deleteFlow(id),
    async createMetric(name) {
      if (!adminEmail) throw new NoAdminEmail();
      await client.createReplyEvent({
        metricName: name,
        profile: { email: adminEmail },
        text: METRIC_SEED_TEXT,
        ticketId: 0,
        uniqueId: 'zendesk-reply-metric-setup',
      });
      for (let look = 1; look <= METRIC_LOOKS; look++) {
        const id = await client.findMetricId(name);
        if (id !== null) return id;
        if (look < METRIC_LOOKS) await wait(METRIC_LOOK_MS);
      }
      throw new Error(
        `Klaviyo has not listed the metric “${name}” yet. Install again in a minute.`,
      );
    },
  };
}
