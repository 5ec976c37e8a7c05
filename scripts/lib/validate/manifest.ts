/** manifest.json: presence, JSON, required fields and their types (ZAS manifest.rb). */
import { text } from '../appFolder';
import { isRecord, parseJson } from '../json';
import { type Problem, type Rule, error, warning } from './types';
import {
  ALLOWED_EXPERIMENTS,
  BOOLEAN_FIELDS,
  FRAMEWORK_VERSION,
  OAUTH_REQUIRED_FIELDS,
  REQUIRED_FIELDS,
  STRING_FIELDS,
} from './zendesk';

const FILE = 'manifest.json';

/** manifest.json exists at the root and is one JSON object without duplicate keys. */
export const manifestFile: Rule = ({ app }) => {
  const bytes = app.files.get(FILE);
  if (!bytes) {
    const nested = [...app.files.keys()].find((path) => /^[^/]+\/manifest\.json$/.test(path));
    return [
      error(
        FILE,
        undefined,
        nested
          ? `manifest.json must be at the root of the app folder, but ${nested} was found`
          : 'manifest.json is missing from the root of the app folder',
        'ZAS manifest.rb',
      ),
    ];
  }
  const parsed = parseJson(text(bytes));
  if (!parsed.ok)
    return [error(FILE, undefined, `not valid JSON: ${parsed.error}`, 'ZAS manifest.rb')];
  if (!isRecord(parsed.value)) {
    return [error(FILE, undefined, 'must be a JSON object', 'ZAS manifest.rb')];
  }
  return parsed.duplicateKeys.map((key) =>
    error(FILE, key, 'key appears twice; Zendesk refuses duplicate keys', 'ZAS manifest.rb'),
  );
};

const isLocated = (manifest: Record<string, unknown>) =>
  manifest.requirementsOnly !== true && manifest.marketingOnly !== true;

/** Required fields, their types, framework version, author, URLs, experiments, oauth. */
export const manifestFields: Rule = ({ manifest, app }) => {
  if (!manifest) return [];
  const problems: Problem[] = [];
  const required = [
    ...REQUIRED_FIELDS,
    ...(isLocated(manifest) ? ['location', 'frameworkVersion'] : []),
  ];
  for (const field of required) {
    if (manifest[field] === undefined || manifest[field] === null) {
      problems.push(error(FILE, field, 'required field is missing', 'ZAS manifest.rb'));
    }
  }
  for (const field of BOOLEAN_FIELDS) {
    if (manifest[field] !== undefined && typeof manifest[field] !== 'boolean') {
      problems.push(
        error(
          FILE,
          field,
          `must be true or false, got ${show(manifest[field])}`,
          'ZAS manifest.rb',
        ),
      );
    }
  }
  for (const field of STRING_FIELDS) {
    if (manifest[field] !== undefined && typeof manifest[field] !== 'string') {
      problems.push(
        error(FILE, field, `must be a string, got ${show(manifest[field])}`, 'ZAS manifest.rb'),
      );
    }
  }
  if (manifest.version === undefined) {
    problems.push(
      error(
        FILE,
        'version',
        'required: the Marketplace shows it and the package is named after it',
        'project rule',
      ),
    );
  } else if (
    typeof manifest.version === 'string' &&
    !/^\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?$/.test(manifest.version)
  ) {
    problems.push(
      error(
        FILE,
        'version',
        `"${manifest.version}" is not a version number like 1.2.3`,
        'project rule',
      ),
    );
  }

  if (isLocated(manifest) && typeof manifest.frameworkVersion === 'string') {
    if (manifest.frameworkVersion !== FRAMEWORK_VERSION) {
      problems.push(
        error(
          FILE,
          'frameworkVersion',
          `"${manifest.frameworkVersion}" cannot be used by new or updated apps; use "${FRAMEWORK_VERSION}"`,
          'ZAS manifest.rb',
        ),
      );
    }
  }
  if (manifest.noTemplate !== undefined && manifest.noTemplate !== false) {
    problems.push(
      error(
        FILE,
        'noTemplate',
        'is deprecated for framework 2.0; use autoLoad or autoHide per location',
        'ZAS manifest.rb',
      ),
    );
  }

  problems.push(...authorProblems(manifest.author));
  if (manifest.termsConditionsURL !== undefined) {
    problems.push(
      ...httpsUrlProblems(manifest.termsConditionsURL, 'termsConditionsURL', 'ZAS manifest.rb'),
    );
  }

  if (manifest.experiments !== undefined) {
    if (!isRecord(manifest.experiments)) {
      problems.push(
        error(FILE, 'experiments', 'must be an object of name: true/false', 'ZAS manifest.rb'),
      );
    } else {
      for (const [name, enabled] of Object.entries(manifest.experiments)) {
        if (enabled && !ALLOWED_EXPERIMENTS.includes(name)) {
          problems.push(
            error(
              FILE,
              `experiments.${name}`,
              'unknown or unavailable experiment',
              'ZAS marketplace.rb',
            ),
          );
        }
      }
    }
  }

  if (manifest.domainWhitelist !== undefined)
    problems.push(...domainWhitelistProblems(manifest.domainWhitelist));

  if (manifest.parameters !== undefined && !Array.isArray(manifest.parameters)) {
    problems.push(error(FILE, 'parameters', 'must be an array', 'ZAS manifest.rb'));
  }

  if (manifest.oauth !== undefined) problems.push(...oauthProblems(manifest));

  if (manifest.marketingOnly === true) {
    if (manifest.private !== false) {
      problems.push(
        error(FILE, 'private', 'marketing-only apps must set "private": false', 'ZAS manifest.rb'),
      );
    }
    if (Array.isArray(manifest.parameters) && manifest.parameters.length > 0) {
      problems.push(
        error(FILE, 'parameters', 'marketing-only apps cannot have parameters', 'ZAS manifest.rb'),
      );
    }
  }
  if (manifest.requirementsOnly === true) {
    if (manifest.location !== undefined) {
      problems.push(
        error(FILE, 'location', 'requirements-only apps cannot have locations', 'ZAS manifest.rb'),
      );
    }
    if (!app.files.has('requirements.json')) {
      problems.push(
        error(
          'requirements.json',
          undefined,
          'requirements-only apps need this file',
          'ZAS requirements.rb',
        ),
      );
    }
  }
  if (
    manifest.location === undefined &&
    !app.files.has('requirements.json') &&
    isLocated(manifest)
  ) {
    problems.push(
      error(FILE, 'location', 'an app needs a location or a requirements.json', 'ZAS package.rb'),
    );
  }
  return problems;
};

