import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * `electron-vite dev` only: React's refresh preamble is an inline script and HMR talks
 * over a websocket, both of which the production CSP rightly forbids. The built app
 * (`electron-vite build`) keeps the strict policy untouched (test/unit/bundle.test.ts).
 */
function devCsp(): Plugin {
  return {
    name: 'krev-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*")
  }
}

// Three bundles. The test bridge (src-main/bridge) is never reachable from the
// Electron entry, so it cannot end up in out/main; test/unit/bundle.test.ts proves it.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve('src-main/index.ts') } }
    }
  },
  preload: {
    // A sandboxed preload must be a single CommonJS file: no node_modules at run time.
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
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } }
    }
  }
})
