/**
 * Shared shapes for the validation rules. A rule is a pure function from the context (the
 * in-memory app folder plus what was parsed from it once) to a list of problems.
 */
import type { AppFolder } from '../appFolder';

export type Severity = 'error' | 'warning';

/** Where a rule comes from, printed with each problem. */
export type RuleSource =
  | 'ZAS manifest.rb'
  | 'ZAS location_options.rb'
  | 'ZAS translations.rb'
  | 'ZAS requirements.rb'
  | 'ZAS marketplace.rb'
  | 'ZAS package.rb'
  | 'ZAS source.rb'
  | 'ZAS secure_settings.rb'
  | 'ZAS svg.rb'
  | 'ZAS screenshots.rb'
  | 'ZAS banner.rb'
  | 'ZAS mime.rb'
  | 'ZAS requests.rb'
  | 'ZAS secrets.rb'
  | 'Zendesk docs'
  | 'zcli'
  | 'project rule';

export interface Problem {
  severity: Severity;
  /** File the problem is in (or about), relative to the app folder (or to the project root). */
  file: string;
  /** Set when `file` is relative to the project root rather than to the app folder. */
  inProject?: true;
  /** Dotted key inside the file, when there is one. */
  key?: string;
  message: string;
  source: RuleSource;
  /**
   * Set on a warning our build cannot avoid: why it is there (printed with it, and listed in
   * docs/validation.md). See ./expected.ts.
   */
  expected?: string;
}

export interface ProjectInfo {
  /** Contents of zcli.apps.config.json at the project root, if that file exists. */
  zcliConfig?: Uint8Array;
  /** How the app folder is named relative to the project root (for messages), e.g. `dist`. */
  appFolderName: string;
}

export interface ValidationInput {
  app: AppFolder;
  /** Set when the app folder is a build output inside a project (enables the project rules). */
  project?: ProjectInfo;
}

export interface ManifestParameter {
  /** Position in the manifest's parameters array. */
  index: number;
  /** Key prefix for messages: `parameters.<name>` (or `parameters[<index>]` without a name). */
  key: string;
  raw: Record<string, unknown>;
  name: string | undefined;
}

export interface Context extends ValidationInput {
  /** The parsed manifest when manifest.json exists and is a JSON object. */
  manifest: Record<string, unknown> | undefined;
  parameters: ManifestParameter[];
  /** Parsed translation files that are JSON objects, by locale. */
  translations: Map<string, Record<string, unknown>>;
}

export type Rule = (context: Context) => Problem[];

export const error = (
  file: string,
  key: string | undefined,
  message: string,
  source: RuleSource,
): Problem => ({ severity: 'error', file, ...(key ? { key } : {}), message, source });

export const warning = (
  file: string,
  key: string | undefined,
  message: string,
  source: RuleSource,
): Problem => ({ severity: 'warning', file, ...(key ? { key } : {}), message, source });
