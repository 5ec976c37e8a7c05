/**
 * File types Zendesk refuses in an app package (ZAS mime.rb): a file is refused when its
 * extension, or the type its content shows, is on ZAS's list. ZAS reads the content with Marcel's
 * magic numbers; we recognise the signatures of the listed types that have one, so a renamed
 * archive is refused too.
 */
import { posix } from 'node:path';
import { type Problem, type Rule, error } from './types';
import { UNSUPPORTED_EXTENSIONS } from './zendesk';

/** Leading bytes of the listed types, with the type's name as ZAS lists it. */
const SIGNATURES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['zip', [0x50, 0x4b, 0x07, 0x08]],
  ['gzip', [0x1f, 0x8b]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['bz2', [0x42, 0x5a, 0x68]],
  ['mpeg', [0x49, 0x44, 0x33]],
  ['mpeg', [0x00, 0x00, 0x01, 0xba]],
  ['mpeg', [0x00, 0x00, 0x01, 0xb3]],
  ['doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

/** The listed type the content starts like, if any. */
export function sniffUnsupported(bytes: Uint8Array): string | undefined {
  const hit = SIGNATURES.find(([, signature]) =>
    signature.every((byte, index) => bytes[index] === byte),
  );
  return hit?.[0];
}

export const fileTypes: Rule = ({ app }) => {
  const problems: Problem[] = [];
  for (const [path, bytes] of app.files) {
    const extension = posix.extname(path).slice(1).toLowerCase();
    const byName = UNSUPPORTED_EXTENSIONS.includes(extension) ? extension : undefined;
    const type = byName ?? sniffUnsupported(bytes);
    if (!type) continue;
    const shown = byName ? `.${type} files are` : `its content is ${type}, which is`;
    const hint =
      type === 'zip'
        ? '; an earlier package? npm run package writes to release/, outside the app folder: delete it'
        : '';
    problems.push(
      error(path, undefined, `${shown} not supported in an app package${hint}`, 'ZAS mime.rb'),
    );
  }
  return problems;
};
