/**
 * From "what exists" and "what is wanted" to steps, one small descriptor per object kind. Pure:
 * nothing here talks to a service; the writes are closures the apply step runs later.
 */
import type { Earlier, ObjectId, Step } from './types';

/** Ids as a plan sees them before it runs: known ones, or a stand-in for one a step will create. */
export type Ids = (key: string) => ObjectId;

const PENDING = 'pending:';

/** The ids the steps planned so far stand for (`pending:<key>` for objects yet to be created). */
export function plannedIds<Env>(steps: Step<Env>[]): Ids {
  return (key) => {
    const step = steps.find((s) => s.key === key);
    if (!step) throw new Error(`Provisioning plan: no step "${key}" before this one`);
    return step.action === 'create' || step.targetId === null ? `${PENDING}${key}` : step.targetId;
  };
}

function runIds(earlier: Earlier): Ids {
  return (key) => earlier.id(key);
}

export interface Descriptor<Env, Existing extends { id: ObjectId }, Desired> {
  key: string;
  /** Message key of the object's name. */
  object: string;
  /** The object the service holds (found by the app's marker), if any. */
  existing: Existing | null;
  /** Further copies with the same marker (made by hand, or by a race): each is deleted. */
  copies?: ObjectId[];
  /** What should exist, given the ids of the objects before it; null when nothing should. */
  desired: ((ids: Ids) => Desired) | null;
  same: (existing: Existing, desired: Desired) => boolean;
  create: (env: Env, desired: Desired) => Promise<ObjectId>;
  /** Absent: the object is never changed once made (it holds data, not configuration). */
  update?: (env: Env, existing: Existing, desired: Desired) => Promise<void>;
  remove: (env: Env, id: ObjectId) => Promise<void>;
}

export interface Reconciled<Env> {
  /** Create, update, keep or delete the object; null when it neither exists nor is wanted. */
  step: Step<Env> | null;
  /** Deletes of the extra copies, for the caller to place (before or after what uses them). */
  extras: Step<Env>[];
}

export function deleteStep<Env>(
  key: string,
  object: string,
  id: ObjectId,
  remove: (env: Env, id: ObjectId) => Promise<void>,
  summaryKey = 'setup.plan.delete',
): Step<Env> {
  return {
    key,
    object,
    action: 'delete',
    targetId: id,
    summary: { key: summaryKey, object },
    run: async (env) => {
      await remove(env, id);
      return null;
    },
  };
}

export function reconcile<Env, Existing extends { id: ObjectId }, Desired>(
  d: Descriptor<Env, Existing, Desired>,
  ids: Ids,
): Reconciled<Env> {
  const current = d.existing;
  const extras = (d.copies ?? []).map((id, i) =>
    deleteStep(`${d.key}#copy${i + 1}`, d.object, id, d.remove, 'setup.plan.delete_copy'),
  );
  const summary = (key: string) => ({ key, object: d.object });
  const wanted = d.desired;
  if (!wanted) {
    return { step: current ? deleteStep(d.key, d.object, current.id, d.remove) : null, extras };
  }
  if (!current) {
    return {
      step: {
        key: d.key,
        object: d.object,
        action: 'create',
        targetId: null,
        summary: summary('setup.plan.create'),
        run: (env, earlier) => d.create(env, wanted(runIds(earlier))),
      },
      extras,
    };
  }
  const update = d.update;
  if (!update || d.same(current, wanted(ids))) {
    return {
      step: {
        key: d.key,
        object: d.object,
        action: 'keep',
        targetId: current.id,
        summary: summary('setup.plan.keep'),
      },
      extras,
    };
  }
  return {
    step: {
      key: d.key,
      object: d.object,
      action: 'update',
      targetId: current.id,
      summary: summary('setup.plan.update'),
      run: async (env, earlier) => {
        await update(env, current, wanted(runIds(earlier)));
        return current.id;
      },
    },
    extras,
  };
}

/** Appends a reconciled object's step (when there is one) to a plan under construction. */
export function push<Env>(steps: Step<Env>[], reconciled: Reconciled<Env>): Step<Env>[] {
  if (reconciled.step) steps.push(reconciled.step);
  return steps;
}
