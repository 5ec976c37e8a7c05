/**
 * The Flows API, for the setup page's installs: create a flow from a definition, read one (with its
 * definition), find flows by exact name, set a flow's status (Klaviyo sets all its actions too),
 * delete one. Creating is limited to 1/s, 15/m and 100 a day for the account.
 */
import type { KlaviyoHttp } from './context';
import { KlaviyoError } from './errors';
import { equalsFilter } from './filter';
import type { FlowCreateQuery, FlowDefinitionInput, FlowUpdateQuery } from './flow-types';
import type { FlowStatus, FlowSummary } from './model';
import { many, parseDocument, toFlowSummary } from './parse';

const FLOWS_PAGE_MAX = 50;
const FLOW_PAGES_MAX = 10;

function one(body: string, what: string): FlowSummary {
  const doc = parseDocument(body, 'one', what);
  if (!doc.data || Array.isArray(doc.data))
    throw new KlaviyoError('not-found', 'No such flow', 404);
  return toFlowSummary(doc.data);
}

const path = (id: string) => {
  const clean = typeof id === 'string' ? id.trim() : '';
  if (clean === '') throw new KlaviyoError('invalid-request', 'A flow id is required');
  return `/api/flows/${encodeURIComponent(clean)}`;
};

export function flowsResource(http: KlaviyoHttp) {
  /** Creates the flow as a draft; resolves with it, its definition holding the real action ids. */
  async function createFlow(name: string, definition: FlowDefinitionInput): Promise<FlowSummary> {
    if (typeof name !== 'string' || name.trim() === '')
      throw new KlaviyoError('invalid-request', 'A flow name is required');
    const body: FlowCreateQuery = { data: { type: 'flow', attributes: { name, definition } } };
    // Never repeated on our own: a second create would make a second flow.
    const answer = await http.send('create_flow', 'POST', http.url('/api/flows'), body, 'once');
    return one(answer, 'created flow');
  }

  async function getFlow(id: string, options: { definition?: boolean } = {}): Promise<FlowSummary> {
    const query: Array<[string, string]> = options.definition
      ? [['additional-fields[flow]', 'definition']]
      : [];
    return one(await http.get('get_flow', http.url(path(id), query)), 'flow');
  }

  /** Every flow named exactly `name` (Klaviyo does not keep names unique), following pages. */
  async function findFlowsByName(name: string): Promise<FlowSummary[]> {
    const found: FlowSummary[] = [];
    let target: string | null = http.url('/api/flows', [
      ['filter', equalsFilter('name', name)],
      ['page[size]', String(FLOWS_PAGE_MAX)],
    ]);
    for (let page = 0; target !== null && page < FLOW_PAGES_MAX; page++) {
      const doc = parseDocument(await http.get('get_flows', target), 'many', 'flow list');
      found.push(...many(doc).map(toFlowSummary));
      target = doc.next !== null && new URL(doc.next).origin === http.baseOrigin ? doc.next : null;
    }
    return found;
  }

  async function setFlowStatus(id: string, status: FlowStatus): Promise<FlowSummary> {
    const body: FlowUpdateQuery = { data: { type: 'flow', id, attributes: { status } } };
    // Setting the same status twice is harmless: the retry policy may repeat it.
    return one(
      await http.send('update_flow', 'PATCH', http.url(path(id)), body, 'safe'),
      'updated flow',
    );
  }

  /** Deletes the flow; one that is already gone counts as deleted. */
  async function deleteFlow(id: string): Promise<void> {
    try {
      await http.send('delete_flow', 'DELETE', http.url(path(id)), undefined, 'safe');
    } catch (error) {
      if (!(error instanceof KlaviyoError && error.kind === 'not-found')) throw error;
    }
  }

  return { createFlow, getFlow, findFlowsByName, setFlowStatus, deleteFlow };
}
