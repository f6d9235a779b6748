import { createHmac } from 'node:crypto'
import { safeEqual } from './auth'

/**
 * Media URLs are `/storage/<userId>/<file>?exp=<unix s>&sig=<hmac>`: the HMAC covers the
 * path and the expiry, with a secret only this sandbox knows. A fresh URL is minted on
 * every read so clients can always recover from an expired one by re-fetching.
 */
export class UrlSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly baseUrl: () => string
  ) {}

  private mac(path: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${exp}`).digest('base64url')
  }

  /** `relative` is `<userId>/<file>`. */
  sign(relative: string, nowMs: number = Date.now()): string {
    const path = `/storage/${relative}`
    const exp = Math.floor(nowMs / 1000) + this.ttlSeconds
    return `${this.baseUrl()}${path}?exp=${exp}&sig=${this.mac(path, exp)}`
  }

  verify(path: string, expRaw: string | null, sig: string | null, nowMs: number = Date.now()): 'ok' | 'expired' | 'bad' {
    if (!expRaw || !sig || !/^\d{1,12}$/.test(expRaw)) return 'bad'
    const exp = Number(expRaw)
    if (!safeEqual(this.mac(path, exp), sig)) return 'bad'
    return nowMs / 1000 < exp ? 'ok' : 'expired'
  }
}
