import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { appFolderFrom, readAppFolder } from '../../../scripts/lib/appFolder';
import { buildZip, packageFileName, slugify } from '../../../scripts/lib/zip';
import { type Entries, json, repoEntries, repoManifest, root, withJson } from './appFixture';

const run = promisify(execFile);
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function writeFolder(entries: Entries): string {
  const dir = mkdtempSync(join(tmpdir(), 'kfz-app-'));
  for (const [path, content] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('package: the zip', () => {
  it('holds manifest.json at the root, translations/, assets/ and the logos, and nothing else', () => {
    const entries = repoEntries();
    const app = appFolderFrom({
      ...entries,
      '.DS_Store': 'x',
      'assets/.DS_Store': 'x',
      'tmp/app-20240101.zip': 'PK',
      'zcli.apps.config.json': '{"parameters":{}}',
    });
    const names = Object.keys(unzipSync(buildZip(app))).sort();
    expect(names).toEqual(Object.keys(entries).sort());
    expect(names).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'assets/index.html',
        'assets/logo.png',
        'assets/logo-small.png',
      ]),
    );
    expect(names.some((name) => name.startsWith('translations/'))).toBe(true);
  });

  it('stores every file byte for byte', () => {
    const entries = repoEntries();
    const unzipped = unzipSync(buildZip(appFolderFrom(entries)));
    expect(new TextDecoder().decode(unzipped['manifest.json'])).toBe(entries['manifest.json']);
    expect(
      Buffer.from(unzipped['assets/logo.png']!).equals(
        Buffer.from(entries['assets/logo.png'] as Uint8Array),
      ),
    ).toBe(true);
  });

  it('is named after the app and its version', () => {
    const { version } = repoManifest();
    expect(packageFileName(appFolderFrom(repoEntries()))).toBe(
      `klaviyo-for-zendesk-${String(version)}.zip`,
    );
    expect(slugify('Klaviyo für Zendesk: SMS & Profiles')).toBe('klaviyo-fur-zendesk-sms-profiles');
  });

  it('takes the name from the default locale when the manifest has none', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) => delete m.name);
    const name = (json(entries, 'translations/en.json').app as Record<string, string>).name!;
    expect(packageFileName(appFolderFrom(entries))).toMatch(new RegExp(`^${slugify(name)}-`));
  });
});

describe('readAppFolder', () => {
  it('records symlinks without following them and honours .zcliignore', () => {
    const dir = writeFolder({
      ...repoEntries(),
      '.zcliignore': '# dev only\nassets/*.map\n',
      'assets/index.js.map': '{}',
    });
    made.push(dir);
    symlinkSync(join(dir, 'assets'), join(dir, 'assets-link'));
    const app = readAppFolder(dir);
    expect(app.symlinks).toEqual(['assets-link']);
    expect(app.files.has('assets/index.js.map')).toBe(false);
    expect(app.excluded).toContainEqual({
      path: 'assets/index.js.map',
      reason: 'listed in .zcliignore',
    });
  });
});

describe('the validate and package commands', () => {
  jest.setTimeout(60_000);

  /** A project folder with the app built into dist/, as `npm run build` leaves it. */
  function writeProject(entries: Entries): { project: string; dist: string } {
    const project = mkdtempSync(join(tmpdir(), 'kfz-project-'));
    made.push(project);
    const dist = join(project, 'dist');
    for (const [path, content] of Object.entries(entries)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), content);
    }
    return { project, dist };
  }
  const script = (name: string) => join(root, 'scripts', name);

  it('validate prints an OK summary and exits 0 for a valid folder', async () => {
    const dir = writeFolder(repoEntries());
    made.push(dir);
    const validated = await run(tsx, ['scripts/validate.ts', dir], { cwd: root });
    expect(validated.stdout).toMatch(/^validate: .* OK: \d+ files, 4 locales, \d+ parameters/m);
  });

  it('package writes the zip to release/ at the project root, and nothing into the app folder', async () => {
    const { project, dist } = writeProject(repoEntries());
    const before = readdirSync(dist).sort();

    const packaged = await run(tsx, [script('package.ts'), 'dist'], { cwd: project });
    const zipName = packageFileName(readAppFolder(dist));
    expect(packaged.stdout).toContain(`package: ${join('release', zipName)} (`);
    expect(packaged.stdout).toMatch(/ \(\d+\.\d kB, \d+ files/);
    expect(readdirSync(dist).sort()).toEqual(before);
    const zip = unzipSync(new Uint8Array(readFileSync(join(project, 'release', zipName))));
    expect(Object.keys(zip)).toContain('manifest.json');

    // The next package (and a validator run on dist/) never sees the previous zip.
    const again = await run(tsx, [script('package.ts'), 'dist'], { cwd: project });
    expect(again.stdout).not.toContain('left out');
    const rezipped = unzipSync(new Uint8Array(readFileSync(join(project, 'release', zipName))));
    expect(Object.keys(rezipped).sort()).toEqual(Object.keys(zip).sort());
  });

  it('package --out writes elsewhere, and refuses a folder inside the app folder', async () => {
    const { project, dist } = writeProject(repoEntries());
    const zipName = packageFileName(readAppFolder(dist));
    await run(tsx, [script('package.ts'), 'dist', '--out', 'build/zips'], { cwd: project });
    expect(existsSync(join(project, 'build', 'zips', zipName))).toBe(true);

    const refused = await run(tsx, [script('package.ts'), 'dist', '--out', 'dist/release'], {
      cwd: project,
    }).then(
      () => undefined,
      (failure: { code: number; stderr: string }) => failure,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/inside the app folder.*nothing was written/);
    expect(existsSync(join(dist, 'release'))).toBe(false);
  });

  it('validate exits 1 with one line per problem, and package then writes nothing', async () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) => {
      (m.parameters as Array<Record<string, unknown>>)[0]!.type = 'password';
    });
    const { 'assets/logo.png': _logo, ...broken } = entries;
    const dir = writeFolder(broken);
    made.push(dir);

    const validated = await run(tsx, ['scripts/validate.ts', dir], { cwd: root }).then(
      () => undefined,
      (failure: { code: number; stderr: string }) => failure,
    );
    expect(validated?.code).toBe(1);
    const lines = validated!.stderr.split('\n').filter((line) => line.startsWith('error'));
    expect(lines).toEqual([
      expect.stringMatching(/assets\/logo\.png: missing/),
      expect.stringMatching(/manifest\.json \[parameters\.\w+\.type\]: "password"/),
    ]);

    const out = mkdtempSync(join(tmpdir(), 'kfz-release-'));
    made.push(out);
    const packaged = await run(tsx, ['scripts/package.ts', dir, '--out', out], { cwd: root }).then(
      () => undefined,
      (failure: { code: number }) => failure,
    );
    expect(packaged?.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });
});
