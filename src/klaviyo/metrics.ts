/** The account's metrics: all of them or one integration's, and one metric's id by exact name. */
import type { KlaviyoHttp } from './context';
import { equalsFilter } from './filter';
import type { MetricSummary } from './model';
import { many, parseDocument, toMetricSummary } from './parse';

/** Klaviyo pages metrics 200 at a time; ten pages is more metrics than any account has. */
const METRIC_PAGES_MAX = 10;

export function metricsResource(http: KlaviyoHttp) {
  /** Every metric, or only those of `integrationName` (`Klaviyo`, `Zendesk`), following pages. */
  async function listMetrics(options: { integrationName?: string } = {}): Promise<MetricSummary[]> {
    const query: Array<[string, string]> = [['fields[metric]', 'name,integration']];
    if (options.integrationName)
      query.push(['filter', equalsFilter('integration.name', options.integrationName)]);
    const metrics: MetricSummary[] = [];
    let target: string | null = http.url('/api/metrics', query);
    for (let page = 0; target !== null && page < METRIC_PAGES_MAX; page++) {
      const doc = parseDocument(await http.get('get_metrics', target), 'many', 'metric list');
      metrics.push(...many(doc).map(toMetricSummary));
      target = doc.next !== null && new URL(doc.next).origin === http.baseOrigin ? doc.next : null;
    }
    return metrics;
  }

  /** A metric's id by exact name, null when the account has none; uncached (cache in the caller). */
  async function findMetricId(
    name: string,
    options: { integrationName?: string } = {},
  ): Promise<string | null> {
    return (await listMetrics(options)).find((m) => m.name === name)?.id ?? null;
  }

  return { listMetrics, findMetricId };
}
