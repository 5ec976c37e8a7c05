/** Runs every rule over an app folder view and formats the result, one line per problem. */
import { banner, logos, screenshots, svgs } from './assets';
import { buildContext } from './context';
import { fileTypes } from './fileTypes';
import { forbiddenFiles } from './files';
import { locations } from './locations';
import { manifestFields, manifestFile } from './manifest';
import { parameters } from './parameters';
import { requirements } from './requirements';
import { insecureUrls } from './requests';
import { secrets } from './secrets';
import {
  appNameLength,
  defaultLocale,
  marketplaceStrings,
  parameterLabels,
  translationFiles,
  translationShape,
} from './translations';
import type { Problem, Rule, ValidationInput } from './types';
import { zcliConfig } from './zcliConfig';

export type { Problem, ValidationInput } from './types';

export const RULES: readonly Rule[] = [
  manifestFile,
  manifestFields,
  parameters,
  locations,
  translationFiles,
  defaultLocale,
  marketplaceStrings,
  parameterLabels,
  appNameLength,
  translationShape,
  logos,
  screenshots,
  banner,
  svgs,
  requirements,
  forbiddenFiles,
  fileTypes,
  insecureUrls,
  secrets,
  zcliConfig,
];

export function validateApp(input: ValidationInput): Problem[] {
  const context = buildContext(input);
  return RULES.flatMap((rule) => rule(context)).sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      a.file.localeCompare(b.file) ||
      (a.key ?? '').localeCompare(b.key ?? ''),
  );
}

/**
 * One line per problem; an expected warning gets a second, indented line saying why it is there
 * (the reasons are listed in docs/validation.md too).
 */
export function formatProblem(problem: Problem, folder: string): string {
  const prefix = folder === '.' || problem.inProject ? '' : `${folder}/`;
  const where = `${prefix}${problem.file}${problem.key ? ` [${problem.key}]` : ''}`;
  const line = `${problem.severity === 'error' ? 'error  ' : 'warning'} ${where}: ${problem.message} (${problem.source})`;
  return problem.expected ? `${line}\n        expected: ${problem.expected}` : line;
}

export function summarise(input: ValidationInput, problems: Problem[], folder: string): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (errors > 0) {
    return `validate: ${folder} is not a valid Zendesk app: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  }
  const context = buildContext(input);
  const locales = context.translations.size;
  const expected = problems.filter((problem) => problem.expected).length;
  const why = expected > 0 ? ` (${expected} expected, see docs/validation.md)` : '';
  return (
    `validate: ${folder} OK: ${plural(input.app.files.size, 'file')}, ${plural(locales, 'locale')}, ` +
    `${plural(context.parameters.length, 'parameter')}, ${plural(warnings, 'warning')}${why}`
  );
}
