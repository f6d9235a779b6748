import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../../src-main/core/app-error'
import type { KrevClient, KrevClientOptions, KrevCredits, ConversionResult } from '../../../src-main/krev/types'
import type { KeychainState, SecretResult, SecretStore } from '../../../src-main/account/secret-store'
import { EventBus } from '../../../src-main/ipc/event-bus'
import type { EventName } from '../../../src-preload/contract'

export const FAKE_KEY = 'sk_live_FAKEkeyForTests_0123456789abcd'
export const OTHER_KEY = 'sk_live_OtherFakeKey_zyxwvutsrq9876'

export function tempDir(prefix = 'krev-account-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export const sampleCredits = (current = 1840): KrevCredits => ({
  plan: 'pro',
  plan_name: 'Pro',
  credits: { current, limit: 2500, current_formatted: String(current), limit_formatted: '2,500' },
  storage: { used_bytes: 524288000, limit_bytes: 2147483648, used_formatted: '500 MB', limit_formatted: '2 GB' },
  resets_at: '2026-03-01T00:00:00Z'
})

const notUsed = (name: string) => () => {
  throw new Error(`fake client: ${name} not used in these tests`)
}

/** A KrevClient whose credits and conversions answers are scripted per key. */
export interface FakeKrev {
  factory: (opts: KrevClientOptions) => KrevClient
  built: KrevClientOptions[]
  calls: { op: string; key: string | null; baseUrl: string; body?: unknown }[]
  /** Keys Krev accepts (others get 401). */
  validKeys: Set<string>
  creditsAnswer: () => KrevCredits
  /** Set to make the next calls fail with this error. */
  failWith: AppError | null
  conversionAnswer: (event: Record<string, unknown>, index: number) => ConversionResult
}

export function fakeKrev(): FakeKrev {
  const fake: FakeKrev = {
    built: [],
    calls: [],
    validKeys: new Set([FAKE_KEY, OTHER_KEY, 'sk_live_sandboxKey_000000000000']),
    creditsAnswer: () => sampleCredits(),
    failWith: null,
    conversionAnswer: () => ({ status: 'sent', events_received: 1 }),
    factory(opts) {
      fake.built.push(opts)
      const baseUrl = opts.baseUrl ?? 'https://app.krev.ai'
      let conversions = 0
      const authed = async (op: string, body?: unknown): Promise<void> => {
        const supplied = (await opts.getKey()) ?? null
        const key = typeof supplied === 'string' ? supplied : (supplied?.key ?? null)
        fake.calls.push({ op, key, baseUrl, ...(body === undefined ? {} : { body }) })
        if (fake.failWith) throw fake.failWith
        if (!key || !fake.validKeys.has(key)) throw new AppError('unauthorized', 'Krev refused your API key.', { status: 401 })
      }
      return {
        baseUrl,
        async credits() {
          await authed('credits')
          return fake.creditsAnswer()
        },
        async sendConversion(event) {
          await authed('conversion', event)
          return fake.conversionAnswer(event, conversions++)
        },
        listProducts: notUsed('listProducts'),
        getProduct: notUsed('getProduct'),
        createProduct: notUsed('createProduct'),
        generateImages: notUsed('generateImages'),
        generateVideo: notUsed('generateVideo'),
        generateAd: notUsed('generateAd'),
        getGeneration: notUsed('getGeneration'),
        startChat: notUsed('startChat'),
        getChatRun: notUsed('getChatRun'),
        getConversation: notUsed('getConversation'),
        downloadMedia: notUsed('downloadMedia'),
        downloadMediaFile: notUsed('downloadMediaFile')
      } as KrevClient
    }
  }
  return fake
}

/** An in-memory SecretStore whose keychain state can be switched by the test. */
export interface FakeSecrets extends SecretStore {
  value: string | null
  mode: KeychainState
  ops: string[]
}

export function fakeSecrets(initial: string | null = null, mode: KeychainState = 'available'): FakeSecrets {
  const messages: Record<Exclude<KeychainState, 'available'>, string> = {
    locked: 'Your keychain is locked.',
    unavailable: 'No keychain service is running. On Linux install and unlock gnome-keyring or KWallet.',
    error: 'The keychain reported an error.'
  }
  const s: FakeSecrets = {
    value: initial,
    mode,
    ops: [],
    async get() {
      s.ops.push('get')
      return answer(() => s.value)
    },
    async set(secret) {
      s.ops.push('set')
      return answer(() => {
        s.value = secret
      })
    },
    async delete() {
      s.ops.push('delete')
      return answer(() => {
        const had = s.value !== null
        s.value = null
        return had
      })
    },
    health: () => (s.mode === 'available' ? { state: 'available' } : { state: s.mode, message: messages[s.mode] })
  }
  function answer<T>(op: () => T): SecretResult<T> {
    if (s.mode === 'available') return { ok: true, value: op() }
    return { ok: false, state: s.mode, message: messages[s.mode] }
  }
  return s
}

/** An EventBus that records what was emitted (and fails the test on an invalid payload). */
export function recordingBus(): { bus: EventBus; events: { name: EventName; payload: unknown }[]; invalid: string[] } {
  const invalid: string[] = []
  const bus = new EventBus((name, issue) => invalid.push(`${name}: ${issue}`))
  const events: { name: EventName; payload: unknown }[] = []
  bus.subscribe((name, payload) => events.push({ name, payload }))
  return { bus, events, invalid }
}

export const namesOf = (events: { name: string }[]): string[] => events.map((e) => e.name)
