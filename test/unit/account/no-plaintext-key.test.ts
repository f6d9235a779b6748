import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAccountFeature } from '../../../src-main/account/create-account'
import { AppError } from '../../../src-main/core/app-error'
import { createFileLogger } from '../../../src-main/core/logger'
import { createRouter } from '../../../src-main/ipc/router'
import { confOpener } from '../../../src-main/settings/conf-opener'
import { fakeKrev, fakeSecrets, recordingBus, tempDir } from './fakes'
import { withUnusedHandlers } from '../../support/handlers'

// Recognisable, so any copy of it anywhere is found.
const KEY = 'sk_live_PLAINTEXTCANARY_8c1f3e9a77d2'
const CANARY = 'PLAINTEXTCANARY'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

let tmp: ReturnType<typeof tempDir>
const captured: string[] = []
beforeEach(() => {
  tmp = tempDir('krev-noplain-')
  captured.length = 0
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' ')))
  }
  const write = process.stderr.write.bind(process.stderr)
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    captured.push(String(chunk))
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
  }) as typeof process.stderr.write)
})
afterEach(() => {
  vi.restoreAllMocks()
  tmp.cleanup()
})

describe('the API key is never written in plaintext', () => {
  it.each(['unavailable', 'available'] as const)(
    'full session with keychain %s: no file in the data dir, log, event or reply holds the key',
    async (mode) => {
      const dataDir = tmp.dir
      const logger = createFileLogger(join(dataDir, 'logs'), { mirror: true })
      const krev = fakeKrev()
      krev.validKeys.add(KEY)
      const { bus, events } = recordingBus()
      const feature = await createAccountFeature({
        opener: confOpener(dataDir),
        secrets: fakeSecrets(null, mode),
        bus,
        ensureSandbox: async () => ({ baseUrl: 'http://127.0.0.1:45123', key: 'sk_live_sandboxKey_000000000000' }),
        clientFactory: krev.factory,
        logger
      })
      const router = createRouter(withUnusedHandlers(feature.handlers), { onInternalError: (n, e) => logger.error('command failed', { n, e }) })
      const replies: unknown[] = []
      const run = async (name: string, input: unknown = {}) => {
        const r = await router.dispatch(name, input, { transport: 'test' })
        replies.push(r)
        return r
      }

      await run('account.saveKey', { key: `sk_live_${CANARY}_typo!` }) // bad format
      await run('account.saveKey', { key: KEY })
      await run('account.credits', { refresh: true })
      await run('settings.update', { patch: { theme: 'dark', lowCreditThreshold: 50 } })
      await run('settings.update', { patch: { apiBaseUrl: 'http://evil.example' } })
      krev.failWith = new AppError('network', 'Could not reach Krev.')
      await run('account.credits', { refresh: true })
      krev.failWith = null
      await run('conversions.send', {
        events: [{ event_name: 'Lead', event_time: 1, action_source: 'website', user_data: { email: 'x@y.z' } }]
      })
      await run('account.useSandbox')
      await run('account.useKrev')
      await run('account.removeKey')
      feature.dispose()
      await logger.flush()

      // Sanity: the session really happened and left files behind.
      const files = filesUnder(dataDir)
      expect(files.map((f) => f.slice(dataDir.length + 1)).sort()).toEqual(
        expect.arrayContaining(['app-state.json', 'logs/studio.log', 'settings.json'])
      )
      expect(readFileSync(join(dataDir, 'logs', 'studio.log'), 'utf8')).toMatch(/API key saved/)
      for (const file of files) {
        const content = readFileSync(file).toString('latin1')
        expect(content.includes(CANARY), `${file} holds the key`).toBe(false)
      }
      expect(captured.join('\n')).not.toContain(CANARY)
      expect(JSON.stringify(events)).not.toContain(CANARY)
      expect(JSON.stringify(replies)).not.toContain(CANARY)
    }
  )
})
