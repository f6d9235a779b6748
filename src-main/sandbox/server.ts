import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { authenticateBearer, authenticateSession, requireScope, safeEqual } from './auth'
import { processesRequest, type FaultRuleState } from './faults'
import { errorResult, HttpError, readBody, type ApiResult, type RequestContext } from './http'
import type { Router } from './router'
import type { Services } from './services'
import { sleep } from './util'

const HTML_PAGE = (status: number) =>
  `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`

function toResult(error: unknown, services: Services): ApiResult {
  if (error instanceof HttpError) return errorResult(error.status, error.message, error.headers)
  services.log(`sandbox: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  return errorResult(500, 'Internal server error')
}

/** Routing, authentication, scopes and the per-user rate limit, then the handler. */
async function dispatch(ctx: RequestContext, router: Router, services: Services): Promise<ApiResult> {
  const match = router.match(ctx.method, ctx.path)
  if (match.kind === 'not-found') return errorResult(404, `Not found: ${ctx.method} ${ctx.path}`)
  if (match.kind === 'method-not-allowed') {
    return errorResult(405, `Method ${ctx.method} not allowed on ${ctx.path}`, { Allow: match.allow.join(', ') })
  }
  const { route, params } = match
  ctx.params = params
  try {
    if (route.auth === 'bearer') {
      const { key, user } = authenticateBearer(services.store, ctx.headers.authorization)
      ctx.key = key
      ctx.user = user
      if (route.scopes) requireScope(key, route.scopes)
      const decision = services.limiter.take(user.id)
      if (!decision.allowed) {
        return errorResult(429, 'Rate limit exceeded: slow down and retry after the Retry-After delay', {
          'Retry-After': String(decision.retryAfterSeconds)
        })
      }
    } else if (route.auth === 'session') {
      ctx.user = authenticateSession(services.store, ctx.headers.cookie)
    } else if (route.auth === 'admin') {
      const token = ctx.headers['x-sandbox-admin']
      if (typeof token !== 'string' || !safeEqual(token, services.adminToken)) {
        throw new HttpError(401, 'Missing or invalid x-sandbox-admin token')
      }
    }
    const result = await route.handler(ctx)
    // A mutation is on disk before the client hears about it: a crash right after a
    // 200 never loses a charge or a queued generation.
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') await services.store.flush()
    return result
  } catch (error) {
    return toResult(error, services)
  }
}

function sendJson(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}, headOnly = false): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers
  })
  res.end(headOnly ? undefined : text)
}

async function send(res: ServerResponse, result: ApiResult, headOnly: boolean): Promise<void> {
  if (result.kind === 'json') return sendJson(res, result.status, JSON.stringify(result.body), result.headers, headOnly)
  const length = result.size === 0 ? 0 : result.end - result.start + 1
  res.writeHead(result.status, { ...result.headers, 'Content-Length': String(length) })
  if (result.headOnly || length === 0) return void res.end()
  await new Promise<void>((resolve) => {
    const stream = createReadStream(result.filePath, { start: result.start, end: result.end })
    stream.on('error', () => {
      res.destroy()
      resolve()
    })
    res.on('close', () => {
      stream.destroy()
      resolve()
    })
    stream.pipe(res)
  })
}

function resetSocket(req: IncomingMessage): void {
  const socket = req.socket as IncomingMessage['socket'] & { resetAndDestroy?: () => void }
  if (socket.resetAndDestroy) socket.resetAndDestroy()
  else socket.destroy()
}

/** Sends `fraction` of a file response's bytes, then resets the connection. */
async function partialDownload(req: IncomingMessage, res: ServerResponse, result: Extract<ApiResult, { kind: 'file' }>, fraction: number): Promise<void> {
  const length = result.end - result.start + 1
  const cut = Math.max(0, Math.min(length - 1, Math.floor(length * fraction)))
  const handle = await open(result.filePath, 'r')
  const chunk = Buffer.alloc(cut)
  try {
    await handle.read(chunk, 0, cut, result.start)
  } finally {
    await handle.close()
  }
  res.writeHead(result.status, { ...result.headers, 'Content-Length': String(length) })
  res.write(chunk, () => setTimeout(() => resetSocket(req), 30))
}

/** Waits for the socket buffer to drain, or for the client to go away. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

async function hugeBody(res: ServerResponse, bytes: number): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
  let sent = 0
  const filler = Buffer.alloc(64 * 1024, 'x')
  res.write('{"success":true,"data":"')
  while (sent < bytes && !res.destroyed) {
    const piece = filler.subarray(0, Math.min(filler.length, bytes - sent))
    sent += piece.length
    if (!res.write(piece)) await drained(res)
  }
  res.end('"}')
}

async function applyFault(
  rule: FaultRuleState,
  result: ApiResult | null,
  req: IncomingMessage,
  res: ServerResponse,
  headOnly: boolean,
  services: Services
): Promise<void> {
  const action = rule.action
  switch (action.type) {
    case 'status': {
      const message = action.error ?? (action.status >= 500 ? 'Internal server error' : `Injected error ${action.status}`)
      // A processed create that answers 5xx is refunded, as Krev documents for 500s.
      const created = result?.kind === 'json' ? (result.body as { data?: { generation_id?: unknown } }).data?.generation_id : undefined
      if (action.status >= 500 && typeof created === 'string') services.generations.abort(created, `Generation failed: ${message}`)
      return sendJson(res, action.status, JSON.stringify({ success: false, error: message }))
    }
    case 'rate-limit':
      return sendJson(res, 429, JSON.stringify({ success: false, error: 'Rate limit exceeded' }), action.retryAfter === undefined ? {} : { 'Retry-After': action.retryAfter })
    case 'truncated-json': {
      const full = result?.kind === 'json' ? JSON.stringify(result.body) : '{"success":true,"data":{"id":"00000000-0000-4000-8000-000000000000","status":"processing"}}'
      return sendJson(res, action.status ?? 200, full.slice(0, Math.max(1, Math.floor(full.length / 2))))
    }
    case 'html': {
      const status = action.status ?? 502
      const page = HTML_PAGE(status)
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(page)) })
      return void res.end(page)
    }
    case 'reset':
      return resetSocket(req)
    case 'raw':
      return void req.socket.end(Buffer.from(action.data, 'utf8'), () => req.socket.destroy())
    case 'huge-body':
      return hugeBody(res, action.bytes)
    case 'reset-download':
      if (result?.kind === 'file' && !result.headOnly) return partialDownload(req, res, result, action.fraction)
      break
    case 'patch':
      if (result?.kind === 'json') {
        const body = result.body as { data?: unknown }
        if (body.data && typeof body.data === 'object' && !Array.isArray(body.data)) body.data = { ...body.data, ...action.data }
      }
      break
    default:
      break
  }
  if (result) await send(res, result, headOnly)
}

/** The node:http request listener: faults → body → dispatch → (fault) → write. */
export function createRequestListener(router: Router, services: Services) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      const started = Date.now()
      const method = (req.method ?? 'GET').toUpperCase()
      let url: URL
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1')
      } catch {
        return sendJson(res, 400, JSON.stringify({ success: false, error: 'Malformed request URL' }))
      }
      const path = url.pathname
      const fault = path.startsWith('/__sandbox') ? { latencyMs: 0, rule: null } : services.faults.match(method, path)
      if (fault.latencyMs) await sleep(fault.latencyMs)
      let body: Buffer
      try {
        body = await readBody(req, path)
      } catch (error) {
        if (!res.destroyed) await send(res, toResult(error, services), false)
        return
      }
      const ctx: RequestContext = { method, url, path, headers: req.headers, body, params: {}, user: null, key: null, failGeneration: null }
      const rule = fault.rule
      if (rule?.action.type === 'fail-generation') ctx.failGeneration = rule.action.error ?? 'Generation failed: the model returned an error'
      const result = !rule || processesRequest(rule) ? await dispatch(ctx, router, services) : null
      if (rule) await applyFault(rule, result, req, res, method === 'HEAD', services)
      else if (result) await send(res, result, method === 'HEAD')
      services.log(`${method} ${path} ${res.statusCode}${rule ? ` [fault ${rule.action.type}]` : ''} ${Date.now() - started}ms`)
    })().catch((error: unknown) => {
      services.log(`sandbox: request failed: ${String(error)}`)
      if (!res.headersSent) sendJson(res, 500, JSON.stringify({ success: false, error: 'Internal server error' }))
      else res.destroy()
    })
  }
}
