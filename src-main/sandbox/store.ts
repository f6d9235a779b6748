import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../core/atomic-file'
import { fromStoredKey, redactKeys, type StoredKey } from './keys'
import type {
  ConversationRecord,
  GenerationRecord,
  KeyRecord,
  ProductRecord,
  RunRecord,
  SandboxState,
  UserRecord
} from './types'
import { randomToken } from './util'

// writeFileAtomic's temp files, and the `state.json.<pid>.<ms>.tmp` ones older versions wrote.
const TEMP_FILE_RE = /^(\.state\.json\.[0-9a-f]{12}\.tmp|state\.json\.\d+\.\d+\.tmp)$/

/**
 * All sandbox state, in memory, mirrored to `dataDir/state.json`. Writes are coalesced
 * (one in flight, one pending) and atomic: temp file + fsync + rename, so a kill at any
 * moment leaves either the old or the new state, never a torn file.
 */
export class Store {
  readonly users = new Map<string, UserRecord>()
  readonly keys = new Map<string, KeyRecord>() // by hash (see keys.ts)
  readonly products = new Map<string, ProductRecord>()
  readonly generations = new Map<string, GenerationRecord>()
  readonly conversations = new Map<string, ConversationRecord>()
  readonly runs = new Map<string, RunRecord>()
  secret = randomToken(32)
  dashboardSession = randomToken(24)

  private writing: Promise<void> | null = null
  private dirty = false
  private timer: NodeJS.Timeout | null = null
  private closed = false

  private constructor(
    private readonly file: string,
    private readonly log: (line: string) => void
  ) {}

  static async open(dataDir: string, log: (line: string) => void): Promise<Store> {
    await mkdir(dataDir, { recursive: true })
    const store = new Store(join(dataDir, 'state.json'), log)
    // A temp file left by a crash mid-write is never read back, and one written before
    // keys were hashed would hold them in plaintext: remove it.
    for (const name of await readdir(dataDir)) {
      if (TEMP_FILE_RE.test(name)) await rm(join(dataDir, name), { force: true })
    }
    await store.load()
    // A state.json from before keys were hashed is rewritten at once, not at the next change.
    if (store.dirty) await store.flush()
    return store
  }

  private async load(): Promise<void> {
    let raw: string
    try {
      raw = await readFile(this.file, 'utf8')
    } catch {
      return // first start
    }
    let state: SandboxState
    try {
      state = JSON.parse(raw) as SandboxState
      if (state.version !== 1) throw new Error(`unknown state version ${String(state.version)}`)
    } catch (error) {
      // Keep the unreadable file for inspection rather than silently overwriting it, but
      // with any plaintext keys (an old format) redacted: keys never stay in a file.
      const aside = `${this.file}.corrupt-${Date.now()}`
      await writeFile(aside, redactKeys(raw), { mode: 0o600 }).catch(() => undefined)
      await rm(this.file, { force: true }).catch(() => undefined)
      this.log(`sandbox: state.json unreadable (${(error as Error).message}); moved to ${aside}, starting fresh`)
      return
    }
    this.secret = state.secret
    this.dashboardSession = state.dashboardSession
    for (const user of Object.values(state.users)) this.users.set(user.id, user)
    for (const stored of state.keys as StoredKey[]) {
      const key = fromStoredKey(stored)
      if (!key) {
        this.log('sandbox: state.json has an API key record without a hash; it was dropped')
        this.dirty = true
        continue
      }
      if (key.migrated) this.dirty = true
      this.keys.set(key.record.hash, key.record)
    }
    for (const p of state.products) this.products.set(p.id, p)
    for (const g of state.generations) this.generations.set(g.id, g)
    for (const c of state.conversations) this.conversations.set(c.id, c)
    for (const r of state.runs) this.runs.set(r.id, r)
  }

  snapshot(): SandboxState {
    return {
      version: 1,
      secret: this.secret,
      dashboardSession: this.dashboardSession,
      users: Object.fromEntries(this.users),
      keys: [...this.keys.values()],
      products: [...this.products.values()],
      generations: [...this.generations.values()],
      conversations: [...this.conversations.values()],
      runs: [...this.runs.values()]
    }
  }

  /** Marks state dirty; it reaches disk within a few milliseconds. */
  changed(): void {
    this.dirty = true
    if (this.timer || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush().catch((error: unknown) => this.log(`sandbox: state write failed: ${String(error)}`))
    }, 10)
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing
    if (!this.dirty) return
    this.dirty = false
    this.writing = this.writeAtomically(JSON.stringify(this.snapshot()))
    try {
      await this.writing
    } finally {
      this.writing = null
    }
  }

  /** The app's one atomic writer (temp file, fsync, rename): a crash leaves the old or the new state. */
  private writeAtomically(text: string): Promise<void> {
    return writeFileAtomic(this.file, text)
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.dirty = true
    await this.flush()
    this.closed = true
  }
}