function authorProblems(author: unknown): Problem[] {
  if (author === undefined) return [];
  if (!isRecord(author))
    return [error(FILE, 'author', 'must be an object with name, email and url', 'ZAS manifest.rb')];
  const problems: Problem[] = [];
  for (const field of ['name', 'email'] as const) {
    const value = author[field];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(error(FILE, `author.${field}`, 'required, a non-empty string', 'Zendesk docs'));
    }
  }
  if (
    typeof author.email === 'string' &&
    author.email.trim() &&
    !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(author.email)
  ) {
    problems.push(
      error(FILE, 'author.email', `"${author.email}" is not an email address`, 'Zendesk docs'),
    );
  }
  if (author.url !== undefined)
    problems.push(...httpsUrlProblems(author.url, 'author.url', 'ZAS manifest.rb'));
  return problems;
}

function httpsUrlProblems(value: unknown, key: string, source: 'ZAS manifest.rb'): Problem[] {
  if (typeof value !== 'string')
    return [error(FILE, key, `must be a string, got ${show(value)}`, source)];
  if (/^http:\/\//i.test(value)) {
    return [error(FILE, key, `"${value}" uses http://; use https://`, 'project rule')];
  }
  if (!/^https:\/\/[^\s/]+/i.test(value))
    return [error(FILE, key, `"${value}" is not a URL`, source)];
  return [];
}

function domainWhitelistProblems(value: unknown): Problem[] {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    return [
      error(
        FILE,
        'domainWhitelist',
        'must be an array of domain names (strings)',
        'ZAS manifest.rb',
      ),
    ];
  }
  const problems: Problem[] = [];
  value.forEach((entry: string, index) => {
    if (!/^(\*\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(entry)) {
      problems.push(
        error(
          FILE,
          `domainWhitelist[${index}]`,
          `"${entry}" must be a bare domain name like api.example.com (no scheme, port or path)`,
          'Zendesk docs',
        ),
      );
    }
  });
  const duplicates = value.filter((entry, index) => value.indexOf(entry) !== index);
  for (const entry of new Set(duplicates)) {
    problems.push(
      warning(FILE, 'domainWhitelist', `"${entry}" is listed more than once`, 'project rule'),
    );
  }
  return problems;
}

function oauthProblems(manifest: Record<string, unknown>): Problem[] {
  const oauth = manifest.oauth;
  if (!isRecord(oauth)) return [error(FILE, 'oauth', 'must be an object', 'ZAS manifest.rb')];
  const problems: Problem[] = [];
  for (const field of OAUTH_REQUIRED_FIELDS) {
    if (typeof oauth[field] !== 'string' || oauth[field] === '') {
      problems.push(
        error(FILE, `oauth.${field}`, 'required oauth field is missing', 'ZAS manifest.rb'),
      );
    }
  }
  const parameters = Array.isArray(manifest.parameters) ? manifest.parameters : [];
  if (!parameters.some((parameter) => isRecord(parameter) && parameter.type === 'oauth')) {
    problems.push(
      error(
        FILE,
        'parameters',
        'an app with oauth needs one parameter of type "oauth"',
        'ZAS manifest.rb',
      ),
    );
  }
  return problems;
}

export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
