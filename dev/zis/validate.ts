/**
 * What the ZIS registry refuses when a bundle is uploaded, from Zendesk's bundle, flow-state and
 * custom-action references (and the rules production bundles are known to meet): the template
 * version, names tied to the integration, action names of at most 20 characters, every `Next`
 * pointing at a state, state types and properties ZIS does not support, Choice operators outside
 * its table, Catch other than `States.ALL`. Each problem is one readable line.
 */
import {
  ZIS_BUILT_IN_ACTIONS,
  ZIS_TEMPLATE_VERSION,
  type ZisChoiceRule,
  type ZisFlowDefinition,
  type ZisState,
} from '../../src/inbound/zis-types';
import { isPath, hasPlaceholder } from './paths';

export const CHOICE_OPERATORS = new Set([
  'StringEquals',
  'StringEqualsPath',
  'StringLessThan',
  'StringLessThanPath',
  'StringGreaterThan',
  'StringGreaterThanPath',
  'StringLessThanEquals',
  'StringLessThanEqualsPath',
  'StringGreaterThanEquals',
  'StringGreaterThanEqualsPath',
  'NumericEquals',
  'NumericEqualsPath',
  'NumericLessThan',
  'NumericLessThanPath',
  'NumericGreaterThan',
  'NumericGreaterThanPath',
  'NumericLessThanEquals',
  'NumericLessThanEqualsPath',
  'NumericGreaterThanEquals',
  'NumericGreaterThanEqualsPath',
  'BooleanEquals',
  'BooleanEqualsPath',
  'TimestampEquals',
  'TimestampEqualsPath',
  'TimestampLessThan',
  'TimestampLessThanPath',
  'TimestampGreaterThan',
  'TimestampGreaterThanPath',
  'TimestampLessThanEquals',
  'TimestampLessThanEqualsPath',
  'TimestampGreaterThanEquals',
  'TimestampGreaterThanEqualsPath',
  'IsPresent',
  'IsNull',
]);

const STATE_TYPES = new Set(['Action', 'Choice', 'Map', 'Wait', 'Succeed', 'Fail', 'Pass']);
const ACTION_NAME = /^[A-Za-z0-9_]{1,20}$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const RULE_KEYS = new Set(['Variable', 'Next', 'And', 'Or', 'Not']);

type Problems = string[];

function checkParameters(where: string, parameters: unknown, problems: Problems) {
  if (parameters === undefined) return;
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) {
    problems.push(`${where}: Parameters must be an object`);
    return;
  }
  for (const [key, value] of Object.entries(parameters)) {
    if (!key.endsWith('.$')) continue;
    if (typeof value !== 'string' || (!isPath(value) && !hasPlaceholder(value))) {
      problems.push(`${where}: parameter "${key}" must be a reference path or hold {{$...}}`);
    }
  }
}

function checkRule(where: string, rule: ZisChoiceRule, top: boolean, problems: Problems) {
  if (top && typeof rule.Next !== 'string') problems.push(`${where}: every choice needs Next`);
  const nested = [rule.And, rule.Or].filter(Array.isArray) as ZisChoiceRule[][];
  nested.flat().forEach((r) => checkRule(where, r, false, problems));
  if (rule.Not) checkRule(where, rule.Not, false, problems);
  const operators = Object.keys(rule).filter((k) => !RULE_KEYS.has(k));
  if (nested.length === 0 && !rule.Not) {
    if (typeof rule.Variable !== 'string' || !isPath(rule.Variable)) {
      problems.push(`${where}: a choice rule needs a Variable path`);
    }
    if (operators.length !== 1) problems.push(`${where}: a choice rule needs exactly one operator`);
  }
  for (const op of operators) {
    if (!CHOICE_OPERATORS.has(op)) problems.push(`${where}: unsupported Choice operator ${op}`);
  }
}

function nextsOf(state: ZisState): string[] {
  const list: string[] = [];
  if ('Next' in state && typeof state.Next === 'string') list.push(state.Next);
  if (state.Type === 'Choice') {
    state.Choices.forEach((c) => typeof c.Next === 'string' && list.push(c.Next));
    if (state.Default) list.push(state.Default);
  }
  if ((state.Type === 'Action' || state.Type === 'Map') && state.Catch) {
    state.Catch.forEach((c) => list.push(c.Next));
  }
  return list;
}

