import js from '@eslint/js';
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
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // Build scripts run on Node.
    files: ['**/*.mjs', '**/*.js'],
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
