import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } }
    }
  }
})
