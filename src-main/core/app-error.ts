import type { ErrorCode, ErrorShape } from '../../src-preload/contract'

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'server_error', 'network', 'timeout', 'io'])

/**
 * The one error type of main. Services throw it; the router turns it into the
 * `{ok:false,error}` envelope. Messages are for creators: short, specific, actionable,
 * and never carry a secret.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly retryable: boolean
  readonly retryAfterMs?: number
  /** The server's own `error` text, when there was one. */
  readonly serverMessage?: string
  readonly status?: number

  constructor(
    code: ErrorCode,
    message: string,
    opts: { retryable?: boolean; retryAfterMs?: number; serverMessage?: string; status?: number; cause?: unknown } = {}
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.retryable = opts.retryable ?? RETRYABLE.has(code)
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs
    if (opts.serverMessage !== undefined) this.serverMessage = opts.serverMessage
    if (opts.status !== undefined) this.status = opts.status
  }

  toShape(): ErrorShape {
    const shape: ErrorShape = { code: this.code, message: this.message, retryable: this.retryable }
    if (this.retryAfterMs !== undefined) shape.retryAfterMs = this.retryAfterMs
    return shape
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