function checkState(
  where: string,
  state: ZisState,
  ctx: { key: string; actions: Set<string> },
  problems: Problems,
) {
  const raw = state as unknown as Record<string, unknown>;
  if (!STATE_TYPES.has(String(raw.Type))) {
    problems.push(`${where}: state type ${String(raw.Type)} is not supported by ZIS`);
    return;
  }
  if ('Retry' in raw) problems.push(`${where}: Retry is not supported; ZIS reruns whole flows`);
  const flowing = ['Action', 'Pass', 'Wait', 'Map'].includes(state.Type);
  if (flowing && typeof raw.Next !== 'string' && raw.End !== true) {
    problems.push(`${where}: needs Next or End`);
  }
  if (state.Type === 'Action' || state.Type === 'Map') {
    for (const c of state.Catch ?? []) {
      if (c.ErrorEquals.length !== 1 || c.ErrorEquals[0] !== 'States.ALL') {
        problems.push(`${where}: Catch ErrorEquals accepts only ["States.ALL"]`);
      }
    }
  }
  if (state.Type === 'Action') {
    const builtIn = (ZIS_BUILT_IN_ACTIONS as readonly string[]).includes(state.ActionName);
    const prefix = `zis:${ctx.key}:action:`;
    if (!builtIn && !state.ActionName.startsWith(prefix)) {
      problems.push(`${where}: ActionName ${state.ActionName} must start with ${prefix}`);
    } else if (!builtIn && !ctx.actions.has(state.ActionName.slice(prefix.length))) {
      problems.push(`${where}: action ${state.ActionName} is not defined in this bundle`);
    }
    checkParameters(where, state.Parameters, problems);
    if (state.ActionName === 'zis:common:transform:Jq') {
      const p = state.Parameters ?? {};
      if (typeof p.expr !== 'string') problems.push(`${where}: Jq needs expr as a string`);
      if (!('data' in p) && !('data.$' in p)) problems.push(`${where}: Jq needs data`);
    }
  }
  if (state.Type === 'Choice') {
    if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
      problems.push(`${where}: Choice needs Choices`);
    } else state.Choices.forEach((rule) => checkRule(where, rule, true, problems));
  }
  if (state.Type === 'Wait' && ('Timestamp' in raw || 'TimestampPath' in raw)) {
    problems.push(`${where}: Wait takes only Seconds or SecondsPath`);
  }
  if (state.Type === 'Map') {
    if ('MaxConcurrency' in raw || 'Parameters' in raw) {
      problems.push(`${where}: Map does not support MaxConcurrency or Parameters`);
    }
    problems.push(...checkFlow(`${where}.Iterator`, state.Iterator, ctx));
  }
}

export function checkFlow(
  where: string,
  flow: ZisFlowDefinition,
  ctx: { key: string; actions: Set<string> },
): Problems {
  const problems: Problems = [];
  if (
    !flow ||
    typeof flow.StartAt !== 'string' ||
    !flow.States ||
    typeof flow.States !== 'object'
  ) {
    return [`${where}: a flow needs StartAt and States`];
  }
  if (!(flow.StartAt in flow.States))
    problems.push(`${where}: StartAt ${flow.StartAt} is no state`);
  for (const [name, state] of Object.entries(flow.States)) {
    checkState(`${where}.${name}`, state, ctx, problems);
    for (const next of nextsOf(state)) {
      if (!(next in flow.States)) problems.push(`${where}.${name}: Next ${next} is no state`);
    }
  }
  return problems;
}

/** Every reason ZIS would refuse `bundle` for the integration `key`; empty when it is accepted. */
export function bundleProblems(key: string, bundle: unknown): Problems {
  const problems: Problems = [];
  const b = (bundle ?? {}) as Record<string, unknown>;
  if (b.zis_template_version !== ZIS_TEMPLATE_VERSION) {
    problems.push(`zis_template_version must be ${ZIS_TEMPLATE_VERSION}`);
  }
  if (b.name !== key) problems.push(`name must be the integration name ${key}`);
  if (typeof b.description !== 'string' || b.description.length > 100) {
    problems.push('description must be a string of at most 100 characters');
  }
  const resources = b.resources;
  if (!resources || typeof resources !== 'object') return [...problems, 'resources are missing'];
  const entries = Object.entries(resources as Record<string, Record<string, unknown>>);
  const actions = new Set<string>();
  const flows = new Set<string>();
  for (const [rkey, r] of entries) {
    const props = (r.properties ?? {}) as Record<string, unknown>;
    if (r.type === 'ZIS::Action::Http') {
      const def = (props.definition ?? {}) as Record<string, unknown>;
      if (props.name !== rkey) problems.push(`${rkey}: action name must equal its resource key`);
      if (!ACTION_NAME.test(rkey)) problems.push(`${rkey}: action names are 1–20 of [A-Za-z0-9_]`);
      if (!METHODS.has(String(def.method))) problems.push(`${rkey}: unsupported method`);
      if ('path' in def === 'url' in def) problems.push(`${rkey}: give exactly one of path, url`);
      if ('path' in def && !String(def.path).startsWith('/')) {
        problems.push(`${rkey}: path must start with /`);
      }
      if ('url' in def && !/^https:\/\//.test(String(def.url))) {
        problems.push(`${rkey}: url must be https`);
      }
      if ('requestBody' in def && 'requestBody.$' in def) {
        problems.push(`${rkey}: give requestBody or requestBody.$, not both`);
      }
      actions.add(rkey);
    } else if (r.type === 'ZIS::Flow') {
      flows.add(String(props.name));
    } else if (r.type !== 'ZIS::JobSpec') {
      problems.push(`${rkey}: unknown resource type ${String(r.type)}`);
    }
  }
  for (const [rkey, r] of entries) {
    const props = (r.properties ?? {}) as Record<string, unknown>;
    if (r.type === 'ZIS::Flow') {
      problems.push(...checkFlow(rkey, props.definition as ZisFlowDefinition, { key, actions }));
    }
    if (r.type === 'ZIS::JobSpec') {
      const flowName = String(props.flow_name ?? '');
      const prefix = `zis:${key}:flow:`;
      if (typeof props.name !== 'string' || props.name === '' || props.name.length > 50) {
        problems.push(`${rkey}: job spec name must be 1–50 characters`);
      }
      if (!props.event_source || !props.event_type) {
        problems.push(`${rkey}: job spec needs event_source and event_type`);
      }
      if (!flowName.startsWith(prefix) || flowName.length > 100) {
        problems.push(`${rkey}: flow_name must be ${prefix}<flow> (at most 100 characters)`);
      } else if (!flows.has(flowName.slice(prefix.length))) {
        problems.push(`${rkey}: flow ${flowName} is not in this bundle`);
      }
    }
  }
  return problems;
}
