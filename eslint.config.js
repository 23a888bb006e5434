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
 * - only electron/app/ may import 'electron' (services, handlers, browser mode and the CLI run in plain Node);
 * - electron/services/ imports neither the IPC server (electron/ipc/), the CLI nor browser mode: those are built on
 *   the services, and a service tells them things through the callbacks (ports) it is given.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This side runs without Node: no Node built-ins here.' })) };
const electronOnlyInShell = { name: 'electron', message: "Only electron/app/ may import 'electron'." };
const noEmulators = { group: ['**/emulators/**'], message: 'Product code never imports the local cloud; tests and scripts start it.' };
const servicesMessage = 'Services sit below the IPC server, the CLI and browser mode: take a callback (a port) instead of importing them.';
/** From electron/services/**, any relative climb that lands on electron/ipc, electron/cli or electron/browser-mode. */
const noLayersAboveServices = [
  { regex: '^(\\.\\./)+(ipc|cli|browser-mode)(/|$)', message: servicesMessage },
  { regex: '(^|/)electron/(ipc|cli|browser-mode)(/|$)', message: servicesMessage },
];

export default tseslint.config(
  { ignores: ['.emulators/**', 'out/**', 'dist/**', 'release/**', 'node_modules/**', '.tools/**', '.home/**', 'test-results/**', 'playwright-report/**'] },
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
    // Product code never depends on the local cloud; only tests and scripts start it.
    files: ['electron/**'],
    ignores: ['electron/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [noEmulators] }] },
  },
  {
    files: ['electron/services/**'],
    ignores: ['electron/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [noEmulators, ...noLayersAboveServices] }] },
  },
  {
    files: ['electron/app/**'],
    ignores: ['electron/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEmulators] }] },
  },
  {
    // The emulators stand for Microsoft's services: they know nothing of the app they are proving.
    files: ['emulators/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell], patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/shared/**'], message: 'The emulators are independent of the app they test.' }] },
      ],
    },
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
