import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Unit tests run in-process; integration tests speak real HTTP to the sandbox on
// loopback, and the keychain ones to a real Secret Service when CI provides one.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node'
        }
      },
      {
        // React components in jsdom with Testing Library: focus, keyboard, names.
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/jsdom-gaps.ts']
        }
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000
        }
      },
      {
        // The production bundle (out/main, out/preload) booted under the electron double,
        // and the Electron adapters in-process: `electron` is the double here too, and
        // electron-store is inlined so its own `import electron` is aliased as well.
        resolve: { alias: { electron: resolve(import.meta.dirname, 'test/desktop/electron-double/index.ts') } },
        test: {
          name: 'desktop',
          server: { deps: { inline: ['electron-store'] } },
          include: ['test/desktop/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      }
    ]
  }
})
