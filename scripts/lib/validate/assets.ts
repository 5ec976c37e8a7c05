/** assets/: logos, screenshots, banner (real PNGs of the right size) and safe SVG icons. */
import { text } from '../appFolder';
import { readPng } from '../png';
import { type Problem, type Rule, error, warning } from './types';
import { BANNER, LOGOS, SCREENSHOT } from './zendesk';

export const logos: Rule = ({ app, manifest }) => {
  if (manifest?.requirementsOnly === true) return [];
  const problems: Problem[] = [];
  for (const logo of LOGOS) {
    const bytes = app.files.get(logo.path);
    if (!bytes) {
      problems.push(
        error(
          logo.path,
          undefined,
          `missing: Zendesk requires a ${logo.width}x${logo.height} PNG here`,
          'Zendesk docs',
        ),
      );
      continue;
    }
    const png = readPng(bytes);
    if (!png.ok) {
      problems.push(
        error(logo.path, undefined, `not a readable PNG (${png.error})`, 'Zendesk docs'),
      );
    } else if (png.width !== logo.width || png.height !== logo.height) {
      problems.push(
        error(
          logo.path,
          undefined,
          `is ${png.width}x${png.height}; it must be ${logo.width}x${logo.height}`,
          'Zendesk docs',
        ),
      );
    }
  }
  return problems;
};

export const screenshots: Rule = ({ app }) => {
  const paths = [...app.files.keys()].filter((path) => SCREENSHOT.pattern.test(path));
  const problems: Problem[] = [];
  if (paths.length > SCREENSHOT.max) {
    problems.push(
      error(
        'assets',
        undefined,
        `${paths.length} screenshots; Zendesk takes at most ${SCREENSHOT.max}`,
        'ZAS screenshots.rb',
      ),
    );
  }
  for (const path of paths) {
    const png = readPng(app.files.get(path)!);
    if (!png.ok)
      problems.push(
        error(path, undefined, `not a readable PNG (${png.error})`, 'ZAS screenshots.rb'),
      );
    else if (png.width !== SCREENSHOT.width || png.height !== SCREENSHOT.height) {
      problems.push(
        error(
          path,
          undefined,
          `is ${png.width}x${png.height}; screenshots must be ${SCREENSHOT.width}x${SCREENSHOT.height}`,
          'ZAS screenshots.rb',
        ),
      );
    }
  }
  return problems;
};

export const banner: Rule = ({ app }) => {
  const bytes = app.files.get(BANNER.path);
  if (!bytes) return [];
  const png = readPng(bytes);
  if (!png.ok) return [error(BANNER.path, undefined, 'must be a PNG file', 'ZAS banner.rb')];
  const fits = (scale: number) =>
    png.width === BANNER.width * scale && png.height === BANNER.height * scale;
  return fits(1) || fits(2)
    ? []
    : [
        error(
          BANNER.path,
          undefined,
          `is ${png.width}x${png.height}; it must be ${BANNER.width}x${BANNER.height} (or twice that)`,
          'ZAS banner.rb',
        ),
      ];
};

/**
 * Zendesk scrubs SVGs (ZAS svg.rb, Loofah's prune scrubber) and replaces icons that embed bitmaps;
 * we refuse what it would strip, so the icon shows as drawn. Icons use currentColor so Zendesk can
 * tint them.
 */
export const svgs: Rule = ({ app }) => {
  const problems: Problem[] = [];
  for (const [path, bytes] of app.files) {
    if (!path.startsWith('assets/') || !path.toLowerCase().endsWith('.svg')) continue;
    const markup = text(bytes);
    if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(markup)) {
      problems.push(
        error(path, undefined, 'is not an SVG document (it must start with <svg>)', 'ZAS svg.rb'),
      );
      continue;
    }
    const checks: Array<[RegExp, string]> = [
      [/<script[\s>]/i, 'contains <script>'],
      [/<foreignObject[\s>]/i, 'contains <foreignObject>'],
      [/\son[a-z]+\s*=/i, 'has an event-handler attribute (on...=)'],
      [/(?:href|src)\s*=\s*["']\s*javascript:/i, 'links to javascript:'],
      [/(?:xlink:)?href\s*=\s*["']\s*(?:https?:)?\/\//i, 'references an external resource'],
    ];
    for (const [pattern, what] of checks) {
      if (pattern.test(markup))
        problems.push(error(path, undefined, `${what}; Zendesk strips it`, 'ZAS svg.rb'));
    }
    if (/<image[\s>]/i.test(markup)) {
      problems.push(
        error(
          path,
          undefined,
          'embeds a bitmap; Zendesk replaces such icons with a placeholder',
          'ZAS svg.rb',
        ),
      );
    }
    if (/(^|\/)icon_[a-z_]+\.svg$/.test(path)) {
      const colours = [
        ...markup.matchAll(
          /(?:fill|stroke|color)\s*[=:]\s*["']?\s*(#[0-9a-f]{3,8}|rgba?\([^)]*\)|[a-z]+)/gi,
        ),
      ]
        .map((match) => match[1]!.toLowerCase())
        .filter((colour) => !['currentcolor', 'none', 'inherit', 'transparent'].includes(colour));
      if (colours.length > 0) {
        problems.push(
          warning(
            path,
            undefined,
            `uses fixed colours (${[...new Set(colours)].join(', ')}); use currentColor so Zendesk can tint the icon`,
            'project rule',
          ),
        );
      }
    }
  }
  return problems;
};
