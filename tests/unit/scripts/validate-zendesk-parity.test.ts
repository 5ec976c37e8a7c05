/**
 * The checks that mirror Zendesk's own validator (zendesk_apps_support): secret keywords and
 * patterns, insecure http: URLs in scripts and HTML, unsupported file types by name and by
 * content, secure-setting scopes; and the reasons printed for the findings our build cannot avoid.
 */
import { formatProblem, summarise, validateApp } from '../../../scripts/lib/validate';
import { appFolderFrom } from '../../../scripts/lib/appFolder';
import type { Problem } from '../../../scripts/lib/validate/types';
import { type Entries, errorsOf, repoEntries, validate, withJson } from './appFixture';

const inFile = (problems: Problem[], file: string) => problems.filter((p) => p.file === file);
const withFile = (path: string, content: string | Uint8Array): Problem[] =>
  inFile(validate({ ...repoEntries(), [path]: content }), path);

/** What React DOM's production bundle really contains around the word "password". */
const REACT_INPUT_TYPES =
  'var s={color:!0,date:!0,datetime:!0,"datetime-local":!0,email:!0,month:!0,number:!0,password:!0,range:!0,search:!0,tel:!0,text:!0};';

describe('validate: possible secrets, as Zendesk looks for them', () => {
  it('warns about a secret keyword in a script and names the place, never the value', () => {
    const problems = withFile('assets/app.js', 'let a = 1;\nconst auth_key = "s3cr3t-value-123";');
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        source: 'ZAS secrets.rb',
        message: expect.stringMatching(/keyword "auth_key" matches once.*at 2:7/),
      }),
    );
    expect(problems.map((p) => formatProblem(p, 'dist')).join('\n')).not.toContain('s3cr3t');
    expect(problems.every((p) => p.expected === undefined)).toBe(true);
  });

  it('warns about the named patterns Zendesk knows, such as a GitHub token', () => {
    const token = ['ghp', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('_');
    const problems = withFile('assets/config.json', JSON.stringify({ github: token }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/pattern "Github Token"/),
      }),
    );
  });

  it('reads the files Zendesk reads (HTML, XML, JS, JSON) and not stylesheets', () => {
    const text = 'password: hunter2hunter2';
    expect(withFile('assets/notes.js', `// ${text}`)).not.toEqual([]);
    expect(withFile('assets/site.css', `/* ${text} */`)).toEqual([]);
  });

  it('keeps certain key material an error, whatever the file', () => {
    const block = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');
    expect(errorsOf(withFile('assets/site.css', `/* ${block} */`))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/private key block/) }),
    ]);
  });

  it("explains React DOM's input-type table, and only that occurrence", () => {
    const explained = withFile('assets/index.js', REACT_INPUT_TYPES);
    expect(explained).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: expect.stringMatching(/keyword "password"/),
          expected: expect.stringMatching(/React DOM's table of text-like <input> types/),
        }),
      ]),
    );
    expect(explained.every((p) => p.expected !== undefined)).toBe(true);

    const mixed = withFile(
      'assets/index.js',
      `${REACT_INPUT_TYPES}\nvar password = "hunter2hunter2";`,
    );
    const keyword = mixed.find((p) => /keyword "password"/.test(p.message))!;
    expect(keyword.expected).toBeUndefined();
    expect(keyword.message).toMatch(/matches 2 times; not an expected use at 2:5/);
  });

  it("explains Zendesk's api_key webhook authentication type and the app's secure setting name", () => {
    const setup = withFile(
      'assets/setup.js',
      'const auth={authentication:{type:`api_key`,add_position:`header`}};',
    );
    expect(setup).toEqual([
      expect.objectContaining({ expected: expect.stringMatching(/webhook authentication type/) }),
    ]);
    const manifest = inFile(validate(repoEntries()), 'manifest.json');
    expect(manifest).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/keyword "api_key"/),
        expected: expect.stringMatching(/secure setting klaviyo_api_key/),
      }),
    ]);
  });

  it('finds nothing unexplained in the repository app: no finding comes from our own wording', () => {
    const problems = validate(repoEntries());
    const unexplained = problems.filter((p) => p.severity === 'warning' && !p.expected);
    expect(unexplained.map((p) => formatProblem(p, 'dist'))).toEqual([]);
  });

  it('flags a translator note that says "password", which is our wording and not expected', () => {
    const entries = withJson(repoEntries(), 'translations/en.json', (t) => {
      (t.ui as Record<string, unknown>).probe = {
        title: 'Label of the password field',
        value: 'Key',
      };
    });
    const problems = inFile(validate(entries), 'translations/en.json');
    const keyword = problems.find((p) => /keyword "password"/.test(p.message));
    expect(keyword).toBeDefined();
    expect(keyword!.expected).toBeUndefined();
  });
});

