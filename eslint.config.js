import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The house rules: pure logic never imports React, the ZAF SDK, dev/ or tests/.
    files: [
      'src/klaviyo/**',
      'src/sms/**',
      'src/metrics/**',
      'src/zendesk/**',
      'src/transport/**',
      'src/reply/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@tanstack/react-query'],
              message: 'Pure logic must not import React.',
            },
            {
              group: ['zendesk_app_framework_sdk', '**/zaf/**', '../zaf', '../zaf/*'],
              message: 'Pure logic must not import the ZAF SDK or src/zaf.',
            },
            {
              group: ['**/ui/**', '../ui', '../ui/*'],
              message: 'Pure logic must not import the UI.',
            },
            {
              group: ['**/dev/**', '**/tests/**'],
              message: 'src/ never imports from dev/ or tests/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: [
      'src/klaviyo/**',
      'src/sms/**',
      'src/metrics/**',
      'src/zendesk/**',
      'src/transport/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/dev/**', '**/tests/**'],
              message: 'src/ never imports from dev/ or tests/.',
            },
          ],
        },
      ],
    },
  },
);
