/**
 * Provisioning as data: a plan is the ordered list of steps that turns the objects a service holds
 * now into the ones wanted (create / update / keep / delete), each with a sentence the setup page
 * can show before anything is written. Steps carry their own write, run later by `applyPlan`.
 */

export type StepAction = 'create' | 'update' | 'keep' | 'delete';

/** An object's id as its service gives it (Zendesk: numbers and strings; Klaviyo: strings). */
export type ObjectId = string | number;

/**
 * A translatable sentence. `key` and `object` are message keys under `ui` (for example
 * `setup.plan.update` and `setup.objects.webhook`); the caller translates `object` and passes it
 * to `key` as `{{object}}`, with `values` beside it.
 */
export interface Summary {
  key: string;
  object: string;
  values?: Record<string, string | number>;
}

/** The ids that steps earlier in the same run answered with, by step key. */
export interface Earlier {
  /** The id an earlier step answered with; throws when that step has not run (a plan bug). */
  id(key: string): ObjectId;
  has(key: string): boolean;
}

export interface Step<Env> {
  /** Unique in its plan: later steps read this step's answer by it. */
  key: string;
  /** Message key of the object's name (`setup.objects.webhook`). */
  object: string;
  action: StepAction;
  /** The object this step keeps, updates or deletes; null when it creates one. */
  targetId: ObjectId | null;
  summary: Summary;
  /**
   * The write. Answers the object's id afterwards (the new one for `create`, the same for
   * `update`; `delete` answers null). `keep` steps have no write and answer `targetId`.
   */
  run?: (env: Env, earlier: Earlier) => Promise<ObjectId | null>;
}

export interface StepDone {
  key: string;
  object: string;
  action: StepAction;
  id: ObjectId | null;
  summary: Summary;
  /** A delete whose object was already gone (404): nothing left to do, nothing was done. */
  alreadyGone?: boolean;
}

/** What the admin can do about a failed step, as a message key under `ui`. */
export type Advice =
  /** 401/403: the session may not do this: sign in as an admin (or give the key its scope). */
  | 'setup.advice.permission'
  /** 404/409: the object changed meanwhile: reload the page and install again. */
  | 'setup.advice.changed'
  /** 400/422: the service refused what we sent: its own words follow. */
  | 'setup.advice.refused'
  /** 429: wait `seconds`, then install again (it resumes). */
  | 'setup.advice.wait'
  /** 5xx: the service had a problem: install again later (it resumes). */
  | 'setup.advice.later'
  /** No answer at all: check the connection, then install again. */
  | 'setup.advice.network'
  /** Anything else: install again; if it keeps failing, report the step and status. */
  | 'setup.advice.unknown';

export interface StepFailure {
  /** The step that failed (its summary says what it was doing). */
  step: Omit<Step<unknown>, 'run'>;
  /** The service's HTTP status; null when there was no answer or no HTTP at all. */
  httpStatus: number | null;
  advice: Advice;
  /** Values for the advice sentence (`seconds` for `setup.advice.wait`). */
  adviceValues: Record<string, string | number>;
  /** The service's own words, when it gave any (a 422's details). */
  detail: string | null;
  /** The error as thrown, for the caller's own wording. */
  cause: unknown;
}

/** What a run did: every finished step in order, and the failure that stopped it, if any. */
export type ApplyOutcome =
  { ok: true; done: StepDone[] } | { ok: false; done: StepDone[]; failed: StepFailure };
