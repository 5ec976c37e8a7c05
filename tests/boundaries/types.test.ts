/**
 * src/ is browser code: its TypeScript project (tsconfig.json) knows the DOM and no Node or Jest
 * globals, so a file in src/ that leans on them fails `npm run typecheck`. The tests' project
 * knows them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { REPO } from './probe-tree';

jest.setTimeout(60_000);

const PROBE = [
  'export const home = process.env.HOME;',
  "export const bytes = Buffer.from('x');",
  'export const runner = typeof describe;',
  'export const here = __dirname;',
  "export const page = document.createElement('div');",
  '',
].join('\n');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfz-types-'));
  fs.writeFileSync(path.join(dir, 'probe.ts'), PROBE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The names the probe uses that the project's compiler options do not know. */
function unknownNames(project: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(REPO, project), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`${project} could not be read`);
  const program = ts.createProgram([path.join(dir, 'probe.ts')], parsed.options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .map((text) => /Cannot find name '([^']+)'/.exec(text)?.[1])
    .filter((name): name is string => Boolean(name));
}

it('the app project refuses Node and Jest globals and knows the DOM', () => {
  expect(unknownNames('tsconfig.json').sort()).toEqual(
    ['Buffer', '__dirname', 'describe', 'process'].sort(),
  );
});

it('the tests project knows Node, Jest and the DOM', () => {
  expect(unknownNames('tsconfig.test.json')).toEqual([]);
});

it('the node-side project knows Node but not Jest', () => {
  expect(unknownNames('tsconfig.node.json')).toEqual(['describe']);
});
