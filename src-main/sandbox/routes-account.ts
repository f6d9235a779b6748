import { apiCaller } from './caller'
import { HttpError, jsonBody, ok, type ApiResult, type RequestContext } from './http'
import { addKey } from './keys'
import { creditsView } from './ledger'
import type { Route } from './router'
import type { Services } from './services'
import { SCOPES } from './types'
import { keyCreate } from '../krev/wire'
import { wireBody, type IssueWords } from './wire-body'

/** GET /credits: balance, plan and the real bytes this user's media occupy on disk. */
async function getCredits(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const user = apiCaller(ctx)
  return ok(creditsView(user, await services.media.usedBytes(user.id)))
}

/** Any problem with `scopes` is named with the whole list of scopes a key may have. */
export const SCOPES_MESSAGE = `scopes must be a non-empty array of: ${SCOPES.join(', ')}`
const keyWords: IssueWords = (issue) => (issue.path[0] === 'scopes' ? SCOPES_MESSAGE : undefined)

/** POST /keys (dashboard session): the full key is returned once, as in the dashboard. */
async function createKey(services: Services, ctx: RequestContext): Promise<ApiResult> {
  if (!ctx.user) throw new HttpError(401, 'Not signed in')
  const req = wireBody(keyCreate, jsonBody(ctx), keyWords)
  const name = req.name.trim()
  const scopes = [...new Set(req.scopes ?? SCOPES)]
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
