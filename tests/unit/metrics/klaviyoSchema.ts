/** Validates request bodies against Klaviyo's own OpenAPI spec (../shared/klaviyo-openapi). */
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { sharedFile } from '../../support/shared';

/** The shared input this validator reads; suites using it declare it with `describeWithShared`. */
export const KLAVIYO_SPEC = 'klaviyo-openapi/stable.json';

/** OpenAPI 3.0 `nullable` without a `type` (beside `oneOf` or `$ref`) becomes JSON Schema's `anyOf` with null. */
function openApiToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApiToJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = openApiToJsonSchema(v);
  if (out.nullable === true && !('type' in out)) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

let ajv: Ajv | null = null;
const compiled = new Map<string, ValidateFunction>();

/** A validator for one of the spec's component schemas (`FlowCreateQuery`, …). */
export function klaviyoValidator(schema: string): ValidateFunction {
  const hit = compiled.get(schema);
  if (hit) return hit;
  ajv ??= specAjv();
  const validate = ajv.compile({ $ref: `klaviyo.json#/components/schemas/${schema}` });
  compiled.set(schema, validate);
  return validate;
}

export function eventCreateValidator(): ValidateFunction {
  return klaviyoValidator('EventCreateQueryV2');
}

function specAjv(): Ajv {
  const spec = JSON.parse(readFileSync(sharedFile(KLAVIYO_SPEC), 'utf8')) as {
    components: Record<string, unknown>;
  };
  const instance = new Ajv({ strict: false, allErrors: true });
  addFormats(instance);
  instance.addSchema({ $id: 'klaviyo.json', components: openApiToJsonSchema(spec.components) });
  return instance;
}
