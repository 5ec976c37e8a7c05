import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The house rules (README "Architecture"), enforced here and proven by tests/boundaries.
 *
 * Rooms are the folders of src/. Pure rooms hold logic only: no React, no ZAF SDK, no src/zaf,
 * no src/ui. Only src/zaf talks to the ZAF SDK. A room may import another room only along an
 * arrow listed in ARROWS; every other arrow is refused. src/ never imports dev/, tests/ or
 * scripts/. No import cycles anywhere.
 */
const PURE_ROOMS = [
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
const ROOMS = [...PURE_ROOMS, 'zaf', 'ui'];

/** room → the rooms it may import (besides itself), as the plan's house rules draw them. */
const ARROWS = {
  app: ['ui', 'zaf'],
  ui: ['zaf', 'reply', 'klaviyo', 'sms', 'metrics', 'inbound', 'provision', 'i18n'],
  reply: ['provision', 'zendesk', 'klaviyo', 'sms'],
  metrics: ['provision', 'zendesk', 'klaviyo', 'sms'],
  inbound: ['provision', 'zendesk', 'klaviyo', 'sms'],
  klaviyo: ['transport'],
  zendesk: ['transport'],
  zaf: ['transport'],
};

/*
 * Arrows beyond the plan's drawing that the code needs: types passed through (Transport, Klaviyo's
 * model read by sms), the note rendered with translations, the composition of the Klaviyo client
 * over the ZAF transport, zaf reading the profile-id user field's key from src/zendesk. Kept apart
 * so each can be dropped, with the code that needs it, in one line. The one phone-number rule
 * lives in src/klaviyo/phone.ts and is reached through the klaviyo arrow.
 */
const ARROWS_BEYOND_PLAN = {
  app: ['i18n'],
  ui: ['zendesk', 'transport'],
  reply: ['i18n', 'transport'],
  metrics: ['transport'],
  inbound: ['i18n', 'transport'],
  provision: ['transport'],
  sms: ['klaviyo'],
  zaf: ['klaviyo', 'zendesk'],
  i18n: ['translations'],
};

/** Code outside src/ that may import any of src/, through its rooms' doors (tests reach inside). */
const OUTSIDE = ['dev', 'scripts'];

/** A room with an index.ts is entered only through it; a room without one anywhere. */
const barrelRooms = (root) =>
  ROOMS.filter((room) => existsSync(join(root, 'src', room, 'index.ts')));

const REACT = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'styled-components',
  '@zendeskgarden/*',
];
const ZAF_SDK = 'zendesk_app_framework_sdk';

// import-x reads .ts/.tsx with the TypeScript parser; resolution is the TypeScript resolver below.
const importXParsing = Object.fromEntries(
  Object.entries(importX.flatConfigs.typescript.settings).filter(
    ([key]) => key !== 'import-x/resolver',
  ),
);

const element = (type) => ({ element: { type } });

const arrowPolicies = [...ROOMS, 'app'].flatMap((from) => {
  const to = [...(ARROWS[from] ?? []), ...(ARROWS_BEYOND_PLAN[from] ?? [])];
  return to.length ? [{ from: element(from), allow: { to: { element: { type: to } } } }] : [];
});

/**
 * The house rules as flat-config objects for the project rooted at `root` (the folder holding
 * src/): eslint.config.js uses them for this repository, tests/boundaries for probe trees.
 */
export function houseRules(root) {
  const BARREL_ROOMS = barrelRooms(root);
  return [
    {
      files: ['**/*.{ts,tsx}'],
      plugins: { 'import-x': importX },
      settings: {
        ...importXParsing,
        'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
      },
      rules: {
        // Type-only imports are not edges here (they vanish at build time); a runtime cycle is.
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
      },
    },
    {
      files: ['src/**/*.{ts,tsx}', ...OUTSIDE.map((area) => `${area}/**/*.ts`)],
      plugins: { boundaries },
      settings: {
        'boundaries/root-path': root,
        'import/resolver': { typescript: { alwaysTryTypes: true } },
        'boundaries/elements': [
          ...ROOMS.map((room) => ({ type: room, pattern: `src/${room}`, partialMatch: false })),
          { type: 'app', pattern: 'src', partialMatch: false },
          ...['translations', 'tests', ...OUTSIDE].map((area) => ({
            type: area,
            pattern: area,
            partialMatch: false,
          })),
        ],
      },
      rules: {
        'boundaries/dependencies': [
          'error',
          {
            default: 'disallow',
            checkAllOrigins: true,
            checkUnknownLocals: true,
            // Later policies win over earlier ones.
            policies: [
              { from: element('*'), allow: { to: { module: { origin: ['external', 'core'] } } } },
              ...arrowPolicies,
              { from: element(OUTSIDE), allow: { to: { module: { origin: 'local' } } } },
              {
                from: element(PURE_ROOMS),
                disallow: [
                  { to: { module: { source: [...REACT, ZAF_SDK] } } },
                  { to: element(['zaf', 'ui']) },
                ],
                message:
                  'A pure room ({{ from.element.type }}) imports neither React, the ZAF SDK, src/zaf nor src/ui.',
              },
              {
                from: element(['ui', 'app']),
                disallow: { to: { module: { source: ZAF_SDK } } },
                message: 'Only src/zaf imports the ZAF SDK.',
              },
              {
                from: element([...ROOMS, 'app']),
                disallow: { to: { module: { origin: 'core' } } },
                message: 'src/ runs in the agent browser: no Node built-ins.',
              },
              {
                from: element([...ROOMS, 'app']),
                disallow: { to: element(['tests', ...OUTSIDE]) },
                message: 'src/ never imports dev/, tests/ or scripts/.',
              },
              ...BARREL_ROOMS.map((room) => ({
                from: element('*'),
                disallow: { to: { element: { type: room, fileInternalPath: '!index.ts' } } },
                message: `Import src/${room} through its index.ts, not {{ to.element.fileInternalPath }}.`,
              })),
            ],
          },
        ],
      },
    },
  ];
}
