// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint, including the architecture's boundaries as rules:
 * - renderer/ imports no Node built-in, no Electron and nothing from electron/ (it talks to window.samDesk only);
 * - shared/ imports no Node built-in, no Electron, nothing from electron/ or renderer/, and no React;
 * - only electron/app/ may import 'electron' (services, handlers, browser mode and the CLI run in plain Node).
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This side runs without Node: no Node built-ins here.' })) };
const electronOnlyInShell = { name: 'electron', message: "Only electron/app/ may import 'electron'." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.tools/**', '.home/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true, ignoreVoidReturningFunctions: true }],
      // Handlers implement a Promise-returning contract; many answer synchronously and need no await.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['electron/app/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          paths: [...noNode.paths, { name: 'electron', message: 'The renderer talks to window.samDesk only.' }],
          patterns: [{ group: ['**/electron/**', '**/emulators/**'], message: 'The renderer talks to window.samDesk only.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, { name: 'electron', message: 'shared/ is pure TypeScript for both sides.' }, { name: 'react', message: 'shared/ is pure TypeScript for both sides.' }],
          patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/emulators/**'], message: 'shared/ depends on nothing but itself and pure libraries.' }],
        },
      ],
    },
  },
);
