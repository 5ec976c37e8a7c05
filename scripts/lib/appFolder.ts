/**
 * An in-memory view of a ZAF app folder: every file by its root-relative POSIX path. The rules in
 * ./validate run over this view, so they test without a disk; `readAppFolder` fills it from one.
 *
 * The view holds exactly what would go into the package (see `packageExclusion`), so validating
 * it is validating what Zendesk would receive.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface AppFolder {
  /** Root-relative POSIX path -> content. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Root-relative paths of symbolic links found (Zendesk refuses them; never followed). */
  readonly symlinks: readonly string[];
  /** Files left out of the view and of the package, with the reason. */
  readonly excluded: ReadonlyArray<{ path: string; reason: string }>;
}

const textDecoder = new TextDecoder('utf-8');
const textEncoder = new TextEncoder();

export function text(bytes: Uint8Array): string {
  return textDecoder.decode(bytes);
}

/** Builds a view from literal contents (strings are UTF-8 encoded); for tests and tools. */
export function appFolderFrom(
  entries: Record<string, string | Uint8Array>,
  options: { symlinks?: string[]; ignorePatterns?: string[] } = {},
): AppFolder {
  const files = new Map<string, Uint8Array>();
  const excluded: Array<{ path: string; reason: string }> = [];
  for (const [path, content] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
    const reason = packageExclusion(path, options.ignorePatterns ?? []);
    if (reason) {
      excluded.push({ path, reason });
      continue;
    }
    files.set(path, typeof content === 'string' ? textEncoder.encode(content) : content);
  }
  return { files, symlinks: options.symlinks ?? [], excluded };
}

/**
 * Why a file stays out of the package, or undefined when it goes in. Mirrors `zcli apps:package`
 * (which skips `tmp/**` and whatever `.zcliignore` lists) plus OS metadata and the local zcli
 * settings file. A zip inside the folder is not left out: it would be served and refused, so the
 * validator reports it (`npm run package` writes outside the folder).
 */
export function packageExclusion(
  path: string,
  ignorePatterns: readonly string[],
): string | undefined {
  const name = posix.basename(path);
  if (path === 'tmp' || path.startsWith('tmp/')) return 'tmp/ is never packaged (zcli)';
  if (name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini') return 'OS metadata';
  if (path === 'zcli.apps.config.json') return 'local zcli settings, not part of the app';
  if (path === '.zcliignore') return 'zcli packaging instructions';
  if (ignorePatterns.some((pattern) => globToRegExp(pattern).test(path)))
    return 'listed in .zcliignore';
  return undefined;
}

/** `*` matches within a path segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  const pattern = glob.trim().replace(/^\.?\//, '');
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i += 1;
      if (pattern[i + 1] === '/') i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A bare directory name or a pattern without a slash also matches below and anywhere.
  const anywhere = pattern.includes('/') ? '' : '(?:.*/)?';
  return new RegExp(`^${anywhere}${source}(?:/.*)?$`);
}

/** Reads a folder from disk into the view, never following symbolic links. */
export function readAppFolder(dir: string): AppFolder {
  const entries: Record<string, Uint8Array> = {};
  const symlinks: string[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(join(dir, relative)).sort()) {
      const path = relative ? `${relative}/${name}` : name;
      const stat = lstatSync(join(dir, path));
      if (stat.isSymbolicLink()) symlinks.push(path);
      else if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        const buffer = readFileSync(join(dir, path));
        entries[path] = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      }
    }
  };
  walk('');
  const ignoreFile = entries['.zcliignore'];
  const ignorePatterns = ignoreFile
    ? text(ignoreFile)
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
    : [];
  return appFolderFrom(entries, { symlinks, ignorePatterns });
}
