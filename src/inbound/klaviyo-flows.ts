/**
 * The install's Klaviyo port (`KlaviyoFlows`) over the app's Klaviyo client: the `Sent SMS`
 * metric of Klaviyo's own integration, the managed flow found by its exact name (the newest when
 * someone duplicated it by hand), created as a draft, set live, deleted.
 */
import type { KlaviyoClient } from '../klaviyo';
import type { KlaviyoFlows } from './install';

/** The metric every customer's text records (named from the profile's side). */
export const SENT_SMS_METRIC = 'Sent SMS';

type FlowsClient = Pick<
  KlaviyoClient,
  'findMetricId' | 'findFlowsByName' | 'createFlow' | 'setFlowStatus' | 'deleteFlow'
>;

export function klaviyoFlows(client: FlowsClient): KlaviyoFlows {
  return {
    sentSmsMetricId: () => client.findMetricId(SENT_SMS_METRIC, { integrationName: 'Klaviyo' }),
    async findFlow(name) {
      const found = (await client.findFlowsByName(name)).filter((f) => !f.archived);
      const newest = found.sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))[0];
      return newest ? { id: newest.id, status: String(newest.status) } : null;
    },
    async createFlow(body) {
      const { name, definition } = body.data.attributes;
      return (await client.createFlow(name, definition)).id;
    },
    async setFlowStatus(id, status) {
      await client.setFlowStatus(id, status);
    },
    deleteFlow: (id) => client.deleteFlow(id),
  };
}
