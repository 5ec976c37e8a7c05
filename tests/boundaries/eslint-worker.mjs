/**
 * ESLint's Node API in a plain Node process (Jest's module sandbox cannot load ESLint's ESM config
 * files). Reads one JSON request a line on stdin — `{id, cwd, filePath, code}` to lint text as that
 * file, or `{id, cwd, files}` to lint files on disk — and answers `{id, findings}` or `{id, error}`.
 */
import process from 'node:process';
import readline from 'node:readline';
import { ESLint } from 'eslint';

const engines = new Map();
const engineFor = (cwd) => {
  if (!engines.has(cwd)) engines.set(cwd, new ESLint({ cwd }));
  return engines.get(cwd);
};

for await (const line of readline.createInterface({ input: process.stdin })) {
  const { id, cwd, filePath, code, files } = JSON.parse(line);
  try {
    const eslint = engineFor(cwd);
    const results = files
      ? await eslint.lintFiles(files)
      : await eslint.lintText(code, { filePath, warnIgnored: true });
    const findings = results.flatMap((r) =>
      r.messages.map((m) => ({ rule: m.ruleId, message: m.message })),
    );
    process.stdout.write(`${JSON.stringify({ id, findings })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id, error: String(error?.stack ?? error) })}\n`);
  }
}
