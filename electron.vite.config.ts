import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { commands, events } from './src-preload/contract'

/**
 * The preload's allow-list, read from the contract at build time: the preload ships the
 * names only, never zod (test/unit/bundle.test.ts checks its size and contents).
 */
function contractNames(): Plugin {
  const id = 'virtual:krev-contract-names'
  return {
    name: 'krev-contract-names',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `export default ${JSON.stringify({ commands: Object.keys(commands), events: Object.keys(events) })}`
        : null
  }
}

/**
 * `electron-vite dev` only: React's refresh preamble is an inline script, Vite injects CSS
 * as <style> tags, and HMR talks over a websocket; the production CSP rightly forbids all three. The built app
 * (`electron-vite build`) keeps the strict policy untouched (test/unit/bundle.test.ts).
 */
export function devCsp(): Plugin {
  return {
    name: 'krev-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*")
  }
}

// Three bundles. The test bridge (src-main/bridge) is never reachable from the
// Electron entry, so it cannot end up in out/main; test/unit/bundle.test.ts proves it.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // The media worker and the built-in sandbox run in their own processes.
        input: {
          index: resolve('src-main/index.ts'),
          'media-worker': resolve('src-main/media-worker/entry.ts'),
          'sandbox-worker': resolve('src-main/sandbox-worker/entry.ts')
        }
      }
    }
  },
  preload: {
    // A sandboxed preload must be a single CommonJS file: no node_modules at run time.
    plugins: [contractNames()],
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      lib: { entry: resolve('src-preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' }
    }
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), devCsp()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves bundles unminified; the renderer is parsed on every window open.
      minify: true,
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } }
    }
  }
})
