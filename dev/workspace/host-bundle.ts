/**
 * Bundles the host page's browser script (dev/host/main.ts) with esbuild when the server starts,
 * so the workspace needs no build step of its own.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HostAssets {
  script: string;
  css: string;
}

export async function bundleHost(rootDir: string): Promise<HostAssets> {
  const result = await build({
    entryPoints: [join(rootDir, 'dev', 'host', 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'inline',
    logLevel: 'silent',
    absWorkingDir: rootDir,
  });
  const script = result.outputFiles[0]?.text;
  if (!script) throw new Error('esbuild produced no host script');
  const css = readFileSync(join(rootDir, 'dev', 'host', 'styles.css'), 'utf8');
  return { script, css };
}
