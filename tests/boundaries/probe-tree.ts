/**
 * A throw-away project with every room of src/ present, each with a probe file whatever the real
 * tree holds today, so a rule is proven even for a room that is empty now. Linted with the repository's own house rules (`eslint.house-rules.js`) through
 * ESLint's Node API (in `eslint-worker.mjs`). Probe sources are linted as if they sat at a path
 * inside a room.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

export const REPO = path.resolve(__dirname, '..', '..');

export const ROOMS = [
  'klaviyo',
  'sms',
  'metrics',
  'reply',
  'zendesk',
  'transport',
  'i18n',
  'inbound',
  'provision',
  'zaf',
  'ui',
] as const;
export type Room = (typeof ROOMS)[number];
/** `app` is src/main.tsx and its siblings, the composition root. */
export type Area = Room | 'app';

/** Rooms that get an index.ts in the probe tree (so they are entered only through it). */
export const TREE_BARRELS: readonly Room[] = ['klaviyo', 'i18n', 'transport'];

export interface Finding {
  rule: string | null;
  message: string;
}

export interface ProbeTree {
  root: string;
  /** Lints `code` as the file at `relPath` (from the tree's root); the file need not exist. */
  lint(relPath: string, code: string): Promise<Finding[]>;
  /** Writes a file into the tree (for probes that need a real file on disk, like a cycle). */
  write(relPath: string, code: string): void;
  /** Lints files that exist on disk in the tree. */
  lintFiles(relPaths: string[]): Promise<Finding[]>;
  remove(): void;
}

/** The path a probe in `area` sits at, and how it names `to`'s public door from there. */
export function probePath(area: Area): string {
  return area === 'app' ? 'src/probe.ts' : `src/${area}/probe.ts`;
}

export function doorOf(from: Area, to: Area): string {
  const src = from === 'app' ? './' : '../';
  if (to === 'app') return `${src}target`;
  return TREE_BARRELS.includes(to as Room) ? `${src}${to}` : `${src}${to}/target`;
}

export async function createProbeTree(): Promise<ProbeTree> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kfz-boundaries-'));
  const write = (relPath: string, code: string) => {
    const file = path.join(root, relPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, code);
  };
  for (const room of ROOMS) {
    write(`src/${room}/target.ts`, 'export const target = 1;\n');
    if (TREE_BARRELS.includes(room)) write(`src/${room}/index.ts`, "export * from './target';\n");
  }
  write('src/target.ts', 'export const target = 1;\n');
  for (const area of ['dev', 'tests', 'scripts'])
    write(`${area}/target.ts`, 'export const x = 1;\n');
  write('translations/en.json', '{}\n');
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const rules = pathToFileURL(path.join(REPO, 'eslint.house-rules.js')).href;
  write(
    'eslint.config.js',
    [
      "import tseslint from 'typescript-eslint';",
      `import { houseRules } from ${JSON.stringify(rules)};`,
      'export default [',
      "  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },",
      '  ...houseRules(import.meta.dirname),',
      '];',
      '',
    ].join('\n'),
  );
  write('package.json', '{ "type": "module" }\n');

  const linter = await startLinter();
  return {
    root,
    write,
    lint: (relPath, code) => linter.ask({ cwd: root, filePath: path.join(root, relPath), code }),
    lintFiles: (relPaths) =>
      linter.ask({ cwd: root, files: relPaths.map((p) => path.join(root, p)) }),
    remove: () => {
      linter.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface Linter {
  ask(request: {
    cwd: string;
    filePath?: string;
    code?: string;
    files?: string[];
  }): Promise<Finding[]>;
  stop(): void;
}

/** Starts the ESLint worker; each `ask` is answered in order. */
export async function startLinter(): Promise<Linter> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    path.join(__dirname, 'eslint-worker.mjs'),
  ]);
  const waiting = new Map<
    number,
    { resolve: (f: Finding[]) => void; reject: (e: Error) => void }
  >();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('exit', (code) => {
    for (const { reject } of waiting.values()) {
      reject(new Error(`the ESLint worker exited (${code}): ${stderr}`));
    }
    waiting.clear();
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as { id: number; findings?: Finding[]; error?: string };
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.error !== undefined) pending?.reject(new Error(answer.error));
    else pending?.resolve(answer.findings ?? []);
  });
  let next = 0;
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        child.stdin.write(`${JSON.stringify({ id, ...request })}\n`);
      }),
    stop: () => child.stdin.end(),
  };
}
