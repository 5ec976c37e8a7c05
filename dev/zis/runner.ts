/**
 * The ZIS flow runner of the stand-in, with the semantics Zendesk documents: the event envelope,
 * `.$` parameters, `ResultPath` (default `$`, replacing everything), Choice, Catch (`States.ALL`),
 * Pass, Wait, Map, Succeed and Fail; the whole flow rerun from `StartAt` on 429 (after
 * `Retry-After`, capped at 120 s) and 500 (after 30 s, then 60 s), at most four attempts, never
 * after a Fail state; 100 s per execution and 250 state transitions. Delays are scaled so tests
 * and the workspace do not wait minutes; the run log records the real ones.
 */
import type { ZisFlowDefinition, ZisState } from '../../src/inbound/zis-types';
import { runAction, StateError, type ActionDeps } from './actions';
import { choose } from './choice';
import { readPath, resolveParameters, writePath } from './paths';

export interface RunnerLimits {
  attempts: number;
  timeoutMs: number;
  transitions: number;
  /** Multiplies the documented retry and Wait delays (1 = real time). */
  delayScale: number;
}

export const ZIS_LIMITS: RunnerLimits = {
  attempts: 4,
  timeoutMs: 100_000,
  transitions: 250,
  delayScale: 1,
};

export interface RunnerDeps extends ActionDeps {
  now(): number;
  sleep(ms: number): Promise<void>;
  limits: RunnerLimits;
}

export interface Envelope {
  account_id: number;
  subdomain: string;
  integration_key: string;
  input: unknown;
}

export interface AttemptLog {
  states: string[];
  outcome: 'succeeded' | 'failed' | 'retrying';
  error: string | null;
  /** The documented wait before the next attempt (seconds), when there is one. */
  retryAfterSeconds: number | null;
}

export interface RunLog {
  id: string;
  integration: string;
  flow: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: 'running' | 'succeeded' | 'failed';
  /** The Succeed state's Message, or the Fail state's Error. */
  message: string | null;
  error: string | null;
  attempts: AttemptLog[];
  /** Every HTTP call the flow's actions made, over all attempts. */
  httpCalls: Array<{ method: string; path: string; status: number }>;
}

type End = { kind: 'succeed'; message: string | null } | { kind: 'fail'; error: string };

interface Execution {
  flow: ZisFlowDefinition;
  integration: string;
  deps: RunnerDeps;
  states: string[];
  startedAt: number;
  lastAttempt: boolean;
  /** The last error a Catch handled, so a Fail state's log says what went wrong. */
  caught: string | null;
}

async function runState(name: string, state: ZisState, data: unknown, ex: Execution) {
  switch (state.Type) {
    case 'Pass': {
      const result = 'Result' in state ? state.Result : data;
      return { data: writePath(data, state.ResultPath ?? '$', result), next: state.Next };
    }
    case 'Choice':
      return { data, next: choose(state.Choices, state.Default, data) };
    case 'Wait': {
      const seconds = state.SecondsPath ? Number(readPath(data, state.SecondsPath)) : state.Seconds;
      await ex.deps.sleep(Math.max(0, Number(seconds ?? 0)) * 1000 * ex.deps.limits.delayScale);
      return { data, next: state.Next };
    }
    case 'Succeed':
      return { end: { kind: 'succeed', message: state.Message ?? null } as End };
    case 'Fail':
      return { end: { kind: 'fail', error: state.Error ?? 'States.Fail' } as End };
    case 'Action':
    case 'Map':
      try {
        const result =
          state.Type === 'Action'
            ? await runAction(
                ex.integration,
                state.ActionName,
                resolveParameters(state.Parameters ?? {}, data),
                ex.deps,
              )
            : await runMap(state.ItemsPath, state.Iterator, data, ex);
        return { data: writePath(data, state.ResultPath ?? '$', result), next: state.Next };
      } catch (error) {
        const err =
          error instanceof StateError
            ? error
            : new StateError('States.Runtime', (error as Error).message);
        // A retryable error reruns the whole flow while attempts remain; Catch is for the rest.
        if (err.retryable && !ex.lastAttempt) throw err;
        const handler = state.Catch?.[0];
        if (!handler) throw err;
        const caught = { Error: err.error, Cause: err.causeText };
        ex.caught = `${state.Type === 'Action' ? state.ActionName : name}: ${err.causeText}`;
        return { data: writePath(data, handler.ResultPath ?? '$', caught), next: handler.Next };
      }
  }
  throw new StateError('States.Runtime', `state ${name} has an unknown type`);
}

