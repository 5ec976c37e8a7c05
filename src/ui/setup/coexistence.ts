/**
 * Reads what `detectCoexistence` needs from Klaviyo: the metrics of Klaviyo's own Zendesk
 * integration and, for each, when its newest event happened. One metrics request, then one
 * events request per such metric (two on a typical account, none on most).
 */
import type { KlaviyoClient } from '../../klaviyo';
import { detectCoexistence, type Coexistence, type MetricSeen } from '../../provision';

export type CoexistenceReader = Pick<KlaviyoClient, 'listMetrics' | 'getLatestEventTime'>;

/** Klaviyo's integration records its metrics under this integration name. */
const THEIR_INTEGRATION = 'Zendesk';

export async function readCoexistence(klaviyo: CoexistenceReader, now: Date): Promise<Coexistence> {
  const metrics = await klaviyo.listMetrics({ integrationName: THEIR_INTEGRATION });
  const seen: MetricSeen[] = await Promise.all(
    metrics.map(async (m) => ({
      id: m.id,
      name: m.name,
      integrationName: m.integration?.name ?? null,
      integrationKey: m.integration?.key ?? null,
      latestEventAt: await klaviyo.getLatestEventTime(m.id),
    })),
  );
  return detectCoexistence(seen, now);
}
