import { formatProblem, validateApp } from '../../../scripts/lib/validate';
import { appFolderFrom } from '../../../scripts/lib/appFolder';
import type { Problem } from '../../../scripts/lib/validate/types';
import { type Entries, errorsOf, json, pngOf, repoEntries, validate, withJson } from './appFixture';

type Parameter = Record<string, unknown>;
const parametersOf = (manifest: Record<string, unknown>) => manifest.parameters as Parameter[];
const secureKey = (manifest: Record<string, unknown>) =>
  parametersOf(manifest).find((p) => p.secure === true)!;

/** The one error expected, located by file and key. */
function expectError(problems: Problem[], file: string, key?: string, message?: RegExp): Problem {
  const found = errorsOf(problems).filter(
    (p) => p.file === file && (key === undefined || p.key === key),
  );
  if (found.length === 0) {
    throw new Error(
      `expected an error in ${file}${key ? ` [${key}]` : ''}; got:\n${problems.map((p) => formatProblem(p, 'dist')).join('\n')}`,
    );
  }
  if (message) expect(found.map((p) => p.message).join('\n')).toMatch(message);
  return found[0]!;
}

describe('validate: the repository app', () => {
  it('has no errors', () => {
    const problems = validate(repoEntries());
    expect(errorsOf(problems).map((p) => formatProblem(p, 'dist'))).toEqual([]);
  });

  it('passes with the committed logos at their Zendesk sizes and a currentColor nav bar icon', () => {
    const problems = validate(repoEntries());
    expect(problems.filter((p) => p.file.startsWith('assets/'))).toEqual([]);
  });
});

describe('validate: manifest.json', () => {
  it('reports malformed JSON with its line', () => {
    const entries = {
      ...repoEntries(),
      'manifest.json': '{\n  "name": "x",\n  "version": 1.0.0\n}',
    };
    expectError(validate(entries), 'manifest.json', undefined, /not valid JSON.*line 3/);
  });

  it('reports a missing manifest, and one nested in a sub-folder by name', () => {
    const { 'manifest.json': manifest, ...rest } = repoEntries();
    expectError(validate(rest), 'manifest.json', undefined, /missing/);
    expectError(
      validate({ ...rest, 'app/manifest.json': manifest! }),
      'manifest.json',
      undefined,
      /app\/manifest\.json/,
    );
  });

  it('reports keys given twice', () => {
    const source = JSON.stringify(json(repoEntries(), 'manifest.json'), null, 2).replace(
      '"defaultLocale": "en",',
      '"defaultLocale": "en",\n  "defaultLocale": "sv",',
    );
    expectError(
      validate({ ...repoEntries(), 'manifest.json': source }),
      'manifest.json',
      'defaultLocale',
      /twice/,
    );
  });

  it('requires the author, with a name and an email', () => {
    const noAuthor = withJson(repoEntries(), 'manifest.json', (m) => delete m.author);
    expectError(validate(noAuthor), 'manifest.json', 'author', /required/);
    const noEmail = withJson(
      repoEntries(),
      'manifest.json',
      (m) => ((m.author as Parameter).email = ''),
    );
    expectError(validate(noEmail), 'manifest.json', 'author.email');
  });

  it('refuses framework versions other than 2.0', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) => (m.frameworkVersion = '1.0'));
    expectError(validate(entries), 'manifest.json', 'frameworkVersion', /"2\.0"/);
  });

  it('refuses an http:// author URL', () => {
    const entries = withJson(
      repoEntries(),
      'manifest.json',
      (m) => ((m.author as Parameter).url = 'http://example.com'),
    );
    expectError(validate(entries), 'manifest.json', 'author.url', /https/);
  });

  it('refuses domainWhitelist entries that are URLs rather than domain names', () => {
    const entries = withJson(
      repoEntries(),
      'manifest.json',
      (m) => (m.domainWhitelist = ['https://a.klaviyo.com/api']),
    );
    expectError(validate(entries), 'manifest.json', 'domainWhitelist[0]', /bare domain/);
  });
});

