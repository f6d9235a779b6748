import { createReadStream } from 'node:fs'
import http, { type IncomingHttpHeaders } from 'node:http'
import https from 'node:https'
import { Readable } from 'node:stream'
import { AppError } from '../core/app-error'
import { cancelled, invalidResponse, markMaybeProcessed, transportError } from './errors'

/**
 * One HTTP exchange over node:http(s), without fetch, because the client needs control
 * fetch doesn't give:
 *  - a connect timeout separate from the response timeout;
 *  - a hard cap on the response body: past it the socket is destroyed, so an endless or
 *    huge body costs at most `maxBodyBytes` of memory;
 *  - knowing whether the connection was established before it failed: until then no
 *    byte of the request left this machine, which is what makes retrying a POST safe.
 * No retries here (retry.ts) and no JSON (envelope.ts).
 */

/**
 * Where an agent comes from. The client asks for its pools (reads, creating POSTs, media)
 * through this, so the Electron entry can route them through the system proxy with the
 * OS certificate store (adapters/electron-net.ts) while the headless studio and tests keep
 * Node's plain agents. Everything else (timeouts, caps, "was it sent") stays in `send`.
 */
export type AgentFactory = (protocol: 'http:' | 'https:', options: http.AgentOptions) => http.Agent

export const nodeAgentFactory: AgentFactory = (protocol, options) =>
  protocol === 'https:' ? new https.Agent(options) : new http.Agent(options)

/** A file on disk sent as part of a body, read as it is written (never held whole in memory). */
export interface FileChunk {
  path: string
  size: number
}

export interface HttpBody {
  contentType: string
  length: number
  /** Written in order; large buffers are streamed in slices so socket backpressure applies. */
  chunks: (Buffer | FileChunk)[]
  /** Told how many body bytes have been handed to the socket so far (upload progress). */
  onSent?: (bytes: number) => void
}

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: URL
  headers: Record<string, string>
  body?: HttpBody
  /** GETs are idempotent; failures after sending a non-idempotent request are ambiguous. */
  idempotent: boolean
  connectTimeoutMs: number
  responseTimeoutMs: number
  maxBodyBytes: number
  signal?: AbortSignal
  agent?: http.Agent
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

const SLICE = 64 * 1024

async function* slices(body: HttpBody): AsyncGenerator<Buffer> {
  let sent = 0
  const tell = (n: number) => {
    sent += n
    body.onSent?.(sent)
  }
  for (const c of body.chunks) {
    if (Buffer.isBuffer(c)) {
      for (let i = 0; i < c.length; i += SLICE) {
        const slice = c.subarray(i, i + SLICE)
        yield slice
        tell(slice.length)
      }
      continue
    }
    // Exactly the announced size: a file that grew meanwhile can't break Content-Length.
    let left = c.size
    for await (const piece of createReadStream(c.path, { highWaterMark: SLICE, end: Math.max(0, c.size - 1) }) as AsyncIterable<Buffer>) {
      if (left <= 0) break
      const slice = piece.subarray(0, left)
      left -= slice.length
      yield slice
      tell(slice.length)
    }
    if (left > 0) throw Object.assign(new Error('file shrank while sending'), { code: 'EFILESHRANK' })
  }
}

/** Only the error code (e.g. ECONNRESET) survives: Node errors can carry request objects. */
const errCode = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'socket error'
}

export function send(req: HttpRequest): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    if (req.signal?.aborted) return reject(cancelled())
    const isHttps = req.url.protocol === 'https:'
    const mod = isHttps ? https : http
    const headers: Record<string, string | number> = { ...req.headers }
    if (req.body) {
      headers['Content-Type'] = req.body.contentType
      headers['Content-Length'] = req.body.length
    }

    let connected = false
    let gotResponse = false
    let settled = false
    let responseTimer: NodeJS.Timeout | undefined

    const creq = mod.request(req.url, { method: req.method, headers, agent: req.agent })

    const cleanup = () => {
      clearTimeout(connectTimer)
      clearTimeout(responseTimer)
      req.signal?.removeEventListener('abort', onAbort)
    }
    const succeed = (r: HttpResponse) => {
      if (settled) return
      settled = true
      cleanup()
      resolve(r)
    }
    const fail = (e: AppError) => {
      if (settled) return
      settled = true
      cleanup()
      // Destroying the request destroys its socket: no more bytes are read or buffered.
      creq.destroy()
      reject(e)
    }
    const failNetwork = (e: unknown) =>
      fail(transportError({ kind: 'network', sent: connected, detail: errCode(e) }, { idempotent: req.idempotent }))
    const failTimeout = (phase: 'connect' | 'response') =>
      fail(transportError({ kind: 'timeout', sent: connected, phase }, { idempotent: req.idempotent }))

    function onAbort() {
      const e = cancelled()
      fail(connected && !req.idempotent ? markMaybeProcessed(e) : e)
    }
    req.signal?.addEventListener('abort', onAbort, { once: true })

    const connectTimer = setTimeout(() => {
      if (!connected) failTimeout('connect')
    }, req.connectTimeoutMs)

    creq.on('socket', (socket) => {
      const onConnected = () => {
        connected = true
        clearTimeout(connectTimer)
      }
      // A kept-alive socket is already connected (and, for TLS, already secured).
      if (creq.reusedSocket) onConnected()
      else socket.once(isHttps ? 'secureConnect' : 'connect', onConnected)
    })
    // Idle socket in any phase (a stalled upload, a server that stops mid-body).
    creq.setTimeout(req.responseTimeoutMs, () => failTimeout(connected ? 'response' : 'connect'))
    creq.on('finish', () => {
      // The whole request is written: from now on headers and body must arrive in time.
      responseTimer = setTimeout(() => failTimeout('response'), req.responseTimeoutMs)
    })
    creq.on('error', (e) => {
      // After a response started, its own events decide (an early 413 may EPIPE the upload).
      if (!gotResponse) failNetwork(e)
    })

    creq.on('response', (res) => {
      gotResponse = true
      const status = res.statusCode ?? 0
      const declared = Number(res.headers['content-length'])
      const tooLarge = () =>
        fail(invalidResponse(`Krev sent an answer larger than ${Math.round(req.maxBodyBytes / 1024)} KB; it was ignored.`, status))
      if (Number.isFinite(declared) && declared > req.maxBodyBytes) return tooLarge()
      const chunks: Buffer[] = []
      let total = 0
      res.on('data', (c: Buffer) => {
        total += c.length
        if (total > req.maxBodyBytes) return tooLarge()
        chunks.push(c)
      })
      res.on('end', () => {
        if (!res.complete) return failNetwork({ code: 'ECONNRESET' })
        succeed({ status, headers: res.headers, body: Buffer.concat(chunks, total) })
      })
      res.on('error', failNetwork)
      res.on('close', () => {
        if (!res.complete) failNetwork({ code: 'ECONNRESET' })
      })
    })

    if (!req.body) {
      creq.end()
    } else {
      const source = Readable.from(slices(req.body))
      source.on('error', failNetwork)
      source.pipe(creq)
    }
  })
}
