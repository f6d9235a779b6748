import { createHash, randomBytes, randomUUID } from 'node:crypto'

/** Small shared helpers: ids, clocks and seeded randomness (renders must be reproducible). */

export const newId = (): string => randomUUID()

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_RE.test(value)

/** ISO-8601 without milliseconds, as the reference examples show ("2026-02-14T12:00:00Z"). */
export function isoSeconds(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Unbiased random alphanumerics (rejection sampling over random bytes). */
export function randomAlnum(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALNUM[byte % 62]
    }
  }
  return out
}

export const randomToken = (bytes = 24): string => randomBytes(bytes).toString('base64url')

export function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0)
}

/** Deterministic PRNG (mulberry32) so the same prompt + preset + variant gives the same picture. */
export function seededRandom(seed: string | number): () => number {
  let a = typeof seed === 'number' ? seed >>> 0 : hash32(seed)
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length) % items.length]
}

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value))

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)
}

export const titleCase = (text: string): string =>
  text.replace(/\b([a-z])([a-z]*)/gi, (_, first: string, rest: string) => first.toUpperCase() + rest.toLowerCase())
