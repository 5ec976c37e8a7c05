/**
 * Project rule: zcli.apps.config.json at the project root lists every manifest parameter, so
 * `zcli apps:server` never stops to prompt, and holds no real key.
 */
import { text } from '../appFolder';
import { isRecord, parseJson } from '../json';
import { type Problem, type Rule, error, warning } from './types';

const atRoot = (problem: Problem): Problem => ({ ...problem, inProject: true });

const FILE = 'zcli.apps.config.json';

export const zcliConfig: Rule = ({ project, parameters, app }) => {
  if (!project?.zcliConfig) return [];
  const parsed = parseJson(text(project.zcliConfig));
  if (!parsed.ok)
    return [atRoot(warning(FILE, undefined, `not valid JSON: ${parsed.error}`, 'project rule'))];
  const config = isRecord(parsed.value) ? parsed.value : {};
  const values = isRecord(config.parameters) ? config.parameters : undefined;
  const problems: Problem[] = [];
  if (!values) {
    problems.push(
      warning(FILE, 'parameters', 'missing: zcli would prompt for every setting', 'project rule'),
    );
  } else {
    for (const { name } of parameters) {
      if (name && !(name in values)) {
        problems.push(
          warning(
            FILE,
            `parameters.${name}`,
            `missing: zcli apps:server would prompt for "${name}"`,
            'project rule',
          ),
        );
      }
    }
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string' && /pk_[A-Za-z0-9]{20,}/.test(value)) {
        problems.push(
          error(
            FILE,
            `parameters.${name}`,
            'holds what looks like a real Klaviyo private key; keep a placeholder in the repository',
            'project rule',
          ),
        );
      }
    }
  }
  const checked = problems.map(atRoot);
  if (project.appFolderName !== '.' && !app.excluded.some((entry) => entry.path === FILE)) {
    checked.push(
      warning(
        FILE,
        undefined,
        `missing: \`zcli apps:server ${project.appFolderName}\` reads its settings from ${project.appFolderName}/${FILE}, so it would prompt (cp ${FILE} ${project.appFolderName}/)`,
        'zcli',
      ),
    );
  }
  return checked;
};
