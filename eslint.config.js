import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The layer rules of docs/architecture.md, as import bans composed per folder (a later block's
// no-restricted-imports replaces an earlier one's, so each folder lists all of its own).
const storeBan = { group: ['**/store/**', '**/store/index.js'], message: 'web and cli go through services, never the store' };
const ioBan = { group: ['node:fs', 'node:fs/*', 'fs', '**/store/**', 'pg', '@electric-sql/*'], message: 'pure modules do no I/O' };
const cliErrorBan = ['../errors.js', '../../errors.js', '../../../errors.js'].map((name) => ({
  name, importNames: ['CliError', 'isCliError'], message: 'CliError belongs to src/cli: throw UserError or another error of src/errors.ts',
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'test/output/', 'src/store/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: cliErrorBan }] },
  },
  {
    files: ['src/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: cliErrorBan, patterns: [storeBan] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [storeBan] }] },
  },
  {
    files: ['src/stats/**/*.ts', 'src/domain/**/*.ts', 'src/reports/model/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: cliErrorBan, patterns: [ioBan] }] },
  },
  {
    // Small enough to read in one go: no source file over 300 lines, no function over 80.
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    // Being split on other branches; the overrides go when those land.
    files: [
      'src/ingest/text/facts.ts', // split by harden-web
      'src/web/api.ts', 'src/web/markdown.ts', 'src/web/open-data.ts', // split by restructure-web
      'src/cli/**/*.ts', // split by cli-build
      'src/store/db.ts', 'src/services/backup.ts', // split by harden-store
      'src/store/schema.ts', // 315 lines: not yet split (restructure-services ran out of time; finance adds a schema file beside it)
    ],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    // services() in services/index.ts builds every service once and hands each its dependencies.
    files: ['src/services/**/*.ts'],
    ignores: ['src/services/index.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.name=/^[a-z]\\w*Service$/]', message: 'a service receives the services it needs from services(); it never builds one' }],
    },
  },
);
