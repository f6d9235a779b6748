import { createHash } from 'node:crypto'
import type { Store } from './store'
import { DEFAULT_USER, SCOPES, type KeyRecord, type Scope } from './types'
import { isoSeconds, newId, randomAlnum } from './util'

/**
 * API keys as a real server keeps them: only a SHA-256 hash (what a bearer header is
 * looked up by) plus a display prefix and last 4. The plaintext exists in memory just
 * long enough to be handed out once, so no file under dataDir ever holds a usable key.
 */

/** Keys look like the real ones: `sk_live_` + 32 alphanumerics. */
export const KEY_PATTERN = /^sk_live_[A-Za-z0-9]{32}$/
/** Finds key-shaped strings in arbitrary text (used to redact files we cannot parse). */
const KEY_ANYWHERE = /sk_live_[A-Za-z0-9]{32}/g

export const newKeySecret = (): string => `sk_live_${randomAlnum(32)}`

export const hashKey = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex')

/** `sk_live_` + the first 4 characters of the random part: enough to recognise a key, useless to use it. */
export const keyPrefix = (secret: string): string => secret.slice(0, 'sk_live_'.length + 4)

export const redactKeys = (text: string): string => text.replace(KEY_ANYWHERE, (key) => `${keyPrefix(key)}…${key.slice(-4)}`)

/** Creates and stores a key; the returned `secret` is the only time its plaintext is available. */
export function addKey(
  store: Store,
  opts: { secret?: string; userId: string; scopes?: Scope[]; name?: string }
): { record: KeyRecord; secret: string } {
  const secret = opts.secret ?? newKeySecret()
  const record: KeyRecord = {
    id: newId(),
    name: opts.name ?? 'Sandbox key',
    hash: hashKey(secret),
    prefix: keyPrefix(secret),
    last4: secret.slice(-4),
    userId: opts.userId,
    scopes: [...(opts.scopes ?? SCOPES)],
    createdAt: isoSeconds(),
    revokedAt: null
  }
  store.keys.set(record.hash, record)
  store.changed()
  return { record, secret }
}

export const findKey = (store: Store, secret: string): KeyRecord | undefined => store.keys.get(hashKey(secret))

/**
 * The key `startSandbox` hands back. An explicit key is (re)registered for the default
 * user with every scope. Without one, a fresh key is minted on every start: earlier
 * keys keep working, but their plaintext is gone, so none of them could be returned.
 */
export function ensureDefaultKey(store: Store, explicit: string | undefined): string {
  if (explicit === undefined) return addKey(store, { userId: DEFAULT_USER, name: 'Default key' }).secret
  if (!KEY_PATTERN.test(explicit)) throw new Error('key must be sk_live_ followed by 32 letters or digits')
  const existing = findKey(store, explicit)
  if (!existing) return addKey(store, { secret: explicit, userId: DEFAULT_USER, name: 'Default key' }).secret
  const fullScopes = SCOPES.every((scope) => existing.scopes.includes(scope))
  if (existing.userId !== DEFAULT_USER || existing.revokedAt || !fullScopes) {
    existing.userId = DEFAULT_USER
    existing.revokedAt = null
    existing.scopes = [...SCOPES]
    store.changed()
  }
  return explicit
}

/** A key as found in state.json: current records, or ones from before hashing (`secret`). */
export type StoredKey = Partial<KeyRecord> & { secret?: unknown }

/** Normalises a stored key; a plaintext `secret` is hashed and dropped. null = unusable record. */
export function fromStoredKey(stored: StoredKey): { record: KeyRecord; migrated: boolean } | null {
  const { secret, ...rest } = stored
  if (typeof secret === 'string') {
    const record = { ...rest, hash: hashKey(secret), prefix: keyPrefix(secret), last4: secret.slice(-4) } as KeyRecord
    return { record, migrated: true }
  }
  if (typeof rest.hash !== 'string' || !/^[0-9a-f]{64}$/.test(rest.hash)) return null
  return { record: rest as KeyRecord, migrated: false }
}
