/**
 * Per-user token bucket, shared by every key of the user (the reference: "Limits are
 * enforced per-user, not per-key").
 */
export interface RateLimitConfig {
  capacity: number
  refillPerSecond: number
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now
  ) {}

  take(userId: string): RateDecision {
    const { capacity, refillPerSecond } = this.config
    const now = this.now()
    const bucket = this.buckets.get(userId) ?? { tokens: capacity, at: now }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond)
    bucket.at = now
    this.buckets.set(userId, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { allowed: true }
    }
    const seconds = refillPerSecond > 0 ? Math.ceil((1 - bucket.tokens) / refillPerSecond) : 60
    return { allowed: false, retryAfterSeconds: Math.max(1, seconds) }
  }

  /** Tests and the admin endpoint: forget a user's bucket (full again). */
  reset(userId?: string): void {
    if (userId) this.buckets.delete(userId)
    else this.buckets.clear()
  }
}
