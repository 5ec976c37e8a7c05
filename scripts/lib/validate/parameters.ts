/**
 * manifest.json `parameters`: names, types, flags, secure-setting scopes and defaults
 * (ZAS manifest.rb and secure_settings.rb, plus the project's own stricter rules).
 */
import { type Problem, type Rule, error, warning } from './types';
import { show } from './manifest';
import { PARAMETER_TYPES, SECURABLE_NAME, SECURE_SCOPES, ZENDESK_SECURE_SCOPES } from './zendesk';

const FILE = 'manifest.json';

export const parameters: Rule = ({ manifest, parameters: list }) => {
  if (!manifest || !Array.isArray(manifest.parameters)) return [];
  const problems: Problem[] = [];

  manifest.parameters.forEach((raw: unknown, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(
        error(FILE, `parameters[${index}]`, 'each parameter must be an object', 'ZAS manifest.rb'),
      );
    }
  });

  const seen = new Map<string, number>();
  for (const parameter of list) {
    if (!parameter.name) {
      problems.push(
        error(
          FILE,
          `${parameter.key}.name`,
          'every parameter needs a non-empty name',
          'ZAS manifest.rb',
        ),
      );
      continue;
    }
    seen.set(parameter.name, (seen.get(parameter.name) ?? 0) + 1);
  }
  for (const [name, count] of seen) {
    if (count > 1) {
      problems.push(
        error(
          FILE,
          `parameters.${name}`,
          `defined ${count} times; names must be unique`,
          'ZAS manifest.rb',
        ),
      );
    }
  }

  let oauthCount = 0;
  for (const { raw, key, name } of list) {
    if (name === 'name') {
      problems.push(error(FILE, key, 'a parameter cannot be called "name"', 'ZAS manifest.rb'));
    }
    const type = raw.type === undefined ? 'text' : raw.type;
    if (type === 'password') {
      problems.push(
        error(
          FILE,
          `${key}.type`,
          '"password" parameters only mask the field and still reach the browser; use "text" with "secure": true and "scopes"',
          'project rule',
        ),
      );
    } else if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type)) {
      problems.push(
        error(
          FILE,
          `${key}.type`,
          `${show(type)} is not a parameter type (${PARAMETER_TYPES.join(', ')})`,
          'ZAS manifest.rb',
        ),
      );
    }
    for (const flag of ['required', 'secure'] as const) {
      if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') {
        problems.push(
          error(
            FILE,
            `${key}.${flag}`,
            `must be true or false, got ${show(raw[flag])}`,
            'ZAS manifest.rb',
          ),
        );
      }
    }
    const secure = raw.secure === true;
    if (type === 'hidden' && raw.required === true) {
      problems.push(
        error(FILE, `${key}.required`, 'a hidden parameter cannot be required', 'ZAS manifest.rb'),
      );
    }
    if (type === 'oauth') {
      oauthCount += 1;
      if (secure)
        problems.push(
          error(FILE, `${key}.secure`, 'an oauth parameter cannot be secure', 'ZAS manifest.rb'),
        );
    }

    problems.push(...scopeProblems(raw.scopes, key, secure));

    if (
      !secure &&
      typeof name === 'string' &&
      SECURABLE_NAME.test(name) &&
      (type === 'text' || type === 'password')
    ) {
      problems.push(
        warning(
          FILE,
          key,
          'looks like a credential; set "secure": true so it never reaches the browser',
          'ZAS secure_settings.rb',
        ),
      );
    }
    if ('default' in raw) {
      if (secure || type === 'hidden') {
        problems.push(
          warning(
            FILE,
            `${key}.default`,
            'defaults of secure or hidden parameters are not stored securely',
            'ZAS secure_settings.rb',
          ),
        );
      }
      const defaultProblem = defaultTypeProblem(type, raw.default);
      if (defaultProblem)
        problems.push(error(FILE, `${key}.default`, defaultProblem, 'project rule'));
    }
  }
  if (oauthCount > 1) {
    problems.push(
      error(FILE, 'parameters', 'at most one parameter may have type "oauth"', 'ZAS manifest.rb'),
    );
  }
  return problems;
};

function scopeProblems(scopes: unknown, key: string, secure: boolean): Problem[] {
  if (scopes === undefined || scopes === null) {
    return secure
      ? [
          warning(
            FILE,
            `${key}.scopes`,
            `secure parameter without scopes: Zendesk may substitute it anywhere in a request; list where it may go (${SECURE_SCOPES.join(', ')})`,
            'ZAS secure_settings.rb',
          ),
        ]
      : [];
  }
  const problems: Problem[] = [];
  if (!secure) {
    problems.push(error(FILE, `${key}.scopes`, 'scopes need "secure": true', 'ZAS manifest.rb'));
  }
  if (!Array.isArray(scopes)) {
    problems.push(
      error(
        FILE,
        `${key}.scopes`,
        `must be an array of ${SECURE_SCOPES.join(', ')}`,
        'ZAS manifest.rb',
      ),
    );
    return problems;
  }
  if (scopes.length === 0) {
    problems.push(
      error(
        FILE,
        `${key}.scopes`,
        `cannot be empty; list where it may go (${SECURE_SCOPES.join(', ')})`,
        'ZAS manifest.rb',
      ),
    );
  }
  scopes.forEach((scope: unknown, index) => {
    if (typeof scope === 'string' && SECURE_SCOPES.includes(scope)) return;
    const zendeskKnows = typeof scope === 'string' && ZENDESK_SECURE_SCOPES.includes(scope);
    problems.push(
      error(
        FILE,
        `${key}.scopes[${index}]`,
        zendeskKnows
          ? `${show(scope)} is a Zendesk scope the local workspace's proxy does not emulate (it knows ${SECURE_SCOPES.join(', ')})`
          : `${show(scope)} is not a secure-setting scope (${SECURE_SCOPES.join(', ')})`,
        zendeskKnows ? 'project rule' : 'ZAS manifest.rb',
      ),
    );
  });
  return problems;
}

function defaultTypeProblem(type: unknown, value: unknown): string | undefined {
  switch (type) {
    case 'checkbox':
      return typeof value === 'boolean'
        ? undefined
        : `a checkbox default must be true or false, got ${show(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `a number default must be a JSON number, got ${show(value)}`;
    case 'url':
      if (typeof value !== 'string') return `a url default must be a string, got ${show(value)}`;
      return value === '' || /^https:\/\//i.test(value)
        ? undefined
        : `a url default must start with https://, got ${show(value)}`;
    case 'text':
    case 'multiline':
    case 'hidden':
    case 'password':
    case undefined:
      return typeof value === 'string'
        ? undefined
        : `a ${String(type ?? 'text')} default must be a string, got ${show(value)}`;
    default:
      return undefined;
  }
}
