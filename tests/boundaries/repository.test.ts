/**
 * The house rules as this repository's own eslint.config.js applies them to the real src/: the
 * probes sit at paths inside real rooms and import real files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO, ROOMS, startLinter, type Finding, type Linter } from './probe-tree';

jest.setTimeout(120_000);

const SRC = path.join(REPO, 'src');
const importing = (source: string) => `import * as probe from '${source}';\nexport { probe };\n`;
const boundaryErrors = (findings: Finding[]) =>
  findings.filter((f) => f.rule === 'boundaries/dependencies');

let linter: Linter;
beforeAll(async () => {
  linter = await startLinter();
});
afterAll(() => linter?.stop());

const lint = (relPath: string, code: string) =>
  linter.ask({ cwd: REPO, filePath: path.join(REPO, relPath), code });

const folders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

it('every folder of src/ is a room the house rules name', () => {
  expect(folders(SRC).filter((f) => !(ROOMS as readonly string[]).includes(f))).toEqual([]);
});

it('a file in src/reply that imports React fails lint', async () => {
  const [finding] = boundaryErrors(
    await lint(
      'src/reply/probe.ts',
      "import { useState } from 'react';\nexport const s = useState;\n",
    ),
  );
  expect(finding?.message).toMatch(/React/);
});

it('a file in src/ui that imports the ZAF SDK fails lint', async () => {
  expect(
    boundaryErrors(await lint('src/ui/probe.ts', importing('zendesk_app_framework_sdk'))),
  ).not.toEqual([]);
});

it('a file in src/klaviyo that imports src/sms fails lint', async () => {
  expect(
    boundaryErrors(await lint('src/klaviyo/probe.ts', importing('../sms/thread'))),
  ).not.toEqual([]);
});

it('every room with an index.ts refuses deep imports of its other files', async () => {
  const open: string[] = [];
  for (const room of folders(SRC)) {
    const files = fs.readdirSync(path.join(SRC, room));
    if (!files.includes('index.ts')) continue;
    for (const file of files.filter((f) => /\.tsx?$/.test(f) && f !== 'index.ts')) {
      const from = room === 'ui' ? 'src/zaf/probe.ts' : 'src/ui/probe.ts';
      const source = `../${room}/${file.replace(/\.tsx?$/, '')}`;
      const refused = boundaryErrors(await lint(from, importing(source)));
      if (!refused.some((f) => /through its index\.ts/.test(f.message)))
        open.push(`${room}/${file}`);
    }
  }
  expect(open).toEqual([]);
});
