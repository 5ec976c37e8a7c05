import { changes } from '../../../src/provision';
import { replyTriggerInput } from '../../../src/reply/path/trigger';
import {
  planReplyPath,
  planReplyPathRemoval,
  type ReplyPathState,
} from '../../../src/reply/path/plan';
import type { Trigger, Webhook } from '../../../src/zendesk/types';

const config = { smsTag: 'sms', metricName: 'Zendesk SMS Reply' };

const webhook: Webhook = {
  id: 'wh_1',
  name: 'Klaviyo: SMS replies',
  status: 'active',
  endpoint: 'https://a.klaviyo.com/api/events',
  http_method: 'POST',
  request_format: 'json',
  subscriptions: ['conditional_ticket_events'],
  authentication: { type: 'api_key', add_position: 'header' },
};

const trigger: Trigger = { id: 7, ...replyTriggerInput(config, 'wh_1') };

const installed: ReplyPathState = {
  webhook,
  trigger,
  flow: { id: 'FLOW1', name: 'x', status: 'live', triggerMetricId: 'M1' },
  metricId: 'M1',
  settingOn: true,
};

const fresh: ReplyPathState = {
  webhook: null,
  trigger: null,
  flow: null,
  metricId: null,
  settingOn: false,
};

const actions = (steps: Array<{ key: string; action: string }>) =>
  steps.map((s) => `${s.key}:${s.action}`);

describe('planning the reply path', () => {
  it('on a new account creates everything, the setting last, once a key is typed', () => {
    expect(planReplyPath(fresh, config, null)).toEqual({ ok: false, problem: 'key-required' });
    const plan = planReplyPath(fresh, config, 'pk_test_key');
    expect(plan.ok && actions(plan.steps)).toEqual([
      'webhook:create',
      'trigger:create',
      'metric:create',
      'flow:create',
      'setting:update',
    ]);
  });

  it('changes nothing when everything is in place', () => {
    const plan = planReplyPath(installed, config, null);
    expect(plan.ok && changes(plan.steps)).toEqual([]);
  });

  it('repairs a trigger someone edited, and only that', () => {
    const edited = { ...trigger, conditions: { all: [], any: [] } };
    const plan = planReplyPath({ ...installed, trigger: edited }, config, null);
    expect(plan.ok && actions(changes(plan.steps))).toEqual(['trigger:update']);
  });

  it('sets a paused flow live again', () => {
    const paused = { ...installed, flow: { ...installed.flow!, status: 'manual' } };
    const plan = planReplyPath(paused, config, null);
    expect(plan.ok && actions(changes(plan.steps))).toEqual(['flow:update']);
  });

  it('re-creates the flow when the reply metric changed (the setting names another metric)', () => {
    const plan = planReplyPath({ ...installed, metricId: 'M2' }, config, null);
    expect(plan.ok && actions(changes(plan.steps))).toEqual(['flow#old:delete', 'flow:create']);
  });

  it('removes the setting first, so the save bridge never relies on a half-removed path', () => {
    expect(actions(planReplyPathRemoval(installed))).toEqual([
      'setting:update',
      'trigger:delete',
      'webhook:delete',
      'flow:delete',
    ]);
    expect(planReplyPathRemoval(fresh)).toEqual([]);
  });
});
