/**
 * The ZIS stand-in's flow runner behaves as Zendesk documents ZIS flows: parameters, ResultPath,
 * Choice, Catch, Succeed/Fail, reruns of the whole flow on 429/500 (never after Fail), and the
 * execution limits. HTTP actions hit a small endpoint defined here; jq runs on jq-wasm.
 */
import type { ZisFlowDefinition, ZisHttpDefinition } from '../../../src/inbound/zis-types';
import { jqWasm } from '../../../dev/zis/jq';
import { runFlow, ZIS_LIMITS, type RunLog, type RunnerDeps } from '../../../dev/zis/runner';

const KEY = 'kfz_test';
const ENVELOPE = {
  account_id: 1,
  subdomain: 'acme',
  integration_key: KEY,
  input: { n: 2, who: 'Ana' },
};

function harness(
  answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> }>,
) {
  let clock = 0;
  const slept: number[] = [];
  const requests: Array<{ url: string; method: string; body: string; auth: string | null }> = [];
  const actions: Record<string, ZisHttpDefinition> = {
    echo: {
      method: 'POST',
      path: '/api/echo/{{$.id}}',
      connectionName: 'zendesk',
      'requestBody.$': '$.requestBody',
    },
  };
  const deps: RunnerDeps = {
    baseUrl: 'https://acme.zendesk.com',
    customAction: (name) => actions[name],
    connectionToken: async () => 'conn-token',
    fetch: async (request) => {
      requests.push({
        url: request.url,
        method: request.method,
        body: await request.text(),
        auth: request.headers.get('authorization'),
      });
      const answer = answers.shift() ?? { status: 200, body: { ok: true } };
      return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
        status: answer.status,
        headers: answer.headers ?? {},
      });
    },
    jq: jqWasm,
    loadConfig: () => null,
    patchConfig: () => null,
    onHttp: () => undefined,
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    limits: { ...ZIS_LIMITS },
  };
  const log = (): RunLog => ({
    id: 'r',
    integration: KEY,
    flow: 'f',
    startedAt: '',
    finishedAt: null,
    outcome: 'running',
    message: null,
    error: null,
    attempts: [],
    httpCalls: [],
  });
  return { deps, requests, slept, log, tick: (ms: number) => (clock += ms) };
}

const echoFlow: ZisFlowDefinition = {
  StartAt: 'Build',
  States: {
    Build: {
      Type: 'Action',
      ActionName: 'zis:common:transform:Jq',
      Parameters: {
        expr: '{ id: (.input.n * 10), requestBody: { greeting: ("hi " + .input.who) } }',
        'data.$': '$',
      },
      ResultPath: '$.built',
      Next: 'Call',
    },
    Call: {
      Type: 'Action',
      ActionName: `zis:${KEY}:action:echo`,
      Parameters: { 'id.$': '$.built.id', 'requestBody.$': '$.built.requestBody' },
      ResultPath: '$.answer',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'Broken' }],
      Next: 'Check',
    },
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.answer.ok', BooleanEquals: true, Next: 'Done' }],
      Default: 'Broken',
    },
    Done: { Type: 'Succeed', Message: 'done' },
    Broken: { Type: 'Fail', Error: 'Broken' },
  },
};

