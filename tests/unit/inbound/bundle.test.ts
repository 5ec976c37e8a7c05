/**
 * The ZIS bundle the setup page uploads: accepted by the ZIS stand-in's upload checks (the rules
 * Zendesk documents), named from the integration key, and wired to the webhook's event pair.
 * Each rule is also shown to refuse the bundle it exists for, so the checks can fail.
 */
import { buildInboundBundle, bundleHash, inboundFlow } from '../../../src/inbound/bundle';
import { EVENT_TYPE, integrationKey, jobSpecName, SOURCE_SYSTEM } from '../../../src/inbound/names';
import type { ZisActionState, ZisBundle } from '../../../src/inbound/zis-types';
import { bundleProblems } from '../../../dev/zis/validate';

const options = (key = 'kfz_acme') => ({
  key,
  smsTag: 'sms',
  mapping: { numbers: [], defaultBrandId: null },
  words: { subjectPrefix: 'SMS from', imageNotice: '[image]', unknownName: 'SMS customer' },
});

const copy = (b: ZisBundle): ZisBundle => structuredClone(b);
const flowOf = (b: ZisBundle) => {
  const r = b.resources.inbound_sms_flow!;
  if (r.type !== 'ZIS::Flow') throw new Error('no flow');
  return r.properties.definition;
};

describe('the inbound ZIS bundle', () => {
  const bundle = buildInboundBundle(options());

  it('passes every check ZIS makes on upload', () => {
    expect(bundleProblems('kfz_acme', bundle)).toEqual([]);
  });

  it('takes every name from the integration key', () => {
    const key = integrationKey('Acme-Shop.EU');
    expect(key).toBe('kfz_acme-shop_eu');
    const b = buildInboundBundle(options(key));
    expect(b.name).toBe(key);
    expect(bundleProblems(key, b)).toEqual([]);
    const job = b.resources.inbound_sms_job!;
    expect(job.type === 'ZIS::JobSpec' && job.properties.flow_name).toBe(
      `zis:${key}:flow:inbound_sms`,
    );
    expect(jobSpecName(key)).toBe(`zis:${key}:job_spec:inbound_sms`);
  });

  it('keeps an integration key within 64 characters, suffix included', () => {
    const key = integrationKey('x'.repeat(80), '2');
    expect(key).toHaveLength(64);
    expect(key.endsWith('_2')).toBe(true);
  });

  it('listens for the event pair its inbound webhook is created with', () => {
    const job = bundle.resources.inbound_sms_job!;
    expect(
      job.type === 'ZIS::JobSpec' && [job.properties.event_source, job.properties.event_type],
    ).toEqual([SOURCE_SYSTEM, EVENT_TYPE]);
  });

  it('never templates customer text into a request body: writes hand over jq-built objects', () => {
    for (const resource of Object.values(bundle.resources)) {
      if (resource.type !== 'ZIS::Action::Http') continue;
      const def = resource.properties.definition;
      expect(def.requestBody).toBeUndefined();
      if (def.method === 'POST' || def.method === 'PUT')
        expect(def['requestBody.$']).toBe('$.requestBody');
      else expect(def['requestBody.$']).toBeUndefined();
      expect(def.connectionName).toBe('zendesk');
    }
  });

  it('catches every Zendesk write into the Fail state, so a failure is never a silent success', () => {
    const states = flowOf(bundle).States;
    for (const name of ['FindTickets', 'UpdateTicket', 'UpsertUser', 'CreateTicket']) {
      expect((states[name] as ZisActionState).Catch?.[0]?.Next).toBe('Failed');
    }
  });

  it('changes its fingerprint when the brand mapping changes', () => {
    const mapped = buildInboundBundle({
      ...options(),
      mapping: { numbers: [{ number: '+14155550000', brandId: 2 }], defaultBrandId: 1 },
    });
    expect(bundleHash(mapped)).not.toBe(bundleHash(bundle));
    expect(bundleHash(buildInboundBundle(options()))).toBe(bundleHash(bundle));
  });

  it('refuses an invalid integration key before building anything', () => {
    expect(() => buildInboundBundle(options('Bad Key!'))).toThrow(/not a valid ZIS integration/);
  });

  it('leaves the flow definition to the builder alone (pure data)', () => {
    expect(inboundFlow(options())).toEqual(flowOf(bundle));
  });
});

