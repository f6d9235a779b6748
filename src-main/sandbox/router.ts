import type { ApiResult, RequestContext } from './http'
import type { Scope } from './types'

/**
 * How a route authenticates: a bearer key (optionally needing any one of `scopes`), the
 * dashboard session cookie, the admin token (test control), a signed URL, or nothing.
 */
export type AuthMode = 'bearer' | 'session' | 'admin' | 'signed' | 'none'

export interface Route {
  method: string
  /** Literal segments and `:name` parameters, e.g. "/api/v1/generations/:id". */
  pattern: string
  auth: AuthMode
  scopes?: readonly Scope[]
  handler: (ctx: RequestContext) => Promise<ApiResult>
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' }

interface Compiled {
  route: Route
  segments: string[]
  /** `/storage/*`-style prefix routes: everything below the literal segments. */
  prefix: boolean
}

export class Router {
  private readonly routes: Compiled[] = []

  add(route: Route): this {
    const segments = route.pattern.split('/').filter(Boolean)
    const prefix = segments.at(-1) === '*'
    this.routes.push({ route, segments: prefix ? segments.slice(0, -1) : segments, prefix })
    return this
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean)
    const allow = new Set<string>()
    for (const { route, segments, prefix } of this.routes) {
      const params = matchSegments(segments, parts, prefix)
      if (!params) continue
      const accepts = route.method === method || (route.method === 'GET' && method === 'HEAD')
      if (accepts) return { kind: 'found', route, params }
      allow.add(route.method)
    }
    return allow.size ? { kind: 'method-not-allowed', allow: [...allow] } : { kind: 'not-found' }
  }
}

function matchSegments(segments: string[], parts: string[], prefix: boolean): Record<string, string> | null {
  if (prefix ? parts.length <= segments.length : parts.length !== segments.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(parts[i])
      } catch {
        return null
      }
    } else if (segment !== parts[i]) return null
  }
  return params
}
