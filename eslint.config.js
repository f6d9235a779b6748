import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

// `electron` may be imported only where Electron is the point: the entry, its window
// and transport modules, the preload and the adapters. Services stay testable in Node.
const ELECTRON_ALLOWED = [
  'src-main/index.ts',
  'src-main/window/**',
  'src-main/desktop/**',
  'src-main/adapters/**',
  'src-main/ipc/electron-transport.ts',
  'src-preload/index.ts',
  'test/e2e/electron/**'
]

const NO_ELECTRON = { name: 'electron', message: 'Only the Electron entry, window, transport, preload and adapters may import electron.' }
const NO_ELECTRON_SUB = { group: ['electron/*'], message: 'Only Electron modules may import electron.' }
const NO_BRIDGE = { group: ['**/bridge/**', '../bridge/*', './bridge/*'], message: 'The test bridge must never be reachable from the Electron entry.' }

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [NO_ELECTRON], patterns: [NO_ELECTRON_SUB] }
      ]
    }
  },
  { files: ELECTRON_ALLOWED, rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.krev.' }],
          patterns: [
            { group: ['**/src-main/**'], message: 'The renderer must not bundle main-process code.' },
            { group: ['node:*'], message: 'The renderer has no Node.js.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src-main/bridge/bridge-shim.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } }
  },
  {
    // The Electron side may import electron but never the test bridge.
    files: ['src-main/index.ts', 'src-main/window/**', 'src-main/desktop/**', 'src-main/ipc/electron-transport.ts', 'src-main/adapters/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_BRIDGE] }] }
  },
  {
    // Services reachable from the entry may import neither.
    files: ['src-main/ipc/**', 'src-main/studio/**'],
    ignores: ['src-main/ipc/electron-transport.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: [NO_ELECTRON_SUB, NO_BRIDGE] }] }
  }
)