describe('validate: parameters', () => {
  it('refuses a password parameter', () => {
    const entries = withJson(
      repoEntries(),
      'manifest.json',
      (m) => (secureKey(m).type = 'password'),
    );
    const problem = expectError(
      validate(entries),
      'manifest.json',
      'parameters.klaviyo_api_key.type',
      /secure/,
    );
    expect(problem.source).toBe('project rule');
  });

  it('refuses unknown types, duplicate names and a parameter called "name"', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) => {
      parametersOf(m).push(
        { name: 'reply_mode', type: 'text' },
        { name: 'name', type: 'dropdown' },
      );
    });
    const problems = validate(entries);
    expectError(problems, 'manifest.json', 'parameters.reply_mode', /unique/);
    expectError(problems, 'manifest.json', 'parameters.name', /cannot be called "name"/);
    expectError(problems, 'manifest.json', 'parameters.name.type', /not a parameter type/);
  });

  it('refuses a secure parameter with an invalid scope', () => {
    const entries = withJson(
      repoEntries(),
      'manifest.json',
      (m) => (secureKey(m).scopes = ['header', 'query']),
    );
    expectError(
      validate(entries),
      'manifest.json',
      'parameters.klaviyo_api_key.scopes[1]',
      /"query".*header, body, url/,
    );
  });

  it('warns when a secure parameter has no scopes', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) => delete secureKey(m).scopes);
    const problems = validate(entries);
    expect(errorsOf(problems)).toEqual([]);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', key: 'parameters.klaviyo_api_key.scopes' }),
    );
  });

  it('refuses a non-boolean required flag and defaults of the wrong type', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) => {
      const byName = (name: string) => parametersOf(m).find((p) => p.name === name)!;
      byName('reply_mode').required = 'no';
      byName('quiet_hours_start').default = '8';
      byName('send_public_replies_as_sms').default = 'false';
    });
    const problems = validate(entries);
    expectError(problems, 'manifest.json', 'parameters.reply_mode.required', /true or false/);
    expectError(problems, 'manifest.json', 'parameters.quiet_hours_start.default', /number/);
    expectError(
      problems,
      'manifest.json',
      'parameters.send_public_replies_as_sms.default',
      /true or false/,
    );
  });

  it('refuses a hidden parameter that is required', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) =>
      parametersOf(m).push({ name: 'install_id', type: 'hidden', required: true }),
    );
    expectError(validate(entries), 'manifest.json', 'parameters.install_id.required', /hidden/);
  });
});

describe('validate: locations', () => {
  it('refuses a location URL that points to a missing file', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) => {
      const support = (m.location as Record<string, Record<string, Parameter>>).support!;
      support.ticket_sidebar!.url = 'assets/sidebar.html';
    });
    expectError(
      validate(entries),
      'manifest.json',
      'location.support.ticket_sidebar.url',
      /assets\/sidebar\.html/,
    );
  });

  it('refuses http:// and relative URLs outside assets/, accepts https://', () => {
    const withUrl = (url: string) =>
      withJson(repoEntries(), 'manifest.json', (m) => {
        (m.location as Record<string, Record<string, Parameter>>).support!.ticket_sidebar!.url =
          url;
      });
    expectError(
      validate(withUrl('http://app.example.com/')),
      'manifest.json',
      'location.support.ticket_sidebar.url',
      /https/,
    );
    expectError(
      validate(withUrl('index.html')),
      'manifest.json',
      'location.support.ticket_sidebar.url',
      /under assets\//,
    );
    expect(errorsOf(validate(withUrl('https://app.example.com/sidebar')))).toEqual([]);
  });

  it('refuses unknown products and locations, and flexible outside the sidebars', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) => {
      const location = m.location as Record<string, Record<string, Parameter>>;
      location.support!.ticket_footer = { url: 'assets/index.html' };
      location.support!.nav_bar!.flexible = true;
      location.freshdesk = { ticket_sidebar: { url: 'assets/index.html' } };
    });
    const problems = validate(entries);
    expectError(
      problems,
      'manifest.json',
      'location.support.ticket_footer',
      /not a support location/,
    );
    expectError(problems, 'manifest.json', 'location.support.nav_bar.flexible', /sidebars/);
    expectError(problems, 'manifest.json', 'location.freshdesk', /not a Zendesk product/);
  });

  it('requires the nav bar icon when the app is in the nav bar', () => {
    const { 'assets/icon_nav_bar.svg': _icon, ...entries } = repoEntries();
    expectError(validate(entries), 'assets/icon_nav_bar.svg', undefined, /nav_bar/);
  });
});

