/** Parses manifest.json and translations/*.json once, for every rule to share. */
import { text } from '../appFolder';
import { isRecord, parseJson } from '../json';
import type { Context, ManifestParameter, ValidationInput } from './types';

export function buildContext(input: ValidationInput): Context {
  const manifestBytes = input.app.files.get('manifest.json');
  let manifest: Record<string, unknown> | undefined;
  if (manifestBytes) {
    const parsed = parseJson(text(manifestBytes));
    if (parsed.ok && isRecord(parsed.value)) manifest = parsed.value;
  }

  const parameters: ManifestParameter[] = [];
  if (manifest && Array.isArray(manifest.parameters)) {
    manifest.parameters.forEach((raw: unknown, index) => {
      if (!isRecord(raw)) return;
      const name = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : undefined;
      parameters.push({
        index,
        raw,
        name,
        key: name ? `parameters.${name}` : `parameters[${index}]`,
      });
    });
  }

  const translations = new Map<string, Record<string, unknown>>();
  for (const [path, bytes] of input.app.files) {
    const match = /^translations\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const parsed = parseJson(text(bytes));
    if (parsed.ok && isRecord(parsed.value)) translations.set(match[1]!, parsed.value);
  }

  return { ...input, manifest, parameters, translations };
}
