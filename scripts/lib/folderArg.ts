/**
 * The app folder a script was pointed at (`npm run <script> [folder]`, default dist), checked to be
 * a folder; otherwise the script says so and exits 1.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';

export interface AppFolderArg {
  /** The working directory the path is relative to. */
  root: string;
  /** Absolute path of the folder. */
  dir: string;
  /** The folder relative to `root` ('.' for the root itself), as messages name it. */
  folder: string;
}

export function appFolderArg(script: string, folderArg = process.argv[2] ?? 'dist'): AppFolderArg {
  const root = process.cwd();
  const dir = resolve(root, folderArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(
      `${script}: ${folderArg} is not a folder${folderArg === 'dist' ? ' (run npm run build first)' : ''}`,
    );
    process.exit(1);
  }
  return { root, dir, folder: relative(root, dir) || '.' };
}
