/** The ZIS Jq transform on jq-wasm (jq 1.7.1 compiled to WebAssembly): a real engine, offline. */
import { json } from 'jq-wasm';

/** One jq output, as ZIS's transform answers it; no output is null. */
export async function jqWasm(data: unknown, expr: string): Promise<unknown> {
  return json(JSON.stringify(data ?? null), expr);
}
