import { AppError } from '../core/app-error'
import type { ErrorCode } from '../../src-preload/contract'

/**
 * Turning HTTP answers and socket failures into AppError. Messages are sentences a
 * creator can act on; the server's own text is kept in `serverMessage` (and quoted in the
 * message when it helps). Nothing here ever sees the API key except `redact`, which
 * removes it from any text the server might echo back.
 */

/** Errors for which a POST may have reached Krev before the connection died. */
const maybeProcessed = new WeakSet<object>()

/**
 * True when a create POST failed after its bytes were sent: Krev may have started the
 * job (and charged for it). Callers must reconcile (look the generation up) rather than
 * POST again. Kept outside AppError so its shape stays unchanged.
 */
export function wasMaybeProcessed(err: unknown): boolean {
  return typeof err === 'object' && err !== null && maybeProcessed.has(err)
}

export function markMaybeProcessed<E extends object>(err: E): E {
  maybeProcessed.add(err)
  return err
}

export const invalidInput = (message: string): AppError =>
  new AppError('invalid_input', message, { retryable: false })

export const invalidResponse = (message: string, status?: number, serverMessage?: string): AppError =>
  new AppError('invalid_response', message, {
    retryable: false,
    ...(status !== undefined ? { status } : {}),
    ...(serverMessage !== undefined ? { serverMessage } : {})
  })

export const cancelled = (): AppError => new AppError('cancelled', 'Cancelled.', { retryable: false })

const MAX_SERVER_TEXT = 300

/** Replaces every occurrence of the key (and its Bearer form) with a placeholder. */
export function redact(text: string, key: string | null | undefined): string {
  if (!key) return text
  return text.split(key).join('[redacted]')
}

/** The server's `error` text, shortened, without control characters or the key. */
export function cleanServerText(raw: unknown, key: string | null | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined
  // eslint-disable-next-line no-control-regex
  const text = redact(raw, key).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  if (!text) return undefined
  return text.length > MAX_SERVER_TEXT ? `${text.slice(0, MAX_SERVER_TEXT)}…` : text
}

export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request'
    case 401:
      return 'unauthorized'
    case 402:
      return 'insufficient_credits'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 408:
      return 'timeout'
    case 413:
      return 'payload_too_large'
    case 429:
      return 'rate_limited'
    default:
      return status >= 500 ? 'server_error' : 'bad_request'
  }
}

const said = (server?: string): string => (server ? ` Krev said: "${server}"` : '')

function messageFor(code: ErrorCode, server?: string): string {
  switch (code) {
    case 'bad_request':
      return `Krev couldn't accept this request.${said(server)}`
    case 'unauthorized':
      return 'Krev refused your API key. Check it in Settings, or create a new one in the Krev dashboard.'
    case 'insufficient_credits':
      return 'You don\u2019t have enough Krev credits for this. Top up, or choose fewer or smaller outputs.'
    case 'forbidden':
      return `Your API key isn\u2019t allowed to do this. Check its scopes in the Krev dashboard.${said(server)}`
    case 'not_found':
      return `Krev couldn't find that item. It may have been deleted.${said(server)}`
    case 'payload_too_large':
      return 'That file is too large for Krev. Use an image under 20 MB.'
    case 'rate_limited':
      return 'Krev is limiting how fast requests can be sent. Waiting before trying again.'
    case 'timeout':
      return 'Krev took too long to answer. Check your connection and try again.'
    case 'server_error':
      return `Krev had a problem on its side. Please try again in a moment.${said(server)}`
    default:
      return `Krev answered with an error.${said(server)}`
  }
}

/** An AppError for a non-2xx HTTP answer. 408/429/5xx are retryable; other 4xx are not. */
export function httpError(
  status: number,
  serverMessage: string | undefined,
  retryAfterMs: number | undefined
): AppError {
  const code = codeForStatus(status)
  const retryable = code === 'rate_limited' || code === 'server_error' || code === 'timeout'
  return new AppError(code, messageFor(code, serverMessage), {
    retryable,
    status,
    ...(serverMessage !== undefined ? { serverMessage } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {})
  })
}

/** The failure kinds the transport reports; `sent` says whether bytes may have left. */
export type TransportFailure =
  | { kind: 'network'; sent: boolean; detail: string }
  | { kind: 'timeout'; sent: boolean; phase: 'connect' | 'response' }

/**
 * A socket-level failure as an AppError. After a POST was sent we cannot know if Krev
 * acted on it, so the error is not retryable and is marked maybe-processed.
 */
export function transportError(f: TransportFailure, opts: { idempotent: boolean }): AppError {
  const ambiguous = f.sent && !opts.idempotent
  // A cause with only the socket error code: no request object, no headers.
  const cause = new Error(f.kind === 'network' ? f.detail : `${f.phase} timeout`)
  let err: AppError
  if (f.kind === 'timeout') {
    err = new AppError(
      'timeout',
      ambiguous
        ? 'Krev stopped answering after the request was sent. It may still be processing it, so it was not sent again.'
        : f.phase === 'connect'
          ? 'Could not reach Krev in time. Check your internet connection.'
          : 'Krev took too long to answer. Check your connection and try again.',
      { retryable: !ambiguous, cause }
    )
  } else {
    err = new AppError(
      'network',
      ambiguous
        ? 'The connection to Krev dropped after the request was sent. It may still be processing it, so it was not sent again.'
        : 'Could not reach Krev. Check your internet connection.',
      { retryable: !ambiguous, cause }
    )
  }
  return ambiguous ? markMaybeProcessed(err) : err
}
