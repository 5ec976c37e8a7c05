/**
 * Workspace options from the command line and the environment:
 *   --port N | PORT             listening port (default 4567; 0 picks a free one)
 *   --settings file.json        app settings overriding the manifest defaults
 *   ZAF_SETTINGS='{"...":...}'  the same, inline (applied after the file)
 *   KLAVIYO_API_KEY             the secure key the proxy substitutes (default: the demo key)
 *   KLAVIYO_UPSTREAM            forward Klaviyo calls to this origin (e.g. https://a.klaviyo.com)
 *                               instead of the built-in stand-in
 *   KLAVIYO_LATENCY_MS          extra latency of the built-in stand-in
 *   KLAVIYO_RECORD              append one JSON line per Klaviyo request to this file
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  DEMO_KLAVIYO_KEY,
  KLAVIYO_KEY_SETTING,
  SettingsError,
  manifestDefaults,
  readManifest,
  readSettingsFile,
  validateSettings,
  type SettingValues,
} from './settings';

export const DEFAULT_PORT = 4567;

export interface WorkspaceOptions {
  /** 0 picks a free port. */
  port: number;
  /** Project root: holds manifest.json and dist/. */
  rootDir: string;
  /** Every setting value, the secure key included (held server-side only). */
  settings: SettingValues;
  /** Origin Klaviyo calls are forwarded to; null = the built-in stand-in. */
  klaviyoUpstream: string | null;
  klaviyoLatencyMs: number;
  recordFile: string | null;
  /** How long the host waits for the app's `ticket.save` reply. */
  saveHookTimeoutMs: number;
}

/** The project root: the nearest folder upwards holding manifest.json and package.json. */
export function findRoot(start = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'package.json'))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new SettingsError(`No manifest.json found in ${start} or any folder above it.`);
    }
    dir = parent;
  }
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const arg = argv[i]!;
  if (arg.includes('=')) return arg.slice(arg.indexOf('=') + 1);
  const next = argv[i + 1];
  if (next === undefined || next.startsWith('--')) {
    throw new SettingsError(`${name} needs a value.`);
  }
  return next;
}

function port(value: string | undefined, source: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new SettingsError(`${source} must be a port number between 0 and 65535, not "${value}".`);
  }
  return n;
}

function upstream(value: string | undefined): string | null {
  if (!value || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SettingsError(`KLAVIYO_UPSTREAM must be an absolute URL, not "${value}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SettingsError(`KLAVIYO_UPSTREAM must be an http(s) URL, not "${value}".`);
  }
  return url.origin;
}

export function loadWorkspaceOptions(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): WorkspaceOptions {
  const rootDir = findRoot(cwd);
  const manifest = readManifest(join(rootDir, 'manifest.json'));
  const settings: SettingValues = {
    ...manifestDefaults(manifest.parameters),
    [KLAVIYO_KEY_SETTING]: DEMO_KLAVIYO_KEY,
  };
  const file = argValue(argv, '--settings');
  if (file) Object.assign(settings, readSettingsFile(resolve(cwd, file), manifest.parameters));
  if (env.ZAF_SETTINGS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.ZAF_SETTINGS);
    } catch (error) {
      throw new SettingsError(`ZAF_SETTINGS is not valid JSON: ${(error as Error).message}`);
    }
    Object.assign(settings, validateSettings(parsed, manifest.parameters, 'ZAF_SETTINGS'));
  }
  if (env.KLAVIYO_API_KEY && env.KLAVIYO_API_KEY.trim() !== '') {
    settings[KLAVIYO_KEY_SETTING] = env.KLAVIYO_API_KEY.trim();
  }
  const latency = Number(env.KLAVIYO_LATENCY_MS ?? 0);
  if (!Number.isFinite(latency) || latency < 0) {
    throw new SettingsError(`KLAVIYO_LATENCY_MS must be a number of milliseconds ≥ 0.`);
  }
  return {
    port: port(argValue(argv, '--port'), '--port') ?? port(env.PORT, 'PORT') ?? DEFAULT_PORT,
    rootDir,
    settings,
    klaviyoUpstream: upstream(env.KLAVIYO_UPSTREAM),
    klaviyoLatencyMs: latency,
    recordFile: env.KLAVIYO_RECORD ? resolve(cwd, env.KLAVIYO_RECORD) : null,
    saveHookTimeoutMs: 30_000,
  };
}

/** The package version, for the banner. */
export function packageVersion(rootDir: string): string {
  try {
    return (JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '';
  }
}
