/**
 * The ZIS stand-in's jq engine must not change how the process that hosts it exits: jq-wasm's
 * Emscripten shim sets `process.exitCode` to jq's status (5) when a program fails, which made
 * test runs that passed every test exit 5.
 */
import { jqWasm } from '../../../dev/zis/jq';

describe('the ZIS stand-in’s jq engine', () => {
  const before = process.exitCode;
  afterEach(() => {
    process.exitCode = before;
  });

  it('rejects a program that fails and leaves the process exit code as it was', async () => {
    process.exitCode = undefined;
    await expect(jqWasm({ a: 1 }, '.a | error("refused")')).rejects.toBeDefined();
    expect(process.exitCode).toBeUndefined();
  });

  it('answers a program that works', async () => {
    await expect(jqWasm({ a: [1, 2] }, '.a | length')).resolves.toBe(2);
  });
});
