/** The ZIS Jq transform on jq-wasm (jq 1.7.1 compiled to WebAssembly): a real engine, offline. */
import { json } from 'jq-wasm';

/**
 * One jq output, as ZIS's transform answers it; no output is null.
 *
 * jq-wasm is an Emscripten build: when jq exits with an error (status 5 for a program that does
 * not compile or fails) its Node shim sets `process.exitCode` to that status. A bad expression in
 * one flow run would then make the whole workspace, or the test run that hosts it, exit 5 later
 * with nothing printed. The caller's exit code is kept as it was.
 */
export async function jqWasm(data: unknown, expr: string): Promise<unknown> {
  const exitCode = process.exitCode;
  try {
    return await json(JSON.stringify(data ?? null), expr);
  } finally {
    process.exitCode = exitCode;
  }
}