describe('validate: translations', () => {
  it('reports a malformed translation file', () => {
    const entries = {
      ...repoEntries(),
      'translations/sv.json': '{ "app": { "name": "Klaviyo" }, }',
    };
    expectError(validate(entries), 'translations/sv.json', undefined, /not valid JSON/);
  });

  it('reports a parameter without a label in the default locale', () => {
    const entries = withJson(repoEntries(), 'manifest.json', (m) =>
      parametersOf(m).push({ name: 'archive_days', type: 'number', default: 30 }),
    );
    expectError(
      validate(entries),
      'translations/en.json',
      'app.parameters.archive_days.label',
      /raw name/,
    );
  });

  it('reports a parameter entry whose label is missing, in any locale', () => {
    const entries = withJson(repoEntries(), 'translations/ko.json', (t) => {
      const parameters = (t.app as Record<string, Record<string, Parameter>>).parameters!;
      delete parameters.reply_mode!.label;
    });
    expectError(validate(entries), 'translations/ko.json', 'app.parameters.reply_mode.label');
  });

  it('reports an app name over 40 characters', () => {
    const entries = withJson(repoEntries(), 'translations/en.json', (t) => {
      (t.app as Parameter).name = 'Klaviyo profiles, consent and SMS for Zendesk Support';
    });
    expectError(
      validate(entries),
      'translations/en.json',
      'app.name',
      /53 characters; the limit is 40/,
    );
  });

  it('requires the Marketplace strings for a public app but only the name for a private one', () => {
    const entries = withJson(
      repoEntries(),
      'translations/en.json',
      (t) => delete (t.app as Parameter).long_description,
    );
    expectError(validate(entries), 'translations/en.json', 'app.long_description', /not private/);
    const privateApp = withJson(entries, 'manifest.json', (m) => (m.private = true));
    expect(errorsOf(validate(privateApp))).toEqual([]);
  });

  it('requires the default locale file and valid locale names', () => {
    const { 'translations/en.json': _en, ...rest } = repoEntries();
    expectError(validate(rest), 'translations/en.json', undefined, /default locale "en"/);
    expectError(
      validate({ ...repoEntries(), 'translations/english.json': '{}' }),
      'translations/english.json',
      undefined,
      /locale/,
    );
  });

  it('refuses leaves that are neither strings nor { title, value }', () => {
    const entries = withJson(repoEntries(), 'translations/es.json', (t) => {
      (t as Record<string, unknown>).ui = {
        common: { retry: 3, close: { title: 'Close button', value: ['Cerrar'] } },
      };
    });
    const problems = validate(entries);
    expectError(problems, 'translations/es.json', 'ui.common.retry', /string/);
    expectError(problems, 'translations/es.json', 'ui.common.close', /both be strings/);
  });
});

describe('validate: assets', () => {
  it('reports a missing logo', () => {
    const { 'assets/logo.png': _logo, ...entries } = repoEntries();
    expectError(validate(entries), 'assets/logo.png', undefined, /missing.*320x320/);
  });

  it('reports a logo of the wrong size, and one that is not a PNG', () => {
    expectError(
      validate({ ...repoEntries(), 'assets/logo-small.png': pngOf(64, 64) }),
      'assets/logo-small.png',
      undefined,
      /64x64.*128x128/,
    );
    expectError(
      validate({ ...repoEntries(), 'assets/logo.png': 'GIF89a' }),
      'assets/logo.png',
      undefined,
      /not a readable PNG/,
    );
  });

  it('checks screenshots and the banner against Zendesk sizes', () => {
    const entries: Entries = {
      ...repoEntries(),
      'assets/screenshot-0.png': pngOf(800, 600),
      'assets/banner.png': pngOf(830, 200),
    };
    const problems = validate(entries);
    expectError(problems, 'assets/screenshot-0.png', undefined, /1024x768/);
    expect(problems.filter((p) => p.file === 'assets/banner.png')).toEqual([]);
  });

  it('refuses SVGs with scripts or embedded bitmaps, and warns on fixed icon colours', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><image href="data:image/png;base64,AA"/><path fill="#ff0000" d="M0 0h1v1z"/></svg>';
    const problems = validate({ ...repoEntries(), 'assets/icon_nav_bar.svg': svg });
    expectError(problems, 'assets/icon_nav_bar.svg', undefined, /<script>/);
    expectError(problems, 'assets/icon_nav_bar.svg', undefined, /bitmap/);
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/#ff0000.*currentColor/),
      }),
    );
  });
});

