import { apiCaller } from './caller'
import { HttpError, jsonBody, ok, type ApiResult, type RequestContext } from './http'
import { addKey } from './keys'
import { creditsView } from './ledger'
import type { Route } from './router'
import type { Services } from './services'
import { isScope, SCOPES, type Scope } from './types'
import { requiredText } from './validate'

/** GET /credits: balance, plan and the real bytes this user's media occupy on disk. */
async function getCredits(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const user = apiCaller(ctx)
  return ok(creditsView(user, await services.media.usedBytes(user.id)))
}

/** POST /keys (dashboard session): the full key is returned once, as in the dashboard. */
async function createKey(services: Services, ctx: RequestContext): Promise<ApiResult> {
  if (!ctx.user) throw new HttpError(401, 'Not signed in')
  const body = jsonBody(ctx)
  const name = requiredText(body, 'name', 100)
  let scopes: Scope[] = [...SCOPES]
  if (body.scopes !== undefined && body.scopes !== null) {
    if (!Array.isArray(body.scopes) || body.scopes.length === 0 || !body.scopes.every(isScope)) {
      throw new HttpError(400, `scopes must be a non-empty array of: ${SCOPES.join(', ')}`)
    }
    scopes = [...new Set(body.scopes as Scope[])]
  }
  const { record, secret } = addKey(services.store, { userId: ctx.user.id, scopes, name })
  // The only response that ever carries the plaintext; the sandbox keeps just its hash.
  return ok({
    id: record.id,
    name: record.name,
    key: secret,
    key_prefix: record.prefix,
    key_last4: record.last4,
    scopes: record.scopes,
    created_at: record.createdAt
  })
}

async function deleteKey(services: Services, ctx: RequestContext): Promise<ApiResult> {
  if (!ctx.user) throw new HttpError(401, 'Not signed in')
  const id = ctx.url.searchParams.get('id')
  if (!id) throw new HttpError(400, 'id is required')
  const key = [...services.store.keys.values()].find((k) => k.id === id && k.userId === ctx.user?.id)
  if (!key || key.revokedAt) throw new HttpError(404, 'API key not found')
  key.revokedAt = new Date().toISOString()
  services.store.changed()
  return ok({ id: key.id, revoked: true })
}

export function accountRoutes(services: Services): Route[] {
  return [
    { method: 'GET', pattern: '/api/v1/credits', auth: 'bearer', scopes: ['credits'], handler: (ctx) => getCredits(services, ctx) },
    { method: 'POST', pattern: '/api/v1/keys', auth: 'session', handler: (ctx) => createKey(services, ctx) },
    { method: 'DELETE', pattern: '/api/v1/keys', auth: 'session', handler: (ctx) => deleteKey(services, ctx) }
  ]
}