describe('what the ZIS upload checks refuse', () => {
  const base = buildInboundBundle(options());
  const refused = (mutate: (b: ZisBundle) => void) => {
    const b = copy(base);
    mutate(b);
    return bundleProblems('kfz_acme', b).join('\n');
  };

  it('another template version', () => {
    expect(refused((b) => (b.zis_template_version = '2020-01-01'))).toMatch(/zis_template_version/);
  });

  it('a Next that names no state', () => {
    expect(refused((b) => ((flowOf(b).States.Pick as ZisActionState).Next = 'Nowhere'))).toMatch(
      /Next Nowhere is no state/,
    );
  });

  it('an action name over 20 characters, or not equal to its resource key', () => {
    expect(
      refused((b) => {
        const r = b.resources.zd_find!;
        b.resources.zd_find_tickets_by_external = r;
        delete b.resources.zd_find;
        if (r.type === 'ZIS::Action::Http') r.properties.name = 'zd_find_tickets_by_external';
      }),
    ).toMatch(/1–20/);
    expect(
      refused((b) => {
        const r = b.resources.zd_find!;
        if (r.type === 'ZIS::Action::Http') r.properties.name = 'other';
      }),
    ).toMatch(/must equal its resource key/);
  });

  it('an ActionName of another integration, or an action not in the bundle', () => {
    expect(
      refused(
        (b) =>
          ((flowOf(b).States.FindTickets as ZisActionState).ActionName =
            'zis:other:action:zd_find'),
      ),
    ).toMatch(/must start with zis:kfz_acme:action:/);
    expect(
      refused(
        (b) =>
          ((flowOf(b).States.FindTickets as ZisActionState).ActionName =
            'zis:kfz_acme:action:nope'),
      ),
    ).toMatch(/not defined in this bundle/);
  });

  it('a flow_name of another integration', () => {
    expect(
      refused((b) => {
        const j = b.resources.inbound_sms_job!;
        if (j.type === 'ZIS::JobSpec') j.properties.flow_name = 'zis:other:flow:inbound_sms';
      }),
    ).toMatch(/flow_name must be zis:kfz_acme:flow:/);
  });

  it('a Catch on anything but States.ALL, and Retry', () => {
    expect(
      refused((b) => {
        const s = flowOf(b).States.FindTickets as ZisActionState;
        s.Catch = [{ ErrorEquals: ['States.TaskFailed'], Next: 'Failed' }];
      }),
    ).toMatch(/only \["States.ALL"\]/);
    expect(
      refused((b) =>
        Object.assign(flowOf(b).States.FindTickets!, { Retry: [{ ErrorEquals: ['States.ALL'] }] }),
      ),
    ).toMatch(/Retry is not supported/);
  });

  it('a Choice operator ZIS does not have, and state types it does not run', () => {
    expect(
      refused((b) => {
        const route = flowOf(b).States.Route!;
        if (route.Type === 'Choice')
          route.Choices[0] = {
            Variable: '$.pick.action',
            StringMatches: 'up*',
            Next: 'UpdateTicket',
          };
      }),
    ).toMatch(/unsupported Choice operator StringMatches/);
    expect(
      refused((b) => (flowOf(b).States.Extra = { Type: 'Task', Next: 'Failed' } as never)),
    ).toMatch(/state type Task is not supported/);
  });

  it('a `.$` parameter that is no path', () => {
    expect(
      refused(
        (b) =>
          ((flowOf(b).States.FindTickets as ZisActionState).Parameters = {
            'external_id.$': 'msg.external_id',
          }),
      ),
    ).toMatch(/must be a reference path/);
  });
});
