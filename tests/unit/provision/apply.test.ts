import { adviceFor, applyPlan, errorFacts, type Step } from '../../../src/provision';

function step(
  key: string,
  run?: () => Promise<string | number | null>,
  action: Step<unknown>['action'] = 'create',
): Step<unknown> {
  return {
    key,
    object: `setup.objects.${key}`,
    action,
    targetId: action === 'create' ? null : 7,
    summary: { key: `setup.plan.${action}`, object: `setup.objects.${key}` },
    ...(run ? { run } : {}),
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number | null,
    readonly kind: string,
    readonly retryAfterSeconds: number | null = null,
    readonly details: string[] = [],
  ) {
    super(`failed (${status})`);
  }
}

describe('applying a plan', () => {
  it('runs the steps in order and reports each one done', async () => {
    const order: string[] = [];
    const outcome = await applyPlan(
      [
        step('a', () => (order.push('a'), Promise.resolve(1))),
        step('b', undefined, 'keep'),
        step('c', () => (order.push('c'), Promise.resolve('x'))),
      ],
      null,
    );
    expect(order).toEqual(['a', 'c']);
    expect(outcome).toEqual({
      ok: true,
      done: [
        expect.objectContaining({ key: 'a', action: 'create', id: 1 }),
        expect.objectContaining({ key: 'b', action: 'keep', id: 7 }),
        expect.objectContaining({ key: 'c', action: 'create', id: 'x' }),
      ],
    });
  });

  it('stops at the first failure and says which step, the HTTP status and what to do', async () => {
    const later = jest.fn(() => Promise.resolve(3));
    const outcome = await applyPlan(
      [
        step('a', () => Promise.resolve(1)),
        step('b', () =>
          Promise.reject(new HttpError(422, 'invalid', null, ['Trigger limit reached'])),
        ),
        step('c', later),
      ],
      null,
    );
    expect(later).not.toHaveBeenCalled();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.done.map((d) => d.key)).toEqual(['a']);
    expect(outcome.failed).toMatchObject({
      step: { key: 'b', action: 'create' },
      httpStatus: 422,
      advice: 'setup.advice.refused',
      detail: 'Trigger limit reached',
    });
    expect(outcome.failed.step).not.toHaveProperty('run');
  });

  it('counts deleting something already gone (404) as done', async () => {
    const outcome = await applyPlan(
      [step('a', () => Promise.reject(new HttpError(404, 'not-found')), 'delete')],
      null,
    );
    expect(outcome).toEqual({
      ok: true,
      done: [expect.objectContaining({ key: 'a', action: 'delete', alreadyGone: true })],
    });
  });

  it('does not count a 404 on create or update as done', async () => {
    const outcome = await applyPlan(
      [step('a', () => Promise.reject(new HttpError(404, 'not-found')), 'update')],
      null,
    );
    expect(outcome.ok).toBe(false);
  });

  it('reports a programming error with no HTTP status and the generic advice', async () => {
    const outcome = await applyPlan([step('a', () => Promise.reject(new TypeError('boom')))], null);
    expect(outcome.ok || outcome.failed).toMatchObject({
      httpStatus: null,
      advice: 'setup.advice.unknown',
    });
  });
});

describe('what the admin is told to do', () => {
  it.each([
    [401, 'forbidden', 'setup.advice.permission'],
    [403, 'forbidden', 'setup.advice.permission'],
    [404, 'not-found', 'setup.advice.changed'],
    [409, 'invalid', 'setup.advice.changed'],
    [400, 'invalid', 'setup.advice.refused'],
    [422, 'invalid', 'setup.advice.refused'],
    [500, 'server', 'setup.advice.later'],
    [503, 'server', 'setup.advice.later'],
    [null, 'network', 'setup.advice.network'],
    [418, 'other', 'setup.advice.unknown'],
  ])('status %s (%s) → %s', (status, kind, advice) => {
    expect(adviceFor(errorFacts(new HttpError(status, kind))).advice).toBe(advice);
  });

  it('waits as long as Retry-After said on a 429', () => {
    expect(adviceFor(errorFacts(new HttpError(429, 'rate-limited', 42)))).toEqual({
      advice: 'setup.advice.wait',
      values: { seconds: 42 },
    });
  });
});
