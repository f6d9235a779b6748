// npm run preview:web -- --port P [--data DIR]
// The studio in any browser, without Electron's binary: builds the renderer when it is
// missing, starts main's services and the loopback bridge, prints the URL to open.
import { existsSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { startHeadlessStudio } from '../src-main/bridge/headless-studio'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, data: { type: 'string' }, rebuild: { type: 'boolean', default: false } }
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535 (got "${values.port}")`)
  process.exit(2)
}

const rendererDir = resolve('out/renderer')
if (values.rebuild || !existsSync(resolve(rendererDir, 'index.html'))) {
  console.log('Building the renderer (electron-vite build)…')
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }
const studio = await startHeadlessStudio({ port, dataDir: values.data, rendererDir, version: pkg.version })
console.log(`Krev Studio (headless) is running. Data: ${studio.dataDir}`)
console.log(`Open: ${studio.url}`)
// A line for tests and scripts to parse.
console.log(`KREV_PREVIEW_URL=${studio.url}`)

let closing = false
const shutdown = () => {
  if (closing) return
  closing = true
  void studio.close().finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
