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
  { ignores: ['dist/', 'node_modules/', '.playground/', 'coverage/'] },
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
    // Product code never imports the emulator or test helpers.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/local/**', '**/test/**'] }],
    },
  },
);
