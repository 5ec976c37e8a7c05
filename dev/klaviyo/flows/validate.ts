/**
 * Flow bodies checked with ajv against the spec's own schemas (schemas.ts), answered as Klaviyo
 * answers an invalid body: 400, one JSON:API error per problem, each pointing into the body. The
 * validators compile on the first flow request; without the spec nothing is checked here.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ApiErrors, invalidAt } from '../errors';
import { flowSchemas } from './schemas';

const ID = 'klaviyo-flows';

/** OpenAPI 3.0 → JSON Schema: refs into this document, `nullable: true` → "or null". */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (obj.nullable === true) {
    const { nullable: _n, ...rest } = obj;
    return { anyOf: [toJsonSchema(rest), { type: 'null' }] };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = k === '$ref' && typeof v === 'string' ? `${ID}${v}` : toJsonSchema(v);
  }
  return out;
}

let compiled: { create: ValidateFunction; update: ValidateFunction } | null | undefined;

function validators() {
  if (compiled !== undefined) return compiled;
  const source = flowSchemas();
  if (source === null) return (compiled = null);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: ID, components: { schemas: toJsonSchema(source.schemas) } });
  compiled = {
    create: ajv.compile({ $ref: `${ID}#/components/schemas/FlowCreateQuery` }),
    update: ajv.compile({ $ref: `${ID}#/components/schemas/FlowUpdateQuery` }),
  };
  return compiled;
}

/** The few findings a person can act on: the deepest ones, not the `oneOf` summaries above them. */
function findings(errors: ErrorObject[]): Array<{ pointer: string; detail: string }> {
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const deepest = Math.max(...specific.map((e) => e.instancePath.split('/').length), 0);
  const seen = new Set<string>();
  const out: Array<{ pointer: string; detail: string }> = [];
  for (const e of specific.length > 0 ? specific : errors) {
    if (specific.length > 0 && e.instancePath.split('/').length < deepest - 2) continue;
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const pointer = `${e.instancePath}${missing}` || '/';
    const allowed =
      e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    const detail = `'${pointer}' ${e.message ?? 'is invalid'}${allowed}.`;
    if (seen.has(detail)) continue;
    seen.add(detail);
    out.push({ pointer, detail });
    if (out.length === 5) break;
  }
  return out;
}

function check(validate: ValidateFunction | undefined, body: unknown): void {
  if (validate === undefined || validate(body)) return;
  throw new ApiErrors(findings(validate.errors ?? []).map((f) => invalidAt(f.pointer, f.detail)));
}

export const validateFlowCreate = (body: unknown) => check(validators()?.create, body);
export const validateFlowUpdate = (body: unknown) => check(validators()?.update, body);
