/**
 * .ci/run on a fresh machine: it installs Debian's chromium exactly when the browser the e2e tests
 * launch (CHROMIUM_PATH, default /usr/bin/chromium) is missing, also as a non-root user with sudo.
 * apt-get, sudo, npm and id are stand-ins that record their calls.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = join(__dirname, '..', '..', '..', '.ci', 'run');

let bin: string;
let calls: string;

function stub(name: string, body = '') {
  const file = join(bin, name);
  writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${calls}"\n${body}\n`);
  chmodSync(file, 0o755);
}

beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'ci-run-'));
  calls = join(bin, 'calls.log');
  writeFileSync(calls, '');
  for (const name of ['apt-get', 'npm']) stub(name);
  stub('sudo', '"$@"');
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

async function ciRun(env: Record<string, string>, uid: number): Promise<string[]> {
  stub('id', `echo ${uid}`);
  await run('bash', [script], {
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: bin, ...env },
  });
  return readFileSync(calls, 'utf8').trim().split('\n');
}

describe('.ci/run', () => {
  it('installs chromium when the browser the tests launch is missing, even if another chromium is on PATH', async () => {
    stub('chromium');
    const seen = await ciRun({ CHROMIUM_PATH: join(bin, 'no-such-chromium') }, 0);
    expect(seen.filter((c) => /^apt-get install -y\b.* chromium$/.test(c))).toHaveLength(1);
    expect(seen.some((c) => c.startsWith('sudo'))).toBe(false);
    expect(seen.slice(-2)).toEqual(['npm ci', 'npm test']);
  });

  it('uses sudo for apt-get when it does not run as root', async () => {
    const seen = await ciRun({ CHROMIUM_PATH: join(bin, 'no-such-chromium') }, 1000);
    expect(seen).toContain('sudo env DEBIAN_FRONTEND=noninteractive apt-get update');
    expect(
      seen.filter((c) =>
        /^sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y\b.* chromium$/.test(c),
      ),
    ).toHaveLength(1);
  });

  it('installs nothing when the browser is there', async () => {
    stub('present-chromium');
    const seen = await ciRun({ CHROMIUM_PATH: join(bin, 'present-chromium') }, 0);
    expect(seen.filter((c) => c.startsWith('apt-get'))).toEqual([]);
    expect(seen).toEqual(['npm ci', 'npm test']);
  });
});
