import type { z } from 'zod'
import { HttpError, jsonBody, type RequestContext } from './http'
import type { UserRecord } from './types'
import { wireBody } from './wire-body'

/**
 * The key holder a bearer route answers. The router authenticates before the handler runs,
 * so a missing user means a route was wired without auth: it is refused, never served.
 */
export function apiCaller(ctx: RequestContext): UserRecord {
  if (!ctx.user) throw new HttpError(401, 'Missing API key')
  return ctx.user
}

/**
 * How every JSON POST of the public API starts: who calls, the raw body (media references
 * are read from it as sent) and the body as the endpoint's wire schema reads it (400 if not).
 */
export function apiPost<S extends z.ZodObject>(ctx: RequestContext, schema: S): { user: UserRecord; body: Record<string, unknown>; req: z.output<S> } {
  const user = apiCaller(ctx)
  const body = jsonBody(ctx)
  return { user, body, req: wireBody(schema, body) }
}
