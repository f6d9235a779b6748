import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { AppError } from '../core/app-error'
import { cancelled, invalidResponse } from './errors'
import type { DownloadMediaOptions } from './types'
import { assertPublicHttpsUrl, isPublicAddress, isTrustedOrigin, type UrlGuardOptions } from './url-guard'

/**
 * One GET of a signed media URL (a product photo, a generated image or video), its body
 * handed chunk by chunk to a sink (memory or a partial file), with backpressure.
 *
 * - Signed URLs carry their own authorisation, so NO Authorization header is sent: the
 *   API key must never reach a storage host or CDN.
 * - https to a public host only (or the embedded sandbox's trusted origin), checked again
 *   after every redirect and at connect time (the socket's DNS answer must be public too,
 *   so a name that re-resolves to 127.0.0.1 between check and connect is refused).
 * - The size cap is enforced while streaming: past it the socket is destroyed, so memory
 *   and disk stay bounded whatever the server sends. A body shorter or longer than its
 *   declared Content-Length is never accepted.
 * - A resume asks `Range` + `If-Range`: a 206 continues the file, a 200 is the whole file
 *   again (it changed), a 416 or a 206 from elsewhere means starting over.
 */

export interface DownloadDeps extends Pick<UrlGuardOptions, 'resolveHost' | 'trustedOrigins'> {
  userAgent: string
  connectTimeoutMs: number
  /** Longest silence allowed in any phase; a slow but steady download is fine. */
  idleTimeoutMs: number
  agents?: { http?: http.Agent; https?: https.Agent }
  maxRedirects?: number
}

