import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'HtmlService',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'Session',
  'Utilities',
  'Logger',
  'Charts',
  'UrlFetchApp',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.playground/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Type-aware rules: every TypeScript file is checked with the program of the tsconfig that
    // type-checks it (a list, not projectService: local/ and test/ have no tsconfig.json of their
    // own, and the sidebar and playground pages need their DOM tsconfigs).
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.json',
          './tsconfig.node.json',
          './src/sidebar/tsconfig.json',
          './local/playground/page/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A switch over a union lists every member unless a default says what the rest do.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: true },
      ],
      // Cell values and script arguments arrive as unknown; once null is ruled out they are `{}`,
      // and String() is how Apps Script itself turns them into text. Our own types stay checked.
      '@typescript-eslint/no-base-to-string': [
        'error',
        { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', '{}'] },
      ],
    },
  },
  {
    // Preact event handlers may be async: each one catches its own errors, and the DOM ignores
    // what a handler returns.
    files: ['**/*.tsx'],
    rules: {
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests: vitest types its asymmetric matchers (expect.any, expect.stringContaining) and
    // JSON.parse as any, so the no-unsafe-* rules would flag every such expectation.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // No import circles anywhere: shared helpers live in leaf modules. Type-only imports are
    // erased by the build, so only imports that exist at run time can close a circle.
    plugins: { 'import-x': importX, 'simple-import-sort': simpleImportSort },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
    rules: {
      // Our own files only: walking node_modules' type declarations would triple lint's time.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    // Build scripts run on Node, outside every tsconfig.
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    // The core decides; it must not touch Apps Script.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals],
      'no-restricted-imports': [
        'error',
        { patterns: ['../server/*', '../sidebar/*', '**/local/**', '**/test/**'] },
      ],
    },
  },
  {
    // Values reach cells only through sheets.ts's writeCells, which keeps user text literal.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/sheets.ts', 'src/server/deal-block.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > MemberExpression.callee[property.name=/^(setValues?|appendRow)$/]',
          message:
            'Write cells with writeCells (src/server/sheets.ts): it keeps user text from becoming a formula.',
        },
      ],
    },
  },
  {
    // The sidebar runs in a browser: it reaches Apps Script only through google.script.run.
    files: ['src/sidebar/**'],
    rules: { 'no-restricted-globals': ['error', ...appsScriptGlobals] },
  },
  {
    // Product code never imports the emulator or test helpers.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/local/**', '**/test/**'] }],
    },
  },
);
