import { HttpError } from './http'
import type { Store } from './store'
import type { UserRecord } from './types'

/** The reference's price list. */
export const PRICES = { image: 40, hdImage: 80, videoPerSecond: 80, adImage: 40 } as const

export const priceImages = (count: number, hd: boolean): number => count * (hd ? PRICES.hdImage : PRICES.image)
export const priceVideo = (seconds: number): number => seconds * PRICES.videoPerSecond
export const priceAds = (count: number): number => count * PRICES.adImage

export const STORAGE_LIMIT_BYTES = 2 * 1024 * 1024 * 1024

/**
 * Credits move only here: charged when a generation is accepted (nothing is charged on
 * a 402), refunded once when it fails.
 */
export class Ledger {
  constructor(private readonly store: Store) {}

  charge(user: UserRecord, amount: number): void {
    if (user.credits < amount) {
      throw new HttpError(
        402,
        `Insufficient credits: this request needs ${formatThousands(amount)} credits and your balance is ${formatThousands(user.credits)}`
      )
    }
    user.credits -= amount
    this.store.changed()
  }

  refund(userId: string, amount: number): void {
    const user = this.store.users.get(userId)
    if (!user || amount <= 0) return
    user.credits += amount
    this.store.changed()
  }
}

export const formatThousands = (n: number): string => Math.round(n).toLocaleString('en-US')

/** Binary units with the reference's labels: 524288000 → "500 MB", 2147483648 → "2 GB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const rounded = value >= 100 || unit === 0 ? Math.round(value) : Math.round(value * 10) / 10
  return `${rounded} ${units[unit]}`
}

/** Credits reset on the first day of next month, midnight UTC. */
export function nextMonthStartUtc(now: Date = new Date()): string {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
  return next.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function creditsView(user: UserRecord, usedBytes: number): Record<string, unknown> {
  return {
    plan: user.plan,
    plan_name: user.planName,
    credits: {
      current: user.credits,
      limit: user.limit,
      current_formatted: formatThousands(user.credits),
      limit_formatted: formatThousands(user.limit)
    },
    storage: {
      used_bytes: usedBytes,
      limit_bytes: STORAGE_LIMIT_BYTES,
      used_formatted: formatBytes(usedBytes),
      limit_formatted: formatBytes(STORAGE_LIMIT_BYTES)
    },
    resets_at: nextMonthStartUtc()
  }
}
