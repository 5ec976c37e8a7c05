/**
 * The part of Klaviyo's OpenAPI spec the Flows API validates bodies with: `FlowCreateQuery`,
 * `FlowUpdateQuery` and every component they reach, copied verbatim from the spec into
 * `flow-schemas.json` (one line, so the workspace runs without `../shared`). `extractFlowSchemas`
 * makes that copy; `npx tsx dev/klaviyo/flows/extract-schemas.ts` rewrites the file, and
 * tests/contract checks that it still equals the spec.
 */
export const FLOW_SCHEMA_ROOTS = ['FlowCreateQuery', 'FlowUpdateQuery'] as const;

export interface FlowSchemas {
  /** `info.version` of the spec they came from. */
  revision: string;
  schemas: Record<string, unknown>;
}

interface Spec {
  info: { version: string };
  components: { schemas: Record<string, unknown> };
}

export function extractFlowSchemas(spec: Spec): FlowSchemas {
  const all = spec.components.schemas;
  const picked: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') take(value.split('/').pop()!);
      else visit(value);
    }
  };
  const take = (name: string) => {
    if (name in picked) return;
    if (!(name in all)) throw new Error(`The spec has no schema ${name}`);
    picked[name] = all[name];
    visit(all[name]);
  };
  FLOW_SCHEMA_ROOTS.forEach(take);
  const schemas = Object.fromEntries(
    Object.keys(picked)
      .sort()
      .map((k) => [k, picked[k]]),
  );
  return { revision: spec.info.version, schemas };
}
