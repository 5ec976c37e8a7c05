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

let cached: ValidateFunction | null = null;

export function eventCreateValidator(): ValidateFunction {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(sharedFile(KLAVIYO_SPEC), 'utf8')) as {
    components: Record<string, unknown>;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'klaviyo.json', components: openApiToJsonSchema(spec.components) });
  cached = ajv.compile({ $ref: 'klaviyo.json#/components/schemas/EventCreateQueryV2' });
  return cached;
}
