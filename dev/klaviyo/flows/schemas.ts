/**
 * The part of Klaviyo's OpenAPI spec the Flows API validates bodies with: `FlowCreateQuery`,
 * `FlowUpdateQuery` and every component they reach, read at run time from the spec beside the
 * project (`$KFZ_SHARED_DIR/klaviyo-openapi/stable.json`, default `<project>/../shared/...`),
 * never copied into it. Without the spec the stand-in still runs flows, and says once that it does
 * not validate their bodies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
  return { revision: spec.info.version, schemas: picked };
}

/** The project folder: the nearest one upwards from the working directory with manifest.json. */
function projectRoot(start = process.cwd()): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Where the spec is looked for: `KFZ_SHARED_DIR` (relative to the project folder, default
 * `../shared`) + `klaviyo-openapi/stable.json`, as the test suites read it.
 */
export function klaviyoSpecPath(env: NodeJS.ProcessEnv = process.env): string {
  const root = projectRoot() ?? process.cwd();
  return join(
    resolve(root, env.KFZ_SHARED_DIR?.trim() || join('..', 'shared')),
    'klaviyo-openapi',
    'stable.json',
  );
}

let warned = false;

/** True when the spec is there; otherwise says so on the console, once per process. */
export function specPresentOrSaySo(): boolean {
  const path = klaviyoSpecPath();
  if (existsSync(path)) return true;
  if (!warned) {
    warned = true;
    console.warn(
      `Klaviyo stand-in: ${path} is absent, so POST /api/flows and PATCH /api/flows/{id} bodies are ` +
        'not validated against the spec (flows still run). Set KFZ_SHARED_DIR to the folder holding klaviyo-openapi/.',
    );
  }
  return false;
}

let loaded: FlowSchemas | null | undefined;

/** The flow schemas from the spec, read once on first need; null when the spec is absent. */
export function flowSchemas(): FlowSchemas | null {
  if (loaded !== undefined) return loaded;
  if (!specPresentOrSaySo()) return (loaded = null);
  return (loaded = extractFlowSchemas(JSON.parse(readFileSync(klaviyoSpecPath(), 'utf8')) as Spec));
}
