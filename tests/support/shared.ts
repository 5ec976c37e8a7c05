/**
 * Inputs some suites read from beside the repository: Klaviyo's OpenAPI spec and its limits table
 * in `../shared` (or wherever `KFZ_SHARED_DIR` points, relative to the repository). A suite that
 * needs one is declared with `describeWithShared`: when the input is absent it fails under
 * `CI=true` (a run that checked nothing must not be green) and is reported as skipped, with the
 * missing path in its name, everywhere else.
 */
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');

/** The folder the shared inputs are read from. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(REPO, env.KFZ_SHARED_DIR || path.join('..', 'shared'));
}

/** The absolute path of a shared input, e.g. `sharedFile('klaviyo-openapi/stable.json')`. */
export function sharedFile(relPath: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(sharedDir(env), relPath);
}

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}

export type SharedPlan =
  { kind: 'run' } | { kind: 'fail'; message: string } | { kind: 'skip'; message: string };

/** What a suite needing `inputs` does here: run, fail (CI) or skip (elsewhere), and why. */
export function planForShared(
  inputs: string[],
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = fs.existsSync,
): SharedPlan {
  const missing = inputs.map((input) => sharedFile(input, env)).filter((file) => !exists(file));
  if (!missing.length) return { kind: 'run' };
  const message = `needs ${missing.join(', ')}, which is absent (set KFZ_SHARED_DIR to the folder holding it)`;
  return isCi(env) ? { kind: 'fail', message } : { kind: 'skip', message };
}

/** `describe(name, body)` when every input is present; otherwise a failing or skipped stand-in. */
export function describeWithShared(inputs: string[], name: string, body: () => void): void {
  const plan = planForShared(inputs);
  if (plan.kind === 'run') {
    describe(name, body);
  } else if (plan.kind === 'fail') {
    describe(name, () => {
      it(plan.message, () => {
        throw new Error(`${name} ${plan.message}`);
      });
    });
  } else {
    describe(name, () => {
      it.skip(plan.message, () => undefined);
    });
  }
}
