/**
 * manifest.json `location`: products, location names, URLs (https, or a file under assets/ that
 * exists), per-location options, and the SVG icons some locations need.
 */
import { isRecord } from '../json';
import { type Problem, type Rule, error, warning } from './types';
import { show } from './manifest';
import {
  FLEXIBLE_LOCATIONS,
  ICON_LOCATIONS,
  LOCATION_OPTIONS,
  LOCATIONS,
  PRODUCTS,
} from './zendesk';

const FILE = 'manifest.json';

export const locations: Rule = ({ manifest, app }) => {
  if (!manifest || manifest.location === undefined) return [];
  const location = manifest.location;
  if (!isRecord(location)) {
    return [
      error(
        FILE,
        'location',
        'framework 2.0 apps list locations as { "support": { "<location>": { "url": ... } } }',
        'ZAS manifest.rb',
      ),
    ];
  }
  const problems: Problem[] = [];
  const products = Object.keys(location);
  if (products.length === 0)
    problems.push(error(FILE, 'location', 'no locations are listed', 'ZAS manifest.rb'));
  const multiProduct = products.length > 1;

  for (const [productKey, productLocations] of Object.entries(location)) {
    const product = PRODUCTS[productKey];
    if (!product) {
      problems.push(
        error(
          FILE,
          `location.${productKey}`,
          `"${productKey}" is not a Zendesk product`,
          'ZAS manifest.rb',
        ),
      );
      continue;
    }
    if (!isRecord(productLocations)) {
      problems.push(
        error(FILE, `location.${productKey}`, 'must be an object of locations', 'ZAS manifest.rb'),
      );
      continue;
    }
    for (const [name, options] of Object.entries(productLocations)) {
      const key = `location.${productKey}.${name}`;
      if (!LOCATIONS[product]!.includes(name)) {
        problems.push(
          error(FILE, key, `"${name}" is not a ${product} location`, 'ZAS manifest.rb'),
        );
        continue;
      }
      problems.push(
        ...locationOptionProblems(key, name, product, options, (path) => app.files.has(path)),
      );
      const icon = ICON_LOCATIONS[name];
      if (icon && product === 'support') {
        const iconPath = multiProduct
          ? `assets/support/icon_${name}.svg`
          : `assets/icon_${name}.svg`;
        if (!app.files.has(iconPath)) {
          const message = `the ${name} location shows ${iconPath}, which is missing`;
          problems.push(
            icon.required
              ? error(iconPath, undefined, message, 'Zendesk docs')
              : warning(iconPath, undefined, message, 'zcli'),
          );
        }
      }
    }
  }
  return problems;
};

function locationOptionProblems(
  key: string,
  name: string,
  product: string,
  options: unknown,
  exists: (path: string) => boolean,
): Problem[] {
  if (typeof options === 'string') return urlProblems(`${key}`, options, exists);
  if (!isRecord(options)) {
    return [error(FILE, key, 'must be a URL string or an object with "url"', 'ZAS manifest.rb')];
  }
  const problems: Problem[] = [];
  const { url } = options;
  if (typeof url === 'string' && url !== '') {
    problems.push(...urlProblems(`${key}.url`, url, exists));
  } else if (options.autoLoad !== false) {
    problems.push(
      error(FILE, `${key}.url`, `the ${name} location does not give a URL`, 'ZAS manifest.rb'),
    );
  }
  for (const flag of ['autoLoad', 'autoHide', 'signed', 'flexible']) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') {
      problems.push(
        error(
          FILE,
          `${key}.${flag}`,
          `must be true or false, got ${show(options[flag])}`,
          'ZAS manifest.rb',
        ),
      );
    }
  }
  if (
    options.flexible !== undefined &&
    !(product === 'support' && FLEXIBLE_LOCATIONS.includes(name))
  ) {
    problems.push(
      error(
        FILE,
        `${key}.flexible`,
        `only the Support sidebars can be flexible (${FLEXIBLE_LOCATIONS.join(', ')})`,
        'Zendesk docs',
      ),
    );
  }
  if (options.size !== undefined) {
    const size = options.size;
    const dimension = /^\d+(\.\d+)?(px|%)?$/;
    if (
      !isRecord(size) ||
      !Object.entries(size).every(
        ([k, v]) => ['width', 'height'].includes(k) && typeof v === 'string' && dimension.test(v),
      )
    ) {
      problems.push(
        error(
          FILE,
          `${key}.size`,
          'must be { "width": "<n>px", "height": "<n>px" }',
          'Zendesk docs',
        ),
      );
    }
  }
  for (const option of Object.keys(options)) {
    if (!LOCATION_OPTIONS.includes(option)) {
      const hint =
        option === 'svg' ? ` (the icon is found by its file name, assets/icon_${name}.svg)` : '';
      problems.push(
        warning(
          FILE,
          `${key}.${option}`,
          `not a Zendesk location option${hint}; remove it`,
          'ZAS location_options.rb',
        ),
      );
    }
  }
  return problems;
}

function urlProblems(key: string, url: string, exists: (path: string) => boolean): Problem[] {
  if (url.includes('{{setting.')) return [];
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return [error(FILE, key, `"${url}" is not a valid URL`, 'ZAS manifest.rb')];
    }
    if (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1') {
      return [
        warning(
          FILE,
          key,
          `"${url}" points at this machine; fine with zcli, not in a published app`,
          'ZAS manifest.rb',
        ),
      ];
    }
    if (parsed.protocol !== 'https:') {
      return [error(FILE, key, `"${url}" must use https://`, 'ZAS manifest.rb')];
    }
    return [];
  }
  const path = url.replace(/[?#].*$/, '');
  if (!path.startsWith('assets/')) {
    return [
      error(
        FILE,
        key,
        `"${url}" must be a file under assets/ or an https:// URL`,
        'ZAS manifest.rb',
      ),
    ];
  }
  if (!exists(path)) {
    return [
      error(
        FILE,
        key,
        `"${url}" points to ${path}, which is not in the app folder`,
        'ZAS manifest.rb',
      ),
    ];
  }
  return [];
}