describe('the ZIS flow runner', () => {
  it('resolves `.$` parameters and placeholders, sends the connection’s token and stores results at ResultPath', async () => {
    const h = harness([{ status: 200, body: { ok: true } }]);
    const log = await runFlow(echoFlow, ENVELOPE, h.deps, h.log());
    expect(log).toMatchObject({ outcome: 'succeeded', message: 'done' });
    expect(log.attempts).toHaveLength(1);
    expect(log.attempts[0]!.states).toEqual(['Build', 'Call', 'Check', 'Done']);
    expect(h.requests).toEqual([
      {
        url: 'https://acme.zendesk.com/api/echo/20',
        method: 'POST',
        body: JSON.stringify({ greeting: 'hi Ana' }),
        auth: 'Bearer conn-token',
      },
    ]);
  });

  it('replaces the whole state when ResultPath is left out', async () => {
    const flow: ZisFlowDefinition = {
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Result: { only: 1 }, Next: 'C' },
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.input', IsPresent: true, Next: 'Kept' }],
          Default: 'Gone',
        },
        Kept: { Type: 'Succeed', Message: 'input kept' },
        Gone: { Type: 'Succeed', Message: 'input replaced' },
      },
    };
    const h = harness([]);
    expect((await runFlow(flow, ENVELOPE, h.deps, h.log())).message).toBe('input replaced');
  });

  it('goes to the Catch state on a 4xx, with ZIS’s cause, and does not rerun after Fail', async () => {
    const h = harness([{ status: 422, body: { error: 'RecordInvalid' } }]);
    const log = await runFlow(echoFlow, ENVELOPE, h.deps, h.log());
    expect(log.outcome).toBe('failed');
    expect(log.attempts).toHaveLength(1);
    expect(log.error).toContain('external action failed due to status code: 422');
    expect(h.requests).toHaveLength(1);
  });

  it('reruns the whole flow after a 500, waiting 30 s then 60 s, and succeeds when Zendesk recovers', async () => {
    const h = harness([{ status: 500 }, { status: 500 }, { status: 200, body: { ok: true } }]);
    const log = await runFlow(echoFlow, ENVELOPE, h.deps, h.log());
    expect(log.outcome).toBe('succeeded');
    expect(log.attempts.map((a) => a.outcome)).toEqual(['retrying', 'retrying', 'succeeded']);
    expect(log.attempts.map((a) => a.retryAfterSeconds)).toEqual([30, 60, null]);
    expect(log.attempts[1]!.states[0]).toBe('Build');
  });

  it('honours Retry-After on a 429, capped at 120 s', async () => {
    const h = harness([
      { status: 429, headers: { 'Retry-After': '7' } },
      { status: 429, headers: { 'Retry-After': '500' } },
      { status: 200, body: { ok: true } },
    ]);
    const log = await runFlow(echoFlow, ENVELOPE, h.deps, h.log());
    expect(log.attempts.map((a) => a.retryAfterSeconds)).toEqual([7, 120, null]);
    expect(h.slept).toEqual([7000, 120000]);
  });

  it('gives up after four attempts, the last one going to its Catch', async () => {
    const h = harness([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }]);
    const log = await runFlow(echoFlow, ENVELOPE, h.deps, h.log());
    expect(log.attempts).toHaveLength(4);
    expect(log.outcome).toBe('failed');
    expect(log.attempts[3]!.states).toEqual(['Build', 'Call', 'Broken']);
    expect(h.requests).toHaveLength(4);
  });

  it('fails a flow whose path does not resolve', async () => {
    const flow: ZisFlowDefinition = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.missing.x', BooleanEquals: true, Next: 'D' }],
          Default: 'D',
        },
        D: { Type: 'Succeed' },
      },
    };
    const h = harness([]);
    const log = await runFlow(flow, ENVELOPE, h.deps, h.log());
    expect(log.outcome).toBe('failed');
    expect(log.error).toMatch(/\$\.missing\.x not found/);
  });

  it('stops a flow at 250 state transitions', async () => {
    const flow: ZisFlowDefinition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Result: 1, ResultPath: '$.x', Next: 'B' },
        B: { Type: 'Pass', Result: 2, ResultPath: '$.y', Next: 'A' },
      },
    };
    const h = harness([]);
    const log = await runFlow(flow, ENVELOPE, h.deps, h.log());
    expect(log.outcome).toBe('failed');
    expect(log.error).toMatch(/more than 250 transitions/);
    expect(log.attempts[0]!.states).toHaveLength(250);
  });

  it('stops a flow that runs longer than 100 seconds', async () => {
    const flow: ZisFlowDefinition = {
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 101, Next: 'D' }, D: { Type: 'Succeed' } },
    };
    const h = harness([]);
    const log = await runFlow(flow, ENVELOPE, h.deps, h.log());
    expect(log.error).toMatch(/timeout of 100 seconds/);
  });

  it('maps over an array of objects', async () => {
    const flow: ZisFlowDefinition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.input.items',
          Iterator: {
            StartAt: 'Tag',
            States: { Tag: { Type: 'Pass', Result: 'seen', ResultPath: '$.mark', End: true } },
          },
          ResultPath: '$.out',
          Next: 'C',
        },
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.out[1].mark', StringEquals: 'seen', Next: 'D' }],
          Default: 'F',
        },
        D: { Type: 'Succeed', Message: 'mapped' },
        F: { Type: 'Fail' },
      },
    };
    const h = harness([]);
    const log = await runFlow(
      flow,
      { ...ENVELOPE, input: { items: [{ a: 1 }, { a: 2 }] } },
      h.deps,
      h.log(),
    );
    expect(log.message).toBe('mapped');
  });

  it('treats a jq error as a runtime error of the state', async () => {
    const flow: ZisFlowDefinition = {
      StartAt: 'J',
      States: {
        J: {
          Type: 'Action',
          ActionName: 'zis:common:transform:Jq',
          Parameters: { expr: '.input.who | tonumber', 'data.$': '$' },
          ResultPath: '$.n',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }],
          Next: 'D',
        },
        D: { Type: 'Succeed' },
        F: { Type: 'Fail', Error: 'BadNumber' },
      },
    };
    const h = harness([]);
    const log = await runFlow(flow, ENVELOPE, h.deps, h.log());
    expect(log.outcome).toBe('failed');
    expect(log.error).toMatch(/^BadNumber: zis:common:transform:Jq: jq:/);
  });
});
