/**
 * The house rules hold because lint refuses what they forbid: each probe below imports across one
 * arrow from a file inside a room, and must be refused or accepted exactly as the rules say.
 */
import {
  createProbeTree,
  doorOf,
  probePath,
  ROOMS,
  type Area,
  type Finding,
  type ProbeTree,
} from './probe-tree';

jest.setTimeout(120_000);

/** The arrows, written out here as the specification lint is held to (not read from the config). */
const MAY_IMPORT: Record<Area, Area[]> = {
  app: ['ui', 'zaf', 'i18n'],
  ui: [
    'zaf',
    'reply',
    'klaviyo',
    'sms',
    'metrics',
    'inbound',
    'provision',
    'i18n',
    'zendesk',
    'transport',
  ],
  reply: ['provision', 'zendesk', 'klaviyo', 'sms', 'i18n', 'transport'],
  metrics: ['provision', 'zendesk', 'klaviyo', 'sms', 'transport'],
  inbound: ['provision', 'zendesk', 'klaviyo', 'sms', 'i18n', 'transport'],
  klaviyo: ['transport'],
  zendesk: ['transport'],
  zaf: ['transport', 'klaviyo', 'zendesk'],
  sms: ['klaviyo'],
  provision: ['transport'],
  transport: [],
  i18n: [],
};

const AREAS: Area[] = [...ROOMS, 'app'];
const PURE: Area[] = [
  'klaviyo',
  'sms',
  'metrics',
  'reply',
  'zendesk',
  'transport',
  'i18n',
  'inbound',
  'provision',
];
const REACT_PACKAGES = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@tanstack/react-query',
  'styled-components',
  '@zendeskgarden/react-buttons',
];
const SDK = 'zendesk_app_framework_sdk';

const importing = (source: string) => `import * as probe from '${source}';\nexport { probe };\n`;
const boundaryErrors = (findings: Finding[]) =>
  findings.filter((f) => f.rule === 'boundaries/dependencies');

let tree: ProbeTree;
beforeAll(async () => {
  tree = await createProbeTree();
});
afterAll(() => tree?.remove());

async function refusedTargets(from: Area): Promise<Area[]> {
  const refused: Area[] = [];
  for (const to of AREAS) {
    if (to === from) continue;
    const findings = await tree.lint(probePath(from), importing(doorOf(from, to)));
    if (boundaryErrors(findings).length) refused.push(to);
  }
  return refused;
}

describe('room to room', () => {
  it.each(AREAS)('%s imports exactly the rooms its arrows allow', async (from) => {
    const expected = AREAS.filter((to) => to !== from && !MAY_IMPORT[from].includes(to));
    expect(await refusedTargets(from)).toEqual(expected);
  });
});

describe('React and the ZAF SDK', () => {
  it.each(PURE)(
    'the pure room %s refuses React, Garden, styled-components and the SDK',
    async (room) => {
      for (const pkg of [...REACT_PACKAGES, SDK]) {
        const findings = boundaryErrors(await tree.lint(probePath(room), importing(pkg)));
        expect({ pkg, refused: findings.length > 0 }).toEqual({ pkg, refused: true });
      }
    },
  );

  it.each(PURE)('the pure room %s still imports an ordinary package', async (room) => {
    expect(
      boundaryErrors(await tree.lint(probePath(room), importing('libphonenumber-js'))),
    ).toEqual([]);
  });

  it('only src/zaf imports the ZAF SDK', async () => {
    const refusedBy: Area[] = [];
    for (const area of AREAS) {
      if (boundaryErrors(await tree.lint(probePath(area), importing(SDK))).length) {
        refusedBy.push(area);
      }
    }
    expect(refusedBy).toEqual(AREAS.filter((a) => a !== 'zaf'));
  });

  it('src/ui and src/zaf may use React', async () => {
    for (const area of ['ui', 'zaf', 'app'] as const) {
      expect(boundaryErrors(await tree.lint(probePath(area), importing('react')))).toEqual([]);
    }
  });

  it('a pure room says why it refused React', async () => {
    const [finding] = boundaryErrors(await tree.lint('src/reply/probe.ts', importing('react')));
    expect(finding?.message).toMatch(/pure room \(reply\).*React/);
  });
});

describe('src/ and the code around it', () => {
  it.each(['dev', 'tests', 'scripts'])('nothing in src/ imports %s/', async (area) => {
    for (const from of AREAS) {
      const source = from === 'app' ? `../${area}/target` : `../../${area}/target`;
      expect(boundaryErrors(await tree.lint(probePath(from), importing(source)))).not.toEqual([]);
    }
  });

  it('src/ does not import Node built-ins (it runs in the agent browser)', async () => {
    const findings = boundaryErrors(await tree.lint('src/sms/probe.ts', importing('node:fs')));
    expect(findings).not.toEqual([]);
  });

  it('dev/ and scripts/ may import any room through its door', async () => {
    for (const area of ['dev', 'scripts']) {
      for (const room of ROOMS) {
        const findings = await tree.lint(
          `${area}/probe.ts`,
          importing(doorOf('ui', room).replace('../', '../src/')),
        );
        expect({ room, errors: boundaryErrors(findings) }).toEqual({ room, errors: [] });
      }
    }
  });
});

describe('a room with index.ts is entered only through it', () => {
  it('a deep import of a barrel room is refused from another room, dev/ and scripts/', async () => {
    for (const file of ['src/ui/probe.ts', 'dev/probe.ts', 'scripts/probe.ts']) {
      const source = file.startsWith('src/') ? '../klaviyo/target' : '../src/klaviyo/target';
      const [finding] = boundaryErrors(await tree.lint(file, importing(source)));
      expect(finding?.message).toMatch(/through its index\.ts, not target\.ts/);
    }
  });

  it('the barrel itself is accepted', async () => {
    expect(boundaryErrors(await tree.lint('src/ui/probe.ts', importing('../klaviyo')))).toEqual([]);
  });

  it('inside the room its own files import each other directly', async () => {
    expect(boundaryErrors(await tree.lint('src/klaviyo/probe.ts', importing('./target')))).toEqual(
      [],
    );
  });

  it('a room without index.ts is entered at any file', async () => {
    expect(boundaryErrors(await tree.lint('src/ui/probe.ts', importing('../sms/target')))).toEqual(
      [],
    );
  });
});

describe('import cycles', () => {
  it('two modules importing each other are refused', async () => {
    tree.write('src/sms/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    tree.write('src/sms/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    const cycles = (await tree.lintFiles(['src/sms/a.ts'])).filter(
      (f) => f.rule === 'import-x/no-cycle',
    );
    expect(cycles).toHaveLength(1);
  });

  it('a one-way pair is accepted', async () => {
    tree.write('src/sms/c.ts', "import { d } from './d';\nexport const c = () => d;\n");
    tree.write('src/sms/d.ts', 'export const d = 1;\n');
    expect(await tree.lintFiles(['src/sms/c.ts', 'src/sms/d.ts'])).toEqual([]);
  });
});