describe('validate: content and files', () => {
  it('refuses http:// URLs in translations and HTML but only warns in bundled JavaScript', () => {
    const entries = withJson(repoEntries(), 'translations/es.json', (t) => {
      (t.app as Parameter).installation_instructions = 'Vea http://example.com/ayuda';
    });
    const problems = validate({ ...entries, 'assets/vendor.js': 'const docs = "http://fb.me/x";' });
    expectError(problems, 'translations/es.json', undefined, /http:\/\/example\.com\/ayuda/);
    expect(problems.filter((p) => p.file === 'assets/vendor.js').map((p) => p.severity)).toEqual([
      'warning',
    ]);
  });

  it('reports an XML namespace name in HTML as an expected warning with its reason, never an error', () => {
    const problems = validate({
      ...repoEntries(),
      'assets/page.html': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    });
    expect(problems.filter((p) => p.file === 'assets/page.html')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        source: 'ZAS requests.rb',
        expected: expect.stringMatching(/XML namespace name/),
      }),
    ]);
  });

  it('allows XML namespace names in SVG files, which Zendesk does not scan for requests', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" fill="currentColor"><path d="M0 0h1v1z"/></svg>';
    const problems = validate({ ...repoEntries(), 'assets/icon_nav_bar.svg': svg });
    expect(problems.filter((p) => p.file === 'assets/icon_nav_bar.svg')).toEqual([]);
  });

  it('refuses a Klaviyo private key in any text file', () => {
    const key = ['pk', 'abcdefghijklmnopqrstuvwxyz0123'].join('_');
    const problems = validate({ ...repoEntries(), 'assets/config.js': `const key = "${key}";` });
    const problem = expectError(problems, 'assets/config.js', undefined, /Klaviyo private API key/);
    expect(problem.message).not.toContain(key);
  });

  it('refuses symlinks, .zat leftovers, legacy app.js and unsupported file types', () => {
    const problems = validate(
      {
        ...repoEntries(),
        '.zat': '{"subdomain":"demo"}',
        'app.js': '',
        'assets/manual.pdf': '%PDF',
      },
      { symlinks: ['assets/shared'] },
    );
    expectError(problems, 'assets/shared', undefined, /symbolic link/);
    expectError(problems, '.zat', undefined, /ZAT/);
    expectError(problems, 'app.js', undefined, /iframe/);
    expectError(problems, 'assets/manual.pdf', undefined, /not supported/);
  });

  it('leaves OS junk, tmp/ and the zcli settings out of the folder it validates', () => {
    const app = appFolderFrom({
      ...repoEntries(),
      '.DS_Store': 'x',
      'tmp/app-1.zip': 'PK',
      'zcli.apps.config.json': '{}',
    });
    expect(errorsOf(validateApp({ app }))).toEqual([]);
    expect(app.excluded.map((entry) => entry.path).sort()).toEqual(
      ['.DS_Store', 'tmp/app-1.zip', 'zcli.apps.config.json'].sort(),
    );
  });

  it('refuses an earlier package inside the app folder, as Zendesk does, and says where zips go', () => {
    const problems = validate({
      ...repoEntries(),
      'klaviyo-for-zendesk-0.0.9.zip': 'PK\u0003\u0004',
    });
    expectError(problems, 'klaviyo-for-zendesk-0.0.9.zip', undefined, /not supported.*release\//);
  });

  it('checks requirements.json types and titles when it exists', () => {
    const requirements = JSON.stringify({ targets: { t: { type: 'url_target' } }, webhooks: {} });
    const problems = validate({ ...repoEntries(), 'requirements.json': requirements });
    expectError(problems, 'requirements.json', 'targets.t.title', /missing/);
    expectError(problems, 'requirements.json', 'webhooks', /not a requirement type/);
  });
});

describe('validate: zcli.apps.config.json (project rule)', () => {
  const run = (config: unknown, extra: Entries = {}) =>
    validateApp({
      app: appFolderFrom({ ...repoEntries(), ...extra }),
      project: {
        appFolderName: 'dist',
        zcliConfig: new TextEncoder().encode(JSON.stringify(config)),
      },
    });

  it('warns for each manifest parameter the file does not list, naming it a project rule', () => {
    const problems = run(
      { parameters: { klaviyo_api_key: 'pk_placeholder' } },
      { 'zcli.apps.config.json': '{}' },
    );
    const missing = problems.filter(
      (p) => p.file === 'zcli.apps.config.json' && p.key?.startsWith('parameters.'),
    );
    expect(missing.map((p) => p.key)).toContain('parameters.reply_mode');
    expect(missing.every((p) => p.severity === 'warning' && p.source === 'project rule')).toBe(
      true,
    );
    expect(formatProblem(missing[0]!, 'dist')).toMatch(
      /^warning zcli\.apps\.config\.json \[parameters\.\w+\]: .*\(project rule\)$/,
    );
  });

  it('warns when the built folder has no copy for zcli apps:server to read', () => {
    const problems = run({ parameters: {} });
    const problem = problems.find((p) => p.message.includes('zcli apps:server dist'));
    expect(problem && formatProblem(problem, 'dist')).toMatch(
      /^warning dist\/zcli\.apps\.config\.json: /,
    );
  });

  it('refuses a real-looking key in the file', () => {
    const key = ['pk', 'abcdefghijklmnopqrstuvwxyz0123'].join('_');
    expectError(
      run({ parameters: { klaviyo_api_key: key } }),
      'zcli.apps.config.json',
      'parameters.klaviyo_api_key',
      /real Klaviyo/,
    );
  });
});

describe('formatProblem', () => {
  it('prints one line naming the folder, file and key', () => {
    const entries = withJson(
      repoEntries(),
      'manifest.json',
      (m) => (secureKey(m).type = 'password'),
    );
    const problem = expectError(
      validate(entries),
      'manifest.json',
      'parameters.klaviyo_api_key.type',
    );
    const line = formatProblem(problem, 'dist');
    expect(line).toMatch(/^error {3}dist\/manifest\.json \[parameters\.klaviyo_api_key\.type\]: /);
    expect(line).not.toContain('\n');
  });
});
