import { validateRule, type FaultRule } from './faults'
import { HttpError, jsonBody, ok, type ApiResult, type RequestContext } from './http'
import { addKey } from './keys'
import type { Route } from './router'
import type { Services } from './services'
import { DEFAULT_USER, SCOPES, type Scope, type UserRecord } from './types'
import { keyScopes } from '../krev/wire'
import { SCOPES_MESSAGE } from './routes-account'

/**
 * Test control, programmatic (the handle) and over HTTP (`/__sandbox/*` with the
 * `x-sandbox-admin` header) for e2e runs where the sandbox is another process.
 */
const USER_ID_RE = /^[A-Za-z0-9_-]{1,64}$/

export function ensureUser(services: Services, userId: string): UserRecord {
  if (!USER_ID_RE.test(userId)) throw new HttpError(400, 'userId must be 1-64 letters, digits, "_" or "-"')
  let user = services.store.users.get(userId)
  if (!user) {
    user = { id: userId, credits: services.defaultCredits, limit: 2500, plan: 'pro', planName: 'Pro' }
    services.store.users.set(userId, user)
    services.store.changed()
  }
  return user
}

export function createUserKey(services: Services, opts: { scopes: Scope[]; userId?: string }): string {
  // The scopes rule of POST /keys (the wire schema's), so a test key is one the dashboard could make.
  if (!keyScopes.safeParse(opts.scopes).success) throw new HttpError(400, SCOPES_MESSAGE)
  const user = ensureUser(services, opts.userId ?? DEFAULT_USER)
  return addKey(services.store, { userId: user.id, scopes: opts.scopes, name: 'Test key' }).secret
}

export function setCredits(services: Services, userId: string, amount: number): void {
  if (!Number.isInteger(amount) || amount < 0) throw new HttpError(400, 'amount must be a non-negative integer')
  ensureUser(services, userId).credits = amount
  services.store.changed()
}

export function adminRoutes(services: Services): Route[] {
  const admin = (method: string, pattern: string, handler: (ctx: RequestContext) => Promise<ApiResult>): Route => ({
    method,
    pattern,
    auth: 'admin',
    handler
  })
  return [
    admin('GET', '/__sandbox/faults', async () => ok(services.faults.list())),
    admin('POST', '/__sandbox/faults', async (ctx) => {
      const body = jsonBody(ctx)
      const rules = Array.isArray(body.rules) ? (body.rules as unknown[]) : [body]
      const valid = rules.map(validateRule) // all or nothing
      return ok({ ids: valid.map((rule: FaultRule) => services.faults.set(rule)) })
    }),
    admin('DELETE', '/__sandbox/faults', async (ctx) => {
      services.faults.clear(ctx.url.searchParams.get('id') ?? undefined)
      return ok({ cleared: true })
    }),
    admin('POST', '/__sandbox/credits', async (ctx) => {
      const body = jsonBody(ctx)
      const userId = typeof body.user_id === 'string' ? body.user_id : DEFAULT_USER
      setCredits(services, userId, body.amount as number)
      return ok({ user_id: userId, credits: services.store.users.get(userId)?.credits })
    }),
    admin('POST', '/__sandbox/keys', async (ctx) => {
      const body = jsonBody(ctx)
      const scopes = (body.scopes ?? [...SCOPES]) as Scope[]
      const userId = typeof body.user_id === 'string' ? body.user_id : undefined
      return ok({ key: createUserKey(services, { scopes, userId }) })
    }),
    // The generation bodies received (request-log.ts): ?path=/api/v1/images, ?after=<seq>.
    admin('GET', '/__sandbox/requests', async (ctx) => {
      const after = ctx.url.searchParams.get('after')
      const path = ctx.url.searchParams.get('path')
      if (after !== null && !/^\d{1,15}$/.test(after)) throw new HttpError(400, 'after must be a sequence number')
      return ok(services.requests.list({ ...(path ? { path } : {}), ...(after !== null ? { after: Number(after) } : {}) }))
    }),
    admin('DELETE', '/__sandbox/requests', async () => {
      services.requests.clear()
      return ok({ cleared: true })
    }),
    admin('POST', '/__sandbox/rate-limit/reset', async () => {
      services.limiter.reset()
      return ok({ reset: true })
    })
  ]
}
