/** Evaluates Choice rules with the operators of ZIS's table (the validator refuses any other). */
import type { ZisChoiceRule } from '../../src/inbound/zis-types';
import { readPath, requirePath } from './paths';

type Compare = (a: unknown, b: unknown) => boolean;

const same = (type: string) => (a: unknown, b: unknown) => typeof a === type && typeof b === type;
const str = same('string');
const num = same('number');
const time = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : Number.NaN);
const ts = (f: (a: number, b: number) => boolean) => (a: unknown, b: unknown) =>
  !Number.isNaN(time(a)) && !Number.isNaN(time(b)) && f(time(a), time(b));

const COMPARISONS: Record<string, Compare> = {
  StringEquals: (a, b) => str(a, b) && a === b,
  StringLessThan: (a, b) => str(a, b) && (a as string) < (b as string),
  StringGreaterThan: (a, b) => str(a, b) && (a as string) > (b as string),
  StringLessThanEquals: (a, b) => str(a, b) && (a as string) <= (b as string),
  StringGreaterThanEquals: (a, b) => str(a, b) && (a as string) >= (b as string),
  NumericEquals: (a, b) => num(a, b) && a === b,
  NumericLessThan: (a, b) => num(a, b) && (a as number) < (b as number),
  NumericGreaterThan: (a, b) => num(a, b) && (a as number) > (b as number),
  NumericLessThanEquals: (a, b) => num(a, b) && (a as number) <= (b as number),
  NumericGreaterThanEquals: (a, b) => num(a, b) && (a as number) >= (b as number),
  BooleanEquals: (a, b) => typeof a === 'boolean' && a === b,
  TimestampEquals: ts((a, b) => a === b),
  TimestampLessThan: ts((a, b) => a < b),
  TimestampGreaterThan: ts((a, b) => a > b),
  TimestampLessThanEquals: ts((a, b) => a <= b),
  TimestampGreaterThanEquals: ts((a, b) => a >= b),
};

export function ruleMatches(rule: ZisChoiceRule, data: unknown): boolean {
  if (rule.And) return rule.And.every((r) => ruleMatches(r, data));
  if (rule.Or) return rule.Or.some((r) => ruleMatches(r, data));
  if (rule.Not) return !ruleMatches(rule.Not, data);
  const variable = String(rule.Variable);
  const [operator] = Object.keys(rule).filter((k) => !['Variable', 'Next'].includes(k));
  const expected = rule[operator!];
  if (operator === 'IsPresent') return (readPath(data, variable) !== undefined) === expected;
  if (operator === 'IsNull') return (readPath(data, variable) === null) === expected;
  // A Variable that does not resolve is a runtime error in ZIS, as in ASL.
  const actual = requirePath(data, variable);
  const byPath = operator!.endsWith('Path');
  const compare = COMPARISONS[byPath ? operator!.slice(0, -'Path'.length) : operator!];
  if (!compare) throw new Error(`unsupported Choice operator ${operator}`);
  return compare(actual, byPath ? requirePath(data, String(expected)) : expected);
}

/** The state a Choice goes to; a runtime error when nothing matches and there is no Default. */
export function choose(choices: ZisChoiceRule[], fallback: string | undefined, data: unknown) {
  const hit = choices.find((rule) => ruleMatches(rule, data));
  const next = hit?.Next ?? fallback;
  if (!next) throw new Error('States.NoChoiceMatched: no choice matched and there is no Default');
  return next;
}
