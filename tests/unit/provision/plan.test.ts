import {
  applyPlan,
  changes,
  plannedIds,
  push,
  reconcile,
  type Descriptor,
  type Step,
} from '../../../src/provision';

interface Thing {
  id: number;
  label: string;
  parent?: string | number;
}

/** A service with numbered things, recording every write. */
function fakeService(initial: Thing[] = []) {
  const things = new Map(initial.map((t) => [t.id, { ...t }]));
  let next = 100;
  const writes: string[] = [];
  return {
    things,
    writes,
    descriptor(
      key: string,
      existing: Thing | null,
      desired: ((ids: (k: string) => string | number) => Omit<Thing, 'id'>) | null,
      copies: number[] = [],
    ): Descriptor<unknown, Thing, Omit<Thing, 'id'>> {
      return {
        key,
        object: `setup.objects.${key}`,
        existing,
        copies,
        desired,
        same: (a, b) => a.label === b.label && a.parent === b.parent,
        create: (_env, input) => {
          const id = next++;
          things.set(id, { id, ...input });
          writes.push(`create ${key} ${id}`);
          return Promise.resolve(id);
        },
        update: (_env, current, input) => {
          things.set(current.id, { id: current.id, ...input });
          writes.push(`update ${key} ${current.id}`);
          return Promise.resolve();
        },
        remove: (_env, id) => {
          if (!things.delete(Number(id))) {
            return Promise.reject(Object.assign(new Error('gone'), { status: 404 }));
          }
          writes.push(`delete ${key} ${id}`);
          return Promise.resolve();
        },
      };
    },
  };
}

function plan(service: ReturnType<typeof fakeService>, parent: Thing | null, child: Thing | null) {
  const steps: Step<unknown>[] = [];
  push(
    steps,
    reconcile(
      service.descriptor('parent', parent, () => ({ label: 'P' })),
      plannedIds(steps),
    ),
  );
  push(
    steps,
    reconcile(
      service.descriptor('child', child, (ids) => ({ label: 'C', parent: ids('parent') })),
      plannedIds(steps),
    ),
  );
  return steps;
}

describe('a provisioning plan', () => {
  it('says "create" for every missing object and writes nothing while planning', () => {
    const service = fakeService();
    const steps = plan(service, null, null);
    expect(steps.map((s) => `${s.key}:${s.action}`)).toEqual(['parent:create', 'child:create']);
    expect(steps[0]!.summary).toEqual({ key: 'setup.plan.create', object: 'setup.objects.parent' });
    expect(service.writes).toEqual([]);
  });

  it('hands a created object’s new id to the steps after it', async () => {
    const service = fakeService();
    const outcome = await applyPlan(plan(service, null, null), undefined);
    expect(outcome.ok).toBe(true);
    const child = [...service.things.values()].find((t) => t.label === 'C')!;
    const parent = [...service.things.values()].find((t) => t.label === 'P')!;
    expect(child.parent).toBe(parent.id);
  });

  it('keeps what already matches and lists no change for it', () => {
    const service = fakeService([
      { id: 1, label: 'P' },
      { id: 2, label: 'C', parent: 1 },
    ]);
    const steps = plan(service, service.things.get(1)!, service.things.get(2)!);
    expect(steps.map((s) => s.action)).toEqual(['keep', 'keep']);
    expect(changes(steps)).toEqual([]);
  });

  it('updates a dependant whose parent will be re-created, even though it matches today', () => {
    const service = fakeService([{ id: 2, label: 'C', parent: 1 }]);
    const steps = plan(service, null, service.things.get(2)!);
    expect(steps.map((s) => `${s.key}:${s.action}`)).toEqual(['parent:create', 'child:update']);
  });

  it('deletes an object that is no longer wanted, and every extra copy', () => {
    const service = fakeService([
      { id: 1, label: 'P' },
      { id: 5, label: 'P' },
    ]);
    const { step, extras } = reconcile(
      service.descriptor('parent', service.things.get(1)!, null, [5]),
      () => 0,
    );
    expect(step).toMatchObject({ action: 'delete', targetId: 1 });
    expect(extras).toEqual([
      expect.objectContaining({
        action: 'delete',
        targetId: 5,
        summary: { key: 'setup.plan.delete_copy', object: 'setup.objects.parent' },
      }),
    ]);
  });

  it('has no step for an object that neither exists nor is wanted', () => {
    const service = fakeService();
    expect(reconcile(service.descriptor('parent', null, null), () => 0).step).toBeNull();
  });

  it('never updates an object whose descriptor has no update (it holds data)', () => {
    const service = fakeService([{ id: 1, label: 'old' }]);
    const d = { ...service.descriptor('field', service.things.get(1)!, () => ({ label: 'new' })) };
    delete d.update;
    expect(reconcile(d, () => 0).step?.action).toBe('keep');
  });
});
