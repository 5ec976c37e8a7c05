/**
 * Runs a plan's steps in order and stops at the first failure, reporting which step failed, the
 * service's HTTP status and what the admin can do. Nothing is rolled back: a plan is made from what
 * the service holds, so planning again after a failure resumes where this run stopped.
 */
import type { Advice, ApplyOutcome, Earlier, ObjectId, Step, StepDone, StepFailure } from './types';

/** What a thrown error says about HTTP, read the way both the Zendesk and Klaviyo errors carry it. */
export interface ErrorFacts {
  httpStatus: number | null;
  retryAfterSeconds: number | null;
  /** No HTTP answer at all (the transport failed). */
  network: boolean;
  detail: string | null;
}

function field(error: unknown, name: string): unknown {
  return error !== null && typeof error === 'object'
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

/** Reads `status`, `retryAfterSeconds`, `kind` and `description` off a service error. */
export function errorFacts(error: unknown): ErrorFacts {
  const status = field(error, 'status');
  const retry = field(error, 'retryAfterSeconds');
  const description = field(error, 'description');
  const details = field(error, 'details');
  const joined =
    Array.isArray(details) && details.every((d) => typeof d === 'string') && details.length > 0
      ? details.join(' ')
      : null;
  return {
    httpStatus: typeof status === 'number' ? status : null,
    retryAfterSeconds: typeof retry === 'number' ? retry : null,
    network: field(error, 'kind') === 'network',
    // Per-field details say more than a summary ("Record validation errors").
    detail: joined ?? (typeof description === 'string' && description !== '' ? description : null),
  };
}

export function adviceFor(facts: ErrorFacts): {
  advice: Advice;
  values: Record<string, string | number>;
} {
  const status = facts.httpStatus;
  if (facts.network) return { advice: 'setup.advice.network', values: {} };
  if (status === 401 || status === 403) return { advice: 'setup.advice.permission', values: {} };
  if (status === 404 || status === 409) return { advice: 'setup.advice.changed', values: {} };
  if (status === 400 || status === 422) return { advice: 'setup.advice.refused', values: {} };
  if (status === 429) {
    return { advice: 'setup.advice.wait', values: { seconds: facts.retryAfterSeconds ?? 60 } };
  }
  if (status !== null && status >= 500) return { advice: 'setup.advice.later', values: {} };
  return { advice: 'setup.advice.unknown', values: {} };
}

function earlierOf(done: StepDone[]): Earlier {
  const find = (key: string) => done.find((d) => d.key === key);
  return {
    has: (key) => find(key)?.id !== undefined && find(key)?.id !== null,
    id: (key) => {
      const id = find(key)?.id;
      if (id === undefined || id === null) {
        throw new Error(`Provisioning plan: step "${key}" has no id yet`);
      }
      return id;
    },
  };
}

function failureOf<Env>(step: Step<Env>, error: unknown): StepFailure {
  const { run: _run, ...rest } = step;
  const facts = errorFacts(error);
  const { advice, values } = adviceFor(facts);
  return {
    step: rest,
    httpStatus: facts.httpStatus,
    advice,
    adviceValues: values,
    detail: facts.detail,
    cause: error,
  };
}

export async function applyPlan<Env>(steps: Step<Env>[], env: Env): Promise<ApplyOutcome> {
  const done: StepDone[] = [];
  for (const step of steps) {
    const record = (id: ObjectId | null, alreadyGone = false) =>
      done.push({
        key: step.key,
        object: step.object,
        action: step.action,
        id,
        summary: step.summary,
        ...(alreadyGone ? { alreadyGone } : {}),
      });
    if (!step.run) {
      record(step.targetId);
      continue;
    }
    try {
      record(await step.run(env, earlierOf(done)));
    } catch (error) {
      // Deleting what someone else deleted first leaves the service as the plan wanted it.
      if (step.action === 'delete' && errorFacts(error).httpStatus === 404) {
        record(null, true);
        continue;
      }
      return { ok: false, done, failed: failureOf(step, error) };
    }
  }
  return { ok: true, done };
}

/** The steps that would write something (what "Save will …" lists). */
export function changes<Env>(steps: Step<Env>[]): Step<Env>[] {
  return steps.filter((s) => s.action !== 'keep');
}
