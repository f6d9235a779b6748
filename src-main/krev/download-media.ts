import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { AppError } from '../core/app-error'
import { sniffMedia } from '../media/media-type'
import { cancelled, invalidResponse } from './errors'
import type { DownloadedMedia, DownloadKind, DownloadMediaOptions } from './types'
import { assertPublicHttpsUrl, isPublicAddress, isTrustedOrigin, type UrlGuardOptions } from './url-guard'

/**
 * Downloads one signed media URL (a product photo, a generated image or video).
 *
 * - Signed URLs carry their own authorisation, so NO Authorization header is sent: the
 *   API key must never reach a storage host or CDN.
 * - https to a public host only (or the embedded sandbox's trusted origin), checked again
 *   after every redirect and at connect time (the socket's DNS answer must be public too,
 *   so a name that re-resolves to 127.0.0.1 between check and connect is refused).
 * - The size cap is enforced while streaming: past it the socket is destroyed, so memory
 *   stays bounded whatever the server sends. A body shorter or longer than its declared
 *   Content-Length is never returned.
 * - The bytes decide what the file is: an HTML error page served with 200 is refused.
 * One attempt; the client wraps it in the read retry policy.
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

const wanted = (accept: readonly DownloadKind[]): string =>
  accept.includes('image') && accept.includes('video') ? 'an image or video' : accept.includes('video') ? 'a video' : 'an image'

type Hop = { kind: 'redirect'; location: string } | { kind: 'done'; media: DownloadedMedia }

function fetchOnce(url: URL, opts: DownloadMediaOptions, deps: DownloadDeps): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(cancelled())
    const isHttps = url.protocol === 'https:'
    const trusted = isTrustedOrigin(url.href, deps.trustedOrigins)
    const request = (isHttps ? https : http).request(url, {
      method: 'GET',
      // Deliberately no Authorization, no cookies: the signature in the URL is the auth.
      headers: { Accept: 'image/*, video/*;q=0.9', 'User-Agent': deps.userAgent, 'Accept-Encoding': 'identity' },
      agent: isHttps ? deps.agents?.https : deps.agents?.http,
      ...(isHttps && !trusted && !deps.resolveHost ? { lookup: publicOnlyLookup } : {})
    })
    let settled = false
    let connected = false
    let received: Buffer[] = []
    let total = 0
    let declared: number | null = null
    let parseError = false
    let response: http.IncomingMessage | null = null

    const finish = (error: AppError | null, hop?: Hop) => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (error) {
        received = []
        request.destroy()
        reject(error)
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
      // They are judged on 'close', once the body's own events have run.
      if (typeof e.code === 'string' && e.code.startsWith('HPE_')) {
        parseError = true
        if (!response) finish(malformed())
        return
      }
      if (e.code === 'ENOTPUBLIC') return finish(invalidResponse('The media link points to a local or private network address.'))
      finish(networkError(typeof e.code === 'string' ? e.code : 'socket error', connected ? undefined : 'Could not reach the media server. Check your connection.'))
    })

    request.on('response', (res) => {
      response = res
      const status = res.statusCode ?? 0
      if (status >= 300 && status < 400) {
        const location = res.headers.location
        res.resume()
        if (!location) return finish(invalidResponse('The media server answered with a redirect to nowhere.', status))
        return finish(null, { kind: 'redirect', location })
      }
      if (status !== 200) {
        res.resume()
        return finish(statusError(status))
      }
      const raw = res.headers['content-length']
      if (raw !== undefined) {
        declared = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN
        if (Number.isNaN(declared)) return finish(invalidResponse('The media server declared an invalid file size.'))
        if (declared > opts.maxBytes) return finish(tooBig())
      }
      res.on('data', (chunk: Buffer) => {
        total += chunk.length
        if (total > opts.maxBytes) return finish(tooBig())
        if (declared !== null && total > declared) return finish(tooLong())
        received.push(chunk)
      })
      res.on('error', (e: NodeJS.ErrnoException) => finish(networkError(e.code ?? 'response error')))
    })
    // 'close' comes after 'end' and after any parser error about trailing bytes, so the
    // answer is judged only once the exchange is really over.
    request.on('close', () => {
      if (settled) return
      if (parseError) return finish(response?.complete ? tooLong() : malformed())
      if (!response?.complete) return finish(networkError('ECONNRESET'))
      if (declared !== null && total !== declared) return finish(total < declared ? networkError('short body') : tooLong())
      const data = Buffer.concat(received, total)
      if (data.length === 0) return finish(invalidResponse('The media server sent an empty file.'))
      const type = sniffMedia(data)
      if (!type || type.kind === 'other' || !opts.accept.includes(type.kind)) {
        const what = type ? type.label : 'an unknown kind of file'
        return finish(invalidResponse(`The link did not return ${wanted(opts.accept)} (it returned ${what}).`))
      }
      finish(null, { kind: 'done', media: { data, mimeType: type.mime } })
    })
    request.end()
  })
}

export async function downloadMedia(raw: string, opts: DownloadMediaOptions, deps: DownloadDeps): Promise<DownloadedMedia> {
  if (!Number.isFinite(opts.maxBytes) || opts.maxBytes <= 0) throw new AppError('internal', 'A download needs a size limit.')
  const guard = { resolveHost: deps.resolveHost, trustedOrigins: deps.trustedOrigins, label: 'The media link' }
  let url = await assertPublicHttpsUrl(raw, guard)
  const maxRedirects = deps.maxRedirects ?? 3
  for (let hop = 0; ; hop++) {
    const result = await fetchOnce(url, opts, deps)
    if (result.kind === 'done') return result.media
    if (hop >= maxRedirects) throw invalidResponse('The media server redirected too many times.')
    let next: string
    try {
      next = new URL(result.location, url).href
    } catch {
      throw invalidResponse('The media server redirected to an invalid address.')
    }
    // A redirect is a new URL from the network: it passes the same guard as the first.
    url = await assertPublicHttpsUrl(next, guard)
  }
}
