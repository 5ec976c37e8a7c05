/**
 * Builds the reference sidebar (scaffold-app.tsx) with esbuild, minified for production like the
 * app, into a temporary folder (never into dist/, which is what gets packaged): the benchmark
 * serves it in the app's place through the browser's request routing.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where, under the app's assets, the page asks for its script (served by the benchmark). */
export const SCAFFOLD_SCRIPT = 'bench-scaffold.js';

export interface ScaffoldBuild {
  /** The page to serve in place of the app's index.html. */
  html: string;
  /** Its one script. */
  js: Buffer;
  jsGzip: number;
}

export async function buildScaffold(rootDir: string): Promise<ScaffoldBuild> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'bench-scaffold-')), SCAFFOLD_SCRIPT);
  await build({
    entryPoints: [join(rootDir, 'scripts', 'bench', 'scaffold-app.tsx')],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Reference sidebar</title></head><body><div id="root"></div><script type="module" src="./${SCAFFOLD_SCRIPT}"></script></body></html>`;
  const js = readFileSync(outfile);
  return { html, js, jsGzip: gzipSync(js, { level: 9 }).length };
}
