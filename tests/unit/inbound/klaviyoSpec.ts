/** Validators for request bodies, compiled from Klaviyo's own OpenAPI spec (../shared/klaviyo-openapi). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** OpenAPI 3.0 `nullable` becomes JSON Schema's `anyOf` with null; `writeOnly` is dropped. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'writeOnly') out[k] = toJsonSchema(v);
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

let ajv: Ajv | null = null;

export function klaviyoSchema(name: string): ValidateFunction {
  if (!ajv) {
    const spec = JSON.parse(
      readFileSync(resolve(__dirname, '../../../../shared/klaviyo-openapi/stable.json'), 'utf8'),
    ) as { components: Record<string, unknown> };
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'klaviyo.json', components: toJsonSchema(spec.components) });
  }
  return ajv.compile({ $ref: `klaviyo.json#/components/schemas/${name}` });
}
