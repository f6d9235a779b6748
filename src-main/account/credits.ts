import type { Credits } from '../../src-preload/contract'
import type { KrevClient, KrevCredits } from '../krev/types'

/** The API's credits answer as the contract's `credits` (what the renderer shows). */

const finite = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0)
const bytes = (n: unknown): number => Math.max(0, Math.round(finite(n)))

export function mapCredits(c: KrevCredits, fetchedAt: Date): Credits {
  return {
    plan: String(c.plan ?? ''),
    planName: String(c.plan_name ?? c.plan ?? ''),
    current: finite(c.credits?.current),
    limit: finite(c.credits?.limit),
    storageUsedBytes: bytes(c.storage?.used_bytes),
    storageLimitBytes: bytes(c.storage?.limit_bytes),
    resetsAt: typeof c.resets_at === 'string' ? c.resets_at.slice(0, 64) : null,
    fetchedAt: fetchedAt.toISOString()
  }
}

export const CREDITS_MAX_AGE_MS = 30_000

export interface CreditsCache {
  /** Cached value when fresh (or `refresh` is false and it is younger than maxAge), else fetched. */
  get(client: KrevClient, identity: string, opts?: { refresh?: boolean }): Promise<Credits>
  /** The cached value for `identity`, however old (for showing while offline). */
  peek(identity: string): Credits | null
  /** Stores a balance fetched elsewhere (e.g. while checking a new key). */
  put(identity: string, value: Credits): void
  clear(): void
}

/**
 * Caches the last balance per connection (`identity`, e.g. "krev https://app.krev.ai") and
 * shares one request between callers asking at the same time. A balance fetched for a
 * connection that was switched away from meanwhile is not cached.
 */
export function createCreditsCache(opts: { now?: () => number; maxAgeMs?: number } = {}): CreditsCache {
  const now = opts.now ?? Date.now
  const maxAge = opts.maxAgeMs ?? CREDITS_MAX_AGE_MS
  let cached: { identity: string; at: number; value: Credits } | null = null
  let inflight: { identity: string; promise: Promise<Credits> } | null = null
  let epoch = 0

  return {
    async get(client, identity, { refresh = false } = {}) {
      if (!refresh && cached?.identity === identity && now() - cached.at < maxAge) return cached.value
      if (inflight?.identity === identity) return inflight.promise
      const started = epoch
      const promise = client
        .credits()
        .then((raw) => {
          const at = now()
          const value = mapCredits(raw, new Date(at))
          if (started === epoch) cached = { identity, at, value }
          return value
        })
        .finally(() => {
          if (inflight?.promise === promise) inflight = null
        })
      inflight = { identity, promise }
      return promise
    },
    peek: (identity) => (cached?.identity === identity ? cached.value : null),
    put(identity, value) {
      cached = { identity, at: now(), value }
    },
    clear() {
      epoch++
      cached = null
      inflight = null
    }
  }
}
