/** The trace Klaviyo's own Zendesk integration leaves on an account, for the coexistence check. */
import type { KlaviyoStore } from './store';

/** Klaviyo's own Zendesk integration records these two metrics under integration "Zendesk". */
const NATIVE_ZENDESK = {
  integration: {
    object: 'integration',
    id: 'ZdNtV1',
    key: 'zendesk',
    name: 'Zendesk',
    category: 'Helpdesk',
  },
  metrics: [
    { id: 'ZdOpN1', name: 'Opened Ticket' },
    { id: 'ZdReS1', name: 'Resolved Ticket' },
  ],
};

/**
 * Makes the account look as if Klaviyo's own Zendesk integration ran on it, its newest event
 * `daysAgo` days ago; `null` takes its metrics and events away again.
 */
export function simulateNativeZendesk(store: KlaviyoStore, daysAgo: number | null) {
  const ids = new Set(NATIVE_ZENDESK.metrics.map((m) => m.id));
  // In place: the stand-in's handlers hold these arrays.
  const keepOnly = <T>(list: T[], keep: (item: T) => boolean) =>
    list.splice(0, list.length, ...list.filter(keep));
  keepOnly(store.metrics, (m) => !ids.has(m.id));
  keepOnly(store.events, (e) => !ids.has(e.metricId));
  if (daysAgo === null) return { metrics: [] };
  const profileId = [...store.profiles.keys()][0];
  const at = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000).toISOString();
  for (const m of NATIVE_ZENDESK.metrics) {
    store.metrics.push({ ...m, integration: NATIVE_ZENDESK.integration });
    if (profileId !== undefined) {
      store.events.push({
        id: `${m.id}-ev`,
        profileId,
        metricId: m.id,
        datetime: at,
        properties: {},
      });
    }
  }
  return { metrics: NATIVE_ZENDESK.metrics.map((m) => m.name), lastEventAt: at };
}
