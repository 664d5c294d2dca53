import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { boundariesPlugin } from './eslint/boundaries.js';

const browserOnly = (names, where) =>
  names.map((name) => ({ name, message: `${name} is not available here: ${where}` }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.ocm-explorer/', '.test-reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    plugins: { ocm: boundariesPlugin },
    rules: {
      'ocm/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The pure core runs unchanged in the browser, the server, the CLI and tests.
    files: ['src/{protocol,signing,contract,lib}/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...browserOnly(
          ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator'],
          'the pure core has no DOM; pass what you need as a parameter.',
        ),
        ...browserOnly(
          ['fetch', 'XMLHttpRequest', 'EventSource', 'WebSocket'],
          'the pure core does no I/O; fetch lives in src/api and server/outbound.',
        ),
        ...browserOnly(
          ['process', 'Buffer', 'require', '__dirname'],
          'the pure core is not Node-only; use Uint8Array and src/lib helpers.',
        ),
      ],
    },
  },
  {
    files: ['src/{app,ui,features,config}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...browserOnly(['fetch', 'EventSource'], 'network calls live in src/api (relay client, query options, SSE).'),
        ...browserOnly(['indexedDB', 'localStorage'], 'persistence lives in src/storage.'),
      ],
    },
  },
);
