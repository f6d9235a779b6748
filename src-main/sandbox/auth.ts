import { timingSafeEqual } from 'node:crypto'
import { HttpError } from './http'
import { findKey } from './keys'
import type { Store } from './store'
import { DEFAULT_USER, type KeyRecord, type Scope, type UserRecord } from './types'

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** `Authorization: Bearer sk_live_…` → key and user; anything else is a 401. */
export function authenticateBearer(store: Store, header: string | undefined): { key: KeyRecord; user: UserRecord } {
  if (!header) throw new HttpError(401, 'Missing API key: send Authorization: Bearer sk_live_…')
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match) throw new HttpError(401, 'Invalid Authorization header: expected "Bearer <api key>"')
  const key = findKey(store, match[1])
  if (!key) throw new HttpError(401, 'Invalid API key')
  if (key.revokedAt) throw new HttpError(401, 'This API key has been revoked')
  const user = store.users.get(key.userId)
  if (!user) throw new HttpError(401, 'Invalid API key')
  return { key, user }
}

/** The route needs any one of `scopes`. */
export function requireScope(key: KeyRecord, scopes: readonly Scope[]): void {
  if (scopes.some((scope) => key.scopes.includes(scope))) return
  const names = scopes.map((s) => `'${s}'`).join(' or ')
  throw new HttpError(403, `This API key does not have the ${names} scope`)
}

/** A cookie value with bad percent-encoding is a bad request (400), never a crash (500). */
function decodeCookie(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    throw new HttpError(400, 'The krev_session cookie is not validly encoded')
  }
}

/** `/api/v1/keys` is for the dashboard: a `krev_session` cookie, never a bearer key. */
export function authenticateSession(store: Store, cookieHeader: string | undefined): UserRecord {
  const session = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === 'krev_session')?.[1]
  if (!session || !safeEqual(decodeCookie(session), store.dashboardSession)) {
    throw new HttpError(401, 'Not signed in: this endpoint needs a Krev dashboard session')
  }
  const user = store.users.get(DEFAULT_USER)
  if (!user) throw new HttpError(401, 'Not signed in: this endpoint needs a Krev dashboard session')
  return user
}