describe('validate: insecure http: URLs, as Zendesk looks for them', () => {
  it('warns about an http:// request in a script', () => {
    expect(withFile('assets/api.js', 'fetch("http://api.example.com/v1")')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        source: 'ZAS requests.rb',
        message: expect.stringMatching(/insecure request to http:\/\/api\.example\.com\/v1/),
      }),
    ]);
  });

  it('explains namespace names and the prop-types documentation link, each by its own reason', () => {
    const problems = withFile(
      'assets/vendor.js',
      'e.createElementNS("http://www.w3.org/2000/svg","svg");throw Error("Use PropTypes.checkPropTypes() to call them. Read more at http://fb.me/use-check-prop-types")',
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        expected: expect.stringMatching(/XML namespace name.*; a link inside the error message/),
      }),
    ]);
  });

  it('does not explain the same link written anywhere else', () => {
    const problems = withFile('assets/vendor.js', 'open("http://fb.me/use-check-prop-types")');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.expected).toBeUndefined();
  });

  it('refuses an http:// URL in HTML we author', () => {
    expect(errorsOf(withFile('assets/page.html', '<a href="http://example.com">x</a>'))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/http:\/\/example\.com.*https/) }),
    ]);
  });
});

describe('validate: unsupported file types, by name and by content', () => {
  it('refuses a file by its extension', () => {
    expect(errorsOf(withFile('assets/archive.7z', 'x'))).toEqual([
      expect.objectContaining({ source: 'ZAS mime.rb', message: expect.stringMatching(/\.7z/) }),
    ]);
  });

  it('refuses a renamed PDF or zip by what its content is', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n...');
    expect(errorsOf(withFile('assets/logo-extra.png', pdf))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/content is pdf/) }),
    ]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(errorsOf(withFile('assets/chunk.js', zip))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/content is zip.*release\//) }),
    ]);
  });
});

describe('validate: secure-setting scopes, as Zendesk checks them', () => {
  type Parameter = Record<string, unknown>;
  const edit = (change: (parameters: Parameter[]) => void) =>
    validate(withJson(repoEntries(), 'manifest.json', (m) => change(m.parameters as Parameter[])));
  const secure = (parameters: Parameter[]) => parameters.find((p) => p.secure === true)!;
  const plain = (parameters: Parameter[]) => parameters.find((p) => p.secure !== true)!;

  it('refuses scopes on a parameter that is not secure', () => {
    const problems = edit((ps) => (plain(ps).scopes = ['header']));
    expect(errorsOf(problems)).toEqual([
      expect.objectContaining({
        source: 'ZAS manifest.rb',
        message: expect.stringMatching(/need "secure": true/),
      }),
    ]);
  });

  it('refuses an empty scopes list', () => {
    expect(errorsOf(edit((ps) => (secure(ps).scopes = [])))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/cannot be empty/) }),
    ]);
  });

  it('names a scope Zendesk accepts but the local workspace does not emulate as a project rule', () => {
    expect(errorsOf(edit((ps) => (secure(ps).scopes = ['jwt_claim'])))).toEqual([
      expect.objectContaining({
        source: 'project rule',
        message: expect.stringMatching(/"jwt_claim" is a Zendesk scope.*does not emulate/),
      }),
    ]);
  });
});

describe('validate: locale names, as Zendesk reads them', () => {
  it('accepts a three-letter language such as Filipino and refuses a made-up name', () => {
    const fil = JSON.stringify({ app: { name: 'Klaviyo para sa Zendesk' } });
    expect(errorsOf(withFile('translations/fil.json', fil))).toEqual([]);
    expect(errorsOf(withFile('translations/filipino.json', fil))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/locale/) }),
    ]);
  });
});

describe('validate: output', () => {
  const app = (entries: Entries) => appFolderFrom(entries);

  it('prints the reason for an expected warning on a second, indented line', () => {
    const [problem] = withFile('assets/index.js', REACT_INPUT_TYPES);
    const [first, second, ...rest] = formatProblem(problem!, 'dist').split('\n');
    expect(first).toMatch(/^warning dist\/assets\/index\.js: possible secret/);
    expect(second).toMatch(/^ {8}expected: React DOM/);
    expect(rest).toEqual([]);
  });

  it('counts the expected warnings in the summary and points to docs/validation.md', () => {
    const input = { app: app({ ...repoEntries(), 'assets/index.js': REACT_INPUT_TYPES }) };
    const problems = validateApp(input);
    const expected = problems.filter((p) => p.expected).length;
    expect(expected).toBeGreaterThan(0);
    expect(summarise(input, problems, 'dist')).toMatch(
      new RegExp(
        `OK: .* ${problems.length} warnings \\(${expected} expected, see docs/validation\\.md\\)$`,
      ),
    );
  });
});
