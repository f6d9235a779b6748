import type { z } from 'zod'
import type { HttpResponse } from './http'
import { cleanServerText, httpError, invalidResponse } from './errors'
import { parseRetryAfter } from './retry-after'

/**
 * Krev wraps every answer as `{ success: true, data }` or `{ success: false, error }`.
 * This turns an HTTP response into the validated payload or a typed AppError:
 * anything that is not the documented JSON (an HTML error page from a proxy, a body cut
 * short, a 2xx saying success:false, missing fields) becomes 'invalid_response'.
 */

export interface DecodeContext {
  /** The key of this request, only to scrub it from any text the server echoes. */
  key: string
  now: number
  maxRetryAfterMs: number
}

function parseJson(res: HttpResponse): { ok: true; value: unknown } | { ok: false; html: boolean } {
  const text = res.body.toString('utf8').replace(/^\uFEFF/, '')
  const type = String(res.headers['content-type'] ?? '').toLowerCase()
  const html = type.includes('text/html') || /^\s*</.test(text)
  if (html) return { ok: false, html: true }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, html: false }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Throws the AppError for a non-2xx answer (always throws). */
export function throwForStatus(res: HttpResponse, ctx: DecodeContext): never {
  const parsed = parseJson(res)
  const server = parsed.ok && isRecord(parsed.value) ? cleanServerText(parsed.value.error, ctx.key) : undefined
  if (res.status >= 300 && res.status < 400) {
    throw invalidResponse('Krev answered with an unexpected redirect. Check the API address in Settings.', res.status)
  }
  const retryAfterMs = parseRetryAfter(res.headers['retry-after'], ctx.now, ctx.maxRetryAfterMs)
  throw httpError(res.status, server, retryAfterMs)
}

/**
 * The whole envelope when `dataKey` is null (e.g. conversions answer at top level),
 * otherwise its `data` member, validated by `schema`.
 */
export function decode<S extends z.ZodType>(
  res: HttpResponse,
  schema: S,
  ctx: DecodeContext,
  what: string,
  dataKey: 'data' | null = 'data'
): z.output<S> {
  if (res.status < 200 || res.status >= 300) throwForStatus(res, ctx)
  const parsed = parseJson(res)
  if (!parsed.ok) {
    throw invalidResponse(
      parsed.html
        ? `Krev answered with a web page instead of ${what}. The service may be down; try again later.`
        : `Krev's answer with ${what} was incomplete or unreadable. Try again.`,
      res.status
    )
  }
  const body = parsed.value
  if (!isRecord(body)) throw invalidResponse(`Krev's answer with ${what} was not in the expected format.`, res.status)
  if (body.success !== true) {
    const server = cleanServerText(body.error, ctx.key)
    throw invalidResponse(
      `Krev did not confirm the request${server ? `: "${server}"` : '.'}`,
      res.status,
      server
    )
  }
  const payload = dataKey === null ? body : body[dataKey]
  const result = schema.safeParse(payload)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue ? issue.path.map(String).join('.') : ''
    // Only the field path is shown: values could be anything the server sent.
    throw invalidResponse(
      `Krev's answer with ${what} was missing or had unexpected data${where ? ` (${where})` : ''}.`,
      res.status
    )
  }
  return result.data
}
