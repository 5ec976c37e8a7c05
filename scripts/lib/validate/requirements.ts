/** requirements.json, when present: JSON, known types, required fields (ZAS requirements.rb). */
import { text } from '../appFolder';
import { isRecord, parseJson } from '../json';
import { type Problem, type Rule, error } from './types';
import { MAX_REQUIREMENTS, REQUIREMENT_TYPES } from './zendesk';

const FILE = 'requirements.json';

export const requirements: Rule = ({ app }) => {
  const bytes = app.files.get(FILE);
  if (!bytes) return [];
  const parsed = parseJson(text(bytes));
  if (!parsed.ok)
    return [error(FILE, undefined, `not valid JSON: ${parsed.error}`, 'ZAS requirements.rb')];
  if (!isRecord(parsed.value))
    return [error(FILE, undefined, 'must be a JSON object', 'ZAS requirements.rb')];
  const problems: Problem[] = parsed.duplicateKeys.map((key) =>
    error(FILE, key, 'key appears twice; Zendesk refuses duplicate keys', 'ZAS requirements.rb'),
  );
  let count = 0;
  for (const [type, entries] of Object.entries(parsed.value)) {
    if (!REQUIREMENT_TYPES.includes(type)) {
      problems.push(
        error(
          FILE,
          type,
          `not a requirement type (${REQUIREMENT_TYPES.join(', ')})`,
          'ZAS requirements.rb',
        ),
      );
      continue;
    }
    if (!isRecord(entries)) {
      problems.push(
        error(FILE, type, 'must be an object of named requirements', 'ZAS requirements.rb'),
      );
      continue;
    }
    count += Object.keys(entries).length;
    if (type === 'channel_integrations' && Object.keys(entries).length > 1) {
      problems.push(
        error(FILE, type, 'only one channel integration is supported', 'ZAS requirements.rb'),
      );
    }
    if (type === 'custom_objects') continue;
    for (const [identifier, fields] of Object.entries(entries)) {
      const key = `${type}.${identifier}`;
      if (!isRecord(fields)) {
        problems.push(error(FILE, key, 'must be an object', 'ZAS requirements.rb'));
        continue;
      }
      const needed =
        type === 'channel_integrations'
          ? ['manifest_url']
          : type === 'user_fields' || type === 'organization_fields'
            ? ['title', 'key']
            : ['title'];
      for (const field of needed) {
        if (!(field in fields))
          problems.push(
            error(FILE, `${key}.${field}`, 'required field is missing', 'ZAS requirements.rb'),
          );
      }
    }
  }
  if (count > MAX_REQUIREMENTS) {
    problems.push(
      error(
        FILE,
        undefined,
        `${count} requirements; the limit is ${MAX_REQUIREMENTS}`,
        'ZAS requirements.rb',
      ),
    );
  }
  return problems;
};
