/**
 * Does Klaviyo's own Zendesk integration look active on this Klaviyo account? It records its
 * ticket metrics under the integration "Zendesk"; if such a metric received an event recently,
 * running ours beside it doubles the ticket metrics and texts every SMS reply twice. Pure: the
 * caller fetches the metrics and each one's latest event time.
 */

/** A Klaviyo metric as the caller read it (`GET /api/metrics`), with its newest event's time. */
export interface MetricSeen {
  id: string;
  name: string;
  /** `integration.name` / `integration.key` from the metric's attributes, when Klaviyo gave one. */
  integrationName: string | null;
  integrationKey: string | null;
  /** ISO time of the newest event of this metric, or null when it has none (or none was read). */
  latestEventAt: string | null;
}

/** How recent "recently" is: Klaviyo's integration syncs within minutes; a month covers quiet shops. */
export const RECENT_DAYS = 30;

export type Coexistence =
  /** No metric of Klaviyo's Zendesk integration at all. */
  | { state: 'absent' }
  /** Its metrics exist but received nothing recently: installed once, probably switched off. */
  | { state: 'dormant'; metrics: string[]; lastEventAt: string | null }
  /** Its metrics received events within `RECENT_DAYS`: it is running. */
  | { state: 'active'; metrics: string[]; lastEventAt: string };

function isZendeskIntegration(metric: MetricSeen): boolean {
  const name = (metric.integrationName ?? '').trim().toLowerCase();
  const key = (metric.integrationKey ?? '').trim().toLowerCase();
  return name === 'zendesk' || key === 'zendesk';
}

function time(iso: string | null): number {
  if (!iso) return Number.NaN;
  return Date.parse(iso);
}

/**
 * Ours are custom metrics (integration "API"), so a metric named "Opened Ticket" alone proves
 * nothing: only the integration marks Klaviyo's own.
 */
export function detectCoexistence(
  metrics: MetricSeen[],
  now: Date,
  recentDays = RECENT_DAYS,
): Coexistence {
  const theirs = metrics.filter(isZendeskIntegration);
  if (theirs.length === 0) return { state: 'absent' };
  const names = [...new Set(theirs.map((m) => m.name))].sort((a, b) => a.localeCompare(b));
  const latest = theirs
    .map((m) => ({ iso: m.latestEventAt, at: time(m.latestEventAt) }))
    .filter((x) => Number.isFinite(x.at))
    .sort((a, b) => b.at - a.at)[0];
  const horizon = now.getTime() - recentDays * 24 * 60 * 60 * 1000;
  if (latest && latest.iso && latest.at >= horizon) {
    return { state: 'active', metrics: names, lastEventAt: latest.iso };
  }
  return { state: 'dormant', metrics: names, lastEventAt: latest?.iso ?? null };
}
