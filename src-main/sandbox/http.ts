import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { KeyRecord, UserRecord } from './types'

/** Thrown anywhere in a handler; the server turns it into `{success:false,error}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** What a handler produces; the server writes it (after fault rules had their say). */
export type ApiResult =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | {
      kind: 'file'
      status: 200 | 206
      filePath: string
      /** inclusive byte range to send */
      start: number
      end: number
      size: number
      headers: Record<string, string>
      headOnly: boolean
    }

export const ok = (data: unknown, extra: Record<string, unknown> = {}): ApiResult => ({
  kind: 'json',
  status: 200,
  body: { success: true, data, ...extra }
})

export const errorResult = (status: number, error: string, headers: Record<string, string> = {}): ApiResult => ({
  kind: 'json',
  status,
  body: { success: false, error },
  headers
})

export interface RequestContext {
  method: string
  url: URL
  path: string
  headers: IncomingHttpHeaders
  body: Buffer
  params: Record<string, string>
  /** Set by the router for bearer- or session-authenticated routes. */
  user: UserRecord | null
  key: KeyRecord | null
  /** Set by a `fail-generation` fault: the generation this request creates will fail. */
  failGeneration: string | null
}

export const JSON_LIMIT = 1024 * 1024
export const UPLOAD_LIMIT = 20 * 1024 * 1024
/** Envelope slack: multipart boundaries and part headers, or the JSON around a data URL. */
const ENVELOPE_SLACK = 64 * 1024
/** A 20 MB file still fits in a multipart upload. */
const MULTIPART_LIMIT = UPLOAD_LIMIT + ENVELOPE_SLACK
/**
 * POST /products also takes the image as a base64 data URL in JSON, which the reference
 * allows as an alternative to multipart: a 20 MB image is ~26.7 MB of base64 (4 chars per
 * 3 bytes), so that one JSON route gets an upload-sized cap instead of 1 MB.
 */
export const PRODUCT_JSON_LIMIT = Math.ceil(UPLOAD_LIMIT / 3) * 4 + ENVELOPE_SLACK
/** Past this we stop draining an oversized upload and drop the connection. */
const DRAIN_LIMIT = 64 * 1024 * 1024

const isMultipart = (headers: IncomingHttpHeaders): boolean =>
  (headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data')

/** Same normalisation as the router (empty segments ignored), so `/api/v1/products/` counts too. */
const isProductUpload = (method: string, path: string): boolean =>
  method === 'POST' && path.split('/').filter(Boolean).join('/') === 'api/v1/products'

/** The body cap for a request, and what its 413 says. */
export function bodyLimit(method: string, path: string, headers: IncomingHttpHeaders): { bytes: number; message: string } {
  const upload = { message: 'Upload too large: the maximum is 20 MB' }
  if (isMultipart(headers)) return { bytes: MULTIPART_LIMIT, ...upload }
  if (isProductUpload(method, path)) return { bytes: PRODUCT_JSON_LIMIT, ...upload }
  return { bytes: JSON_LIMIT, message: 'Request body too large: the maximum is 1 MB' }
}

/**
 * Reads the whole body, enforcing the cap for its route and content type. An oversized
 * body is drained (not buffered) so the client receives a clean 413 instead of a broken pipe.
 */
export function readBody(req: IncomingMessage, path: string): Promise<Buffer> {
  const { bytes: limit, message } = bodyLimit((req.method ?? 'GET').toUpperCase(), path, req.headers)
  const tooLarge = () => new HttpError(413, message)
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN)
    if (declared > DRAIN_LIMIT) {
      req.socket.destroy()
      return reject(tooLarge())
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > DRAIN_LIMIT) {
        req.socket.destroy()
        return reject(tooLarge())
      }
      if (size > limit) over = true
      else chunks.push(chunk)
    })
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
  })
}

/** Parses a JSON object body; arrays, primitives and junk are a 400. */
export function jsonBody(ctx: RequestContext): Record<string, unknown> {
  const text = ctx.body.toString('utf8').trim()
  if (!text) throw new HttpError(400, 'Request body must be a JSON object')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'Invalid JSON body')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'Request body must be a JSON object')
  }
  return value as Record<string, unknown>
}

export const isMultipartRequest = (ctx: RequestContext): boolean => isMultipart(ctx.headers)

/** Multipart parsing via the WHATWG Request (Node 20), after readBody capped the size. */
export async function formBody(ctx: RequestContext): Promise<FormData> {
  const contentType = ctx.headers['content-type'] ?? ''
  try {
    return await new Request('http://sandbox.local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: ctx.body as unknown as BodyInit
    }).formData()
  } catch {
    throw new HttpError(400, 'Malformed multipart/form-data body')
  }
}
