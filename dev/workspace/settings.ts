/**
 * The app's installation settings as the workspace holds them: every manifest parameter with its
 * default, overridden by a settings file, the environment, and the control API. Secure values stay
 * in the server; only non-secure ones reach the page (as Zendesk's `metadata.settings`).
 */
import { readFileSync } from 'node:fs';
import type { ManifestParameter } from '../zaf-proxy/rules';

export type SettingValue = string | number | boolean | null;
export type SettingValues = Record<string, SettingValue>;

export interface Manifest {
  name: string;
  version: string;
  domainWhitelist: string[];
  parameters: ManifestParameter[];
  location: { support: Record<string, { url: string; flexible?: boolean }> };
}

/** The demo key: obviously fake, accepted by the built-in Klaviyo stand-in. */
export const DEMO_KLAVIYO_KEY = 'pk_demo_local_workspace_key';
export const KLAVIYO_KEY_SETTING = 'klaviyo_api_key';

export function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

export function manifestDefaults(parameters: ManifestParameter[]): SettingValues {
  const values: SettingValues = {};
  for (const p of parameters) {
    if (p.default !== undefined) values[p.name] = p.default as SettingValue;
  }
  return values;
}

/** What the page may see: non-secure parameters only, as Zendesk sends them in the metadata. */
export function publicSettings(
  values: SettingValues,
  parameters: ManifestParameter[],
): SettingValues {
  const secure = new Set(parameters.filter((p) => p.secure).map((p) => p.name));
  return Object.fromEntries(Object.entries(values).filter(([name]) => !secure.has(name)));
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/**
 * Checks a settings object (from a file, an env variable or the control API): known parameter
 * names, scalar values, numbers for `number` parameters. Throws `SettingsError` with every problem.
 */
export function validateSettings(
  input: unknown,
  parameters: ManifestParameter[],
  source: string,
): SettingValues {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new SettingsError(`${source}: expected a JSON object of setting names to values.`);
  }
  const byName = new Map(parameters.map((p) => [p.name, p]));
  const problems: string[] = [];
  const values: SettingValues = {};
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    const parameter = byName.get(name);
    if (!parameter) {
      problems.push(`unknown setting "${name}" (known: ${[...byName.keys()].join(', ')})`);
      continue;
    }
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      problems.push(`"${name}" must be a string, number, boolean or null`);
      continue;
    }
    if (
      parameter.type === 'number' &&
      value !== null &&
      value !== '' &&
      !Number.isFinite(Number(value))
    ) {
      problems.push(`"${name}" must be a number`);
      continue;
    }
    if (parameter.type === 'checkbox' && value !== null && typeof value !== 'boolean') {
      problems.push(`"${name}" must be true or false`);
      continue;
    }
    values[name] = value as SettingValue;
  }
  if (problems.length > 0) throw new SettingsError(`${source}: ${problems.join('; ')}.`);
  return values;
}

export function readSettingsFile(path: string, parameters: ManifestParameter[]): SettingValues {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError(`Cannot read the settings file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SettingsError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return validateSettings(parsed, parameters, path);
}

/**
 * The secret parts of a webhook's `authentication.data` (an api_key's value, a bearer token, a
 * password): the credential itself, without a scheme word such as `Klaviyo-API-Key` before it.
 */
export function authenticationSecrets(data: unknown): string[] {
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data as Record<string, unknown>)
    .filter(([key, value]) => key !== 'name' && key !== 'username' && typeof value === 'string')
    .map(([, value]) => (value as string).trim().split(/\s+/).pop() ?? '')
    .filter((secret) => secret !== '');
}

/** The webhook secrets in a Zendesk API request body (`{"webhook": {"authentication": …}}`). */
export function webhookBodySecrets(body: string | undefined): string[] {
  if (!body) return [];
  try {
    const parsed = JSON.parse(body) as { webhook?: { authentication?: { data?: unknown } } };
    return authenticationSecrets(parsed?.webhook?.authentication?.data);
  } catch {
    return [];
  }
}

/** Replaces every occurrence of a secret with `[redacted]` (for logs and the control API). */
export function redact<T>(value: T, secrets: string[]): T {
  const real = secrets.filter((s) => s.length >= 6);
  if (real.length === 0) return value;
  const text = JSON.stringify(value);
  if (text === undefined) return value;
  let out = text;
  for (const secret of real)
    out = out.split(JSON.stringify(secret).slice(1, -1)).join('[redacted]');
  return JSON.parse(out) as T;
}
