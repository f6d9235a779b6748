// Child-process entry: boots the built out/main/index.js against the electron double
// (run as `node --import test/desktop/loader/register.mjs --import tsx boot-child.ts`),
// then emits 'ready' once the main script has run, as Electron does.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { calls, markReady, violations } from '../electron-double/record'
import { setQuitHook } from '../electron-double/app'

const MAIN = resolve(import.meta.dirname, '../../../out/main/index.js')
setQuitHook((code) => setTimeout(() => process.exit(code), 200))
await import(pathToFileURL(MAIN).href)
markReady()
setTimeout(() => {
  process.stdout.write(`KREV_DOUBLE_STATE=${JSON.stringify({ calls: calls.map((c) => `${c.ready ? 'R' : '-'} ${c.api}`), violations })}\n`)
  process.exit(0)
}, Number(process.env['KREV_DOUBLE_WAIT_MS'] ?? 3000))