const mb = (n: number): string => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`

const expired = (): AppError =>
  new AppError('forbidden', 'The download link has expired. Refresh to get a new link and try again.', {
    retryable: false,
    status: 403
  })

function statusError(status: number): AppError {
  if (status === 401 || status === 403) return expired()
  if (status === 404 || status === 410) {
    return new AppError('not_found', 'This file is no longer available on Krev.', { retryable: false, status })
  }
  if (status === 408) return new AppError('timeout', 'The media server took too long to answer.', { status })
  if (status === 429) return new AppError('rate_limited', 'The media server is busy. Trying again shortly.', { status })
  if (status >= 500) return new AppError('server_error', 'The media server had a problem. Please try again in a moment.', { status })
  return invalidResponse(`The media server refused the download (HTTP ${status}).`, status)
}

const networkError = (detail: string, message = 'The download was interrupted. Check your connection and try again.'): AppError =>
  new AppError('network', message, { cause: new Error(detail) })

/** A connect-time DNS check: every address the socket may use must be public. */
function publicOnlyLookup(
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void
): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, [])
    const list = addresses as LookupAddress[]
    if (list.length === 0 || !list.every((a) => isPublicAddress(a.address))) {
      const refused: NodeJS.ErrnoException = new Error('media host resolves to a non-public address')
      refused.code = 'ENOTPUBLIC'
      return callback(refused, [])
    }
    if (options.all) return callback(null, list)
    callback(null, list[0].address, list[0].family)
  })
}

/** Where a body's bytes go: memory (small product photos) or a partial file on disk. */
export interface BodySink {
  /** The body starts at byte `info.start` of the file; `fail` reports a write error later. */
  open(info: BodyInfo, fail: (error: unknown) => void): void
  /** false: full for now; `onDrain` runs once it can take more (backpressure). */
  write(chunk: Buffer): boolean
  onDrain(listener: () => void): void
  /** The body is complete: flush everything (and make it durable). */
  close(): Promise<void>
  /** The exchange failed: stop, release what is held (a file keeps its bytes for a resume). */
  abandon(): Promise<void>
}

export interface BodyInfo {
  start: number
  /** The whole file's size when the server said it (Content-Length, or a 206's Content-Range). */
  size: number | null
  /** A strong ETag or a Last-Modified date: what `If-Range` may name to resume this file. */
  validator: string | null
}

export interface ExchangeRequest {
  /** Resume from byte `from`, only if the file is still the one `ifRange` names. */
  resume?: { from: number; ifRange: string }
}

export type ExchangeResult =
  | { kind: 'body'; info: BodyInfo; received: number }
  /** 416, or a 206 that does not continue where the file stopped: start again from zero. */
  | { kind: 'restart' }

type Hop = { kind: 'redirect'; location: string } | ExchangeResult

/** A strong ETag (a weak one is never valid in If-Range), else Last-Modified. */
function validatorOf(res: http.IncomingMessage): string | null {
  const etag = res.headers.etag
  if (etag && /^"[^"]*"$/.test(etag)) return etag
  return res.headers['last-modified'] ?? null
}

/** `bytes a-b/size` → the range, or null when it is not one we can use. */
function contentRange(raw: string | undefined): { start: number; end: number; size: number } | null {
  const m = raw ? /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(raw.trim()) : null
  if (!m) return null
  const [start, end, size] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return end >= start && end < size ? { start, end, size } : null
}

function fetchOnce(url: URL, opts: DownloadMediaOptions, deps: DownloadDeps, ask: ExchangeRequest, sink: BodySink): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(cancelled())
    const isHttps = url.protocol === 'https:'
    const trusted = isTrustedOrigin(url.href, deps.trustedOrigins)
    const headers: Record<string, string> = {
      Accept: 'image/*, video/*;q=0.9',
      'User-Agent': deps.userAgent,
      'Accept-Encoding': 'identity'
    }
    if (ask.resume) {
      headers.Range = `bytes=${ask.resume.from}-`
      headers['If-Range'] = ask.resume.ifRange
    }
    const request = (isHttps ? https : http).request(url, {
      method: 'GET',
      // Deliberately no Authorization, no cookies: the signature in the URL is the auth.
      headers,
      agent: isHttps ? deps.agents?.https : deps.agents?.http,
      ...(isHttps && !trusted && !deps.resolveHost ? { lookup: publicOnlyLookup } : {})
    })
    let settled = false
    let connected = false
    let opened = false
    let total = 0
    let declared: number | null = null
    let info: BodyInfo | null = null
    let parseError = false
    let response: http.IncomingMessage | null = null
    let requestClosed = false
    let responseClosed = false

    const finish = (error: unknown, hop?: Hop) => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (error) {
        request.destroy()
        const done = opened ? sink.abandon() : Promise.resolve()
        void done.catch(() => undefined).then(() => reject(error))
      } else if (hop?.kind === 'body') {
        sink.close().then(() => resolve(hop), reject)
      } else resolve(hop as Hop)
    }
    const onAbort = () => finish(cancelled())
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    const connectTimer = setTimeout(() => {
      if (!connected) finish(new AppError('timeout', 'Could not reach the media server in time. Check your connection.'))
    }, deps.connectTimeoutMs)
    request.on('socket', (socket) => {
      if (request.reusedSocket) connected = true
      else socket.once(isHttps ? 'secureConnect' : 'connect', () => (connected = true))
    })
    request.setTimeout(deps.idleTimeoutMs, () => finish(new AppError('timeout', 'The media server stopped sending data.')))
    const tooLong = () => invalidResponse('The media server sent more data than it declared; the file was discarded.')
    const malformed = () => invalidResponse('The media server sent a malformed answer.')
    const tooBig = () =>
      invalidResponse(`The file is larger than the ${mb(opts.maxBytes)} limit for this download; it was not saved.`)
    request.on('error', (e: NodeJS.ErrnoException) => {
      // Bytes after the declared end of the body surface as a parser error on the request.
      // They are judged once the exchange is over, after the body's own events have run.
      if (typeof e.code === 'string' && e.code.startsWith('HPE_')) {
        parseError = true
        if (!response) finish(malformed())
        return
      }
      if (e.code === 'ENOTPUBLIC') return finish(invalidResponse('The media link points to a local or private network address.'))
      finish(networkError(typeof e.code === 'string' ? e.code : 'socket error', connected ? undefined : 'Could not reach the media server. Check your connection.'))
    })

    // Judged only once both the request and the response are closed: by then every body
    // event and any parser error about trailing bytes has run.
    const judge = () => {
      if (settled || !requestClosed || (response && !responseClosed)) return
      if (parseError) return finish(response?.complete ? tooLong() : malformed())
      if (!response?.complete || !info) return finish(networkError('ECONNRESET'))
      if (declared !== null && total !== declared) return finish(total < declared ? networkError('short body') : tooLong())
      finish(null, { kind: 'body', info, received: total })
    }

    request.on('response', (res) => {
      response = res
      res.on('close', () => {
        responseClosed = true
        judge()
      })
      const status = res.statusCode ?? 0
      if (status >= 300 && status < 400) {
        const location = res.headers.location
        res.resume()
        if (!location) return finish(invalidResponse('The media server answered with a redirect to nowhere.', status))
        return finish(null, { kind: 'redirect', location })
      }
      if (status === 416 && ask.resume) {
        res.resume()
        return finish(null, { kind: 'restart' })
      }
      if (status !== 200 && !(status === 206 && ask.resume)) {
        res.resume()
        return finish(statusError(status))
      }
      const raw = res.headers['content-length']
      if (raw !== undefined) {
        declared = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN
        if (Number.isNaN(declared)) return finish(invalidResponse('The media server declared an invalid file size.'))
      }
      let start = 0
      let size = declared
      if (status === 206) {
        const range = contentRange(res.headers['content-range'])
        // Not the continuation we asked for: the only safe answer is the whole file again.
        if (!range || range.start !== ask.resume?.from || range.end !== range.size - 1) {
          res.resume()
          return finish(null, { kind: 'restart' })
        }
        if (declared !== null && declared !== range.end - range.start + 1) return finish(malformed())
        start = range.start
        size = range.size
      }
      if (size !== null && size > opts.maxBytes) return finish(tooBig())
      info = { start, size, validator: validatorOf(res) }
      try {
        sink.open(info, (e) => finish(e))
      } catch (e) {
        return finish(e)
      }
      opened = true
      res.on('data', (chunk: Buffer) => {
        if (settled) return
        total += chunk.length
        if (start + total > opts.maxBytes) return finish(tooBig())
        if (declared !== null && total > declared) return finish(tooLong())
        if (!sink.write(chunk)) {
          res.pause()
          sink.onDrain(() => res.resume())
        }
      })
      res.on('error', (e: NodeJS.ErrnoException) => finish(networkError(e.code ?? 'response error')))
    })
    request.on('close', () => {
      requestClosed = true
      judge()
    })
    request.end()
  })
}

/**
 * One exchange, following redirects: each new URL from the network passes the same guard
 * as the first. The client wraps it in the read retry policy.
 */
export async function exchange(
  raw: string,
  opts: DownloadMediaOptions,
  deps: DownloadDeps,
  ask: ExchangeRequest,
  sink: BodySink
): Promise<ExchangeResult> {
  if (!Number.isFinite(opts.maxBytes) || opts.maxBytes <= 0) throw new AppError('internal', 'A download needs a size limit.')
  const guard = { resolveHost: deps.resolveHost, trustedOrigins: deps.trustedOrigins, label: 'The media link' }
  let url = await assertPublicHttpsUrl(raw, guard)
  const maxRedirects = deps.maxRedirects ?? 3
  for (let hop = 0; ; hop++) {
    const result = await fetchOnce(url, opts, deps, ask, sink)
    if (result.kind !== 'redirect') return result
    if (hop >= maxRedirects) throw invalidResponse('The media server redirected too many times.')
    let next: string
    try {
      next = new URL(result.location, url).href
    } catch {
      throw invalidResponse('The media server redirected to an invalid address.')
    }
    url = await assertPublicHttpsUrl(next, guard)
  }
}