async function runMap(
  itemsPath: string,
  iterator: ZisFlowDefinition,
  data: unknown,
  ex: Execution,
) {
  const items = readPath(data, itemsPath);
  if (!Array.isArray(items) || items.some((i) => i === null || typeof i !== 'object')) {
    throw new StateError('States.Runtime', `Map ItemsPath ${itemsPath} is not an array of objects`);
  }
  const results: unknown[] = [];
  for (const item of items) {
    const { data: out } = await runStates(iterator, item, ex);
    results.push(out);
  }
  return results;
}

async function runStates(flow: ZisFlowDefinition, input: unknown, ex: Execution) {
  let name: string | undefined = flow.StartAt;
  let data = input;
  while (name !== undefined) {
    if (ex.states.length >= ex.deps.limits.transitions) {
      throw new StateError('States.Runtime', `more than ${ex.deps.limits.transitions} transitions`);
    }
    if (ex.deps.now() - ex.startedAt > ex.deps.limits.timeoutMs) {
      throw new StateError('States.Timeout', 'Flow execution timeout of 100 seconds');
    }
    const state: ZisState | undefined = flow.States[name];
    if (!state) throw new StateError('States.Runtime', `no state named ${name}`);
    ex.states.push(name);
    const step: { data?: unknown; next?: string; end?: End } = await runState(
      name,
      state,
      data,
      ex,
    );
    if (step.end) return { data, end: step.end };
    data = step.data;
    name = step.next;
  }
  return { data, end: { kind: 'succeed', message: null } as End };
}

/** Seconds ZIS waits before attempt `attempt + 1` after `error`. */
export function retryDelaySeconds(error: StateError, attempt: number): number {
  if (error.retryAfterSeconds !== null) return Math.min(error.retryAfterSeconds, 120);
  return attempt === 1 ? 30 : 60;
}

/** Runs one flow for one event to its end, reruns included; `log` is updated as it goes. */
export async function runFlow(
  flow: ZisFlowDefinition,
  envelope: Envelope,
  deps: RunnerDeps,
  log: RunLog,
): Promise<RunLog> {
  for (let attempt = 1; attempt <= deps.limits.attempts; attempt += 1) {
    const ex: Execution = {
      flow,
      integration: envelope.integration_key,
      deps,
      states: [],
      startedAt: deps.now(),
      lastAttempt: attempt === deps.limits.attempts,
      caught: null,
    };
    try {
      const { end } = await runStates(flow, structuredClone(envelope), ex);
      const ok = end.kind === 'succeed';
      log.attempts.push({
        states: ex.states,
        outcome: ok ? 'succeeded' : 'failed',
        error: ok ? null : [end.error, ex.caught].filter(Boolean).join(': '),
        retryAfterSeconds: null,
      });
      log.outcome = ok ? 'succeeded' : 'failed';
      log.message = ok ? end.message : end.error;
      log.error = ok ? null : [end.error, ex.caught].filter(Boolean).join(': ');
      break;
    } catch (error) {
      const err =
        error instanceof StateError ? error : new StateError('States.Runtime', String(error));
      const retry = err.retryable && !ex.lastAttempt;
      const wait = retry ? retryDelaySeconds(err, attempt) : null;
      log.attempts.push({
        states: ex.states,
        outcome: retry ? 'retrying' : 'failed',
        error: `${err.error}: ${err.causeText}`,
        retryAfterSeconds: wait,
      });
      if (!retry) {
        log.outcome = 'failed';
        log.error = `${err.error}: ${err.causeText}`;
        break;
      }
      await deps.sleep(wait! * 1000 * deps.limits.delayScale);
    }
  }
  log.finishedAt = new Date(deps.now()).toISOString();
  return log;
}
