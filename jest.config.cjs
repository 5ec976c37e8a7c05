/**
 * Three projects: `unit` (pure logic and components, jsdom with real fetch for MSW), `boundaries`
 * (ESLint's Node API on probe files: the house rules hold) and `e2e` (headless Chromium against the
 * local workspace, one at a time).
 */
const esmPackages = [
  'msw',
  '@mswjs',
  '@bundled-es-modules',
  'until-async',
  'outvariant',
  'strict-event-emitter',
  'headers-polyfill',
  'is-node-process',
  '@open-draft',
  'rettime',
  'liquidjs',
  'react-merge-refs',
];

const transform = {
  '^.+\\.m?[tj]sx?$': [
    'ts-jest',
    {
      diagnostics: false,
      tsconfig: {
        jsx: 'react-jsx',
        module: 'commonjs',
        moduleResolution: 'node',
        esModuleInterop: true,
        resolveJsonModule: true,
        allowJs: true,
        target: 'ES2022',
        isolatedModules: true,
      },
    },
  ],
};

const transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'jest-fixed-jsdom',
      testEnvironmentOptions: { customExportConditions: [''] },
      testMatch: [
        '<rootDir>/tests/unit/**/*.test.ts?(x)',
        '<rootDir>/tests/component/**/*.test.ts?(x)',
        '<rootDir>/tests/contract/**/*.test.ts',
      ],
      setupFilesAfterEnv: ['<rootDir>/tests/support/setup-unit.ts'],
      // The unit project's test timeout is set in setup-unit.ts: Jest reads `testTimeout` only
      // from the root config, where it would also bind the e2e project.
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'boundaries',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/boundaries/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      slowTestThreshold: 30,
    },
  ],
};
