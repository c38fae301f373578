// Lint rules, including the layer rule: the core, shared code and the reference server never import
// Electron, and the renderer imports neither Node nor Electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import Electron; the core must run in plain Node.',
};

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream',
  'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'tests/fixtures/lint/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/core/**', 'shared/**', 'central/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport], patterns: [{ group: ['electron/*'], message: electronImport.message }] }],
    },
  },
  {
    // no-restricted-imports sees static imports only; these selectors catch import('electron') and require('electron').
    files: ['electron/core/**', 'electron/cli/**', 'shared/**', 'central/**', 'renderer/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.value='electron']", message: electronImport.message },
        { selector: "CallExpression[callee.name='require'][arguments.0.value='electron']", message: electronImport.message },
      ],
    },
  },
  {
    // Every IPC handler goes through registerIpcHandlers, which checks the sender frame and validates
    // the input; a handler registered directly on ipcMain would skip both.
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener'].map((property) => ({
          object: 'ipcMain',
          property,
          message: 'Register IPC handlers only through registerIpcHandlers in electron/main/ipc.ts, which checks the sender and the input.',
        })),
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            { group: ['node:*', ...nodeBuiltins], message: 'shared/ runs on both sides: no Node built-ins.' },
            { group: ['**/electron/**', '**/renderer/**', '**/central/**'], message: 'shared/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['central/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'central/ imports only shared/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: talk to the core through window.companion.' }))],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: talk to the core through window.companion.' },
            { group: ['**/electron/**', '**/central/**'], message: 'The renderer imports only shared/ and its own files.' },
          ],
        },
      ],
    },
  },
);
