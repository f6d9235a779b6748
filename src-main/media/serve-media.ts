import { createReadStream, type ReadStream } from 'node:fs'
import { parseByteRange } from '../core/byte-range'
import { parseMediaPath } from './media-url'
import type { MediaStore } from './media-store'
import { CONTENT_TYPES } from './media-type'

/**
 * The one media request handler, shared by Electron's `krev-media:` protocol and the
 * preview's `/__krev/media` route: a path and a Range header in, a status, headers and a
 * file slice out. No Electron, no http server: each host turns the reply into its own
 * response type. Only files the media store resolves can be served (ids validated,
 * symlinks refused, real path inside the root).
 */

export interface MediaFileSlice {
  path: string
  /** Inclusive byte offsets. */
  start: number
  end: number
}

export interface MediaReply {
  status: 200 | 206 | 400 | 404 | 405 | 416
  headers: Record<string, string>
  /** What to send as the body; absent for errors and HEAD. */
  file?: MediaFileSlice
}

export interface MediaRequest {
  /** `/<mode>/<area>/<id>/<variant>`, after the host's own prefix. */
  pathname: string
  range?: string | null | undefined
  method?: string
}


const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // The file can change (a thumbnail made again) under the same URL: always revalidate.
  'Cache-Control': 'no-cache',
  // Media is displayed, never run: even opened directly, it gets no scripts or plugins.
  'Content-Security-Policy': "default-src 'none'; sandbox"
}

const reply = (status: MediaReply['status'], extra: Record<string, string> = {}): MediaReply => ({
  status,
  headers: { ...BASE_HEADERS, 'Content-Length': '0', ...extra }
})

export async function serveMedia(store: MediaStore, req: MediaRequest): Promise<MediaReply> {
  const method = (req.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') return reply(405, { Allow: 'GET, HEAD' })
  const ref = parseMediaPath(req.pathname)
  if (!ref) return reply(404)
  const stored = await store.resolve(ref).catch(() => null)
  if (!stored) return reply(404)

  const size = stored.size
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'Content-Type': CONTENT_TYPES[stored.ext] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Last-Modified': new Date(stored.mtimeMs).toUTCString()
  }
  const range = parseByteRange(req.range, size)
  if (range === 'unsatisfiable') return reply(416, { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' })
  const slice = range ?? { start: 0, end: size - 1 }
  headers['Content-Length'] = String(slice.end - slice.start + 1)
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`
  const status = range ? 206 : 200
  if (method === 'HEAD' || size === 0) return { status, headers }
  return { status, headers, file: { path: stored.path, ...slice } }
}

/** The body of a reply as a Node stream (the caller pipes or converts it). */
export function openMediaStream(file: MediaFileSlice): ReadStream {
  return createReadStream(file.path, { start: file.start, end: file.end })
}
