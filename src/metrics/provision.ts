/**
 * The metric sync's provisioning as the setup page runs it: read what Zendesk holds, plan, apply
 * the steps in order as the signed-in admin. Objects are found by their marker, never by a
 * remembered id, so running it again after a failure resumes where it stopped.
 */
import { applyPlan, type ApplyOutcome, type StepDone, type StepFailure } from '../provision';
import type { Transport } from '../transport';
import type { KeyProblem, MetricSyncConfig } from './config';
import {
  planMetricSync,
  planRemoval,
  type PlanProblem,
  type ProvisionOptions,
  type RemoveOptions,
} from './plan';
import { readSetup } from './setup';

export * from './plan';
export * from './setup';

export type ProvisionFailure =
  /** Found before any write: no key where one is needed, a bad key, hours out of range. */
  | PlanProblem
  /** A step failed: `failure` says which, with the HTTP status and what to do. */
  | 'step-failed';

export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
  constructor(
    readonly reason: ProvisionFailure,
    message: string,
    /** What was already done before the failure (nothing for the input problems). */
    readonly done: StepDone[] = [],
    readonly failure: StepFailure | null = null,
    readonly keyProblem: KeyProblem | null = null,
  ) {
    super(message);
  }
}

function throwIfFailed(outcome: ApplyOutcome): StepDone[] {
  if (outcome.ok) return outcome.done;
  throw new ProvisionError(
    'step-failed',
    `Provisioning stopped at step "${outcome.failed.step.key}"`,
    outcome.done,
    outcome.failed,
  );
}

/** Reads, plans and applies; throws `ProvisionError` for an input problem or a failed step. */
export async function provision(
  transport: Transport,
  config: MetricSyncConfig,
  options: ProvisionOptions = {},
): Promise<StepDone[]> {
  const plan = planMetricSync(await readSetup(transport), config, options);
  if (!plan.ok) {
    const messages = {
      'key-required': 'A Klaviyo private API key is needed to create the webhook',
      'key-invalid': 'That is not a Klaviyo private API key',
      'hours-invalid': 'The number of hours is out of range',
    } as const;
    throw new ProvisionError(plan.problem, messages[plan.problem], [], null, plan.keyProblem);
  }
  return throwIfFailed(await applyPlan(plan.steps, transport));
}

/** Removes every object the app made; an object already gone counts as removed by someone else. */
export async function removeAll(
  transport: Transport,
  options: RemoveOptions = {},
): Promise<StepDone[]> {
  return throwIfFailed(
    await applyPlan(planRemoval(await readSetup(transport), options), transport),
  );
}
