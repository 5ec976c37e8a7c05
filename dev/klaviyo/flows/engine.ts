/**
 * The flow engine: when an event is recorded, every live flow whose metric trigger is the event's
 * metric and whose profile filter lets the profile in runs its actions from `entry_action_id` along
 * `links.next`. Only live actions act; the others, and action types the stand-in does not perform,
 * are recorded as skipped with the reason. Each run is kept in `store.flowRuns`.
 */
import type { KlaviyoStore, SeedEvent } from '../store';
import { sendSms, sendWebhook, type ActionContext } from './actions';
import { profileFilterVerdict } from './filter';
import type { ActionOutcome, FlowRun, StoredFlow } from './types';

export interface FlowEngineDeps {
  /** Where `send-webhook` POSTs (the workspace routes its own hosts to its stand-ins). */
  fetch: (request: Request) => Promise<Response>;
  now: () => number;
}

export const defaultFlowEngineDeps: FlowEngineDeps = {
  fetch: (request) => fetch(request),
  now: () => Date.now(),
};

const MAX_STEPS = 100;

const PERFORMERS: Record<string, (ctx: ActionContext) => Promise<ActionOutcome>> = {
  'send-webhook': sendWebhook,
  'send-sms': sendSms,
};

function triggeredBy(flow: StoredFlow, event: SeedEvent): boolean {
  const trigger = flow.definition.triggers[0];
  return (
    flow.status === 'live' &&
    !flow.archived &&
    trigger?.type === 'metric' &&
    trigger.id === event.metricId
  );
}

async function runFlow(
  store: KlaviyoStore,
  flow: StoredFlow,
  event: SeedEvent,
  deps: FlowEngineDeps,
): Promise<FlowRun> {
  const profile = store.profiles.get(event.profileId)!;
  const run: FlowRun = {
    id: store.nextId('FR'),
    flowId: flow.id,
    eventId: event.id,
    profileId: profile.id,
    outcome: 'ran',
    reason: null,
    actions: [],
    at: new Date(deps.now()).toISOString(),
  };
  const trigger = flow.definition.triggers[0] as {
    trigger_filter?: { condition_groups?: unknown[] } | null;
  };
  const verdict = trigger.trigger_filter?.condition_groups?.length
    ? { pass: false as const, reason: 'trigger_filter is not evaluated by the stand-in' }
    : profileFilterVerdict(profile, flow.definition.profile_filter);
  if (!verdict.pass) return { ...run, outcome: 'filtered', reason: verdict.reason };
  let next = flow.definition.entry_action_id;
  for (let step = 0; next && step < MAX_STEPS; step++) {
    const action = flow.definition.actions.find((a) => a.id === next);
    if (!action) break;
    next = action.links?.next ?? null;
    const status = (action.data as { status?: unknown } | null)?.status ?? 'draft';
    const perform = PERFORMERS[action.type];
    if (status !== 'live') {
      run.actions.push({
        actionId: action.id,
        type: action.type,
        outcome: 'skipped',
        reason: `action is ${String(status)}`,
      });
    } else if (!perform) {
      run.actions.push({
        actionId: action.id,
        type: action.type,
        outcome: 'skipped',
        reason: `'${action.type}' is not performed by the stand-in`,
      });
    } else {
      run.actions.push(await perform({ store, flow, action, profile, event, deps }));
    }
  }
  return run;
}

/** Runs every flow the event triggers, one after the other, and resolves when all have finished. */
export async function runFlowsFor(
  store: KlaviyoStore,
  event: SeedEvent,
  deps: FlowEngineDeps,
): Promise<FlowRun[]> {
  const runs: FlowRun[] = [];
  for (const flow of [...store.flows.values()].filter((f) => triggeredBy(f, event))) {
    const run = await runFlow(store, flow, event, deps);
    store.flowRuns.push(run);
    runs.push(run);
  }
  return runs;
}
