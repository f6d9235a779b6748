import type { KrevBridgeApi } from '../../../src-preload/api'
import type {
  CommandInput,
  CommandName,
  CommandOutput,
  ErrorCode,
  ErrorShape,
  EventName,
  EventPayload
} from '../../../src-preload/contract'

/** Every code main can answer, plus the renderer's own "no bridge" case. */
export type StudioErrorCode = ErrorCode | 'not_connected'

const NOT_CONNECTED =
  'Not connected to Krev Studio. This window was opened outside the app, so it cannot reach your account or library.'

/** The one error type of the renderer: what main said, typed. */
export class StudioError extends Error {
  readonly code: StudioErrorCode
  readonly retryable: boolean
  readonly retryAfterMs?: number

  constructor(code: StudioErrorCode, message: string, retryable = false, retryAfterMs?: number) {
    super(message)
    this.name = 'StudioError'
    this.code = code
    this.retryable = retryable
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs
  }

  static from(shape: ErrorShape): StudioError {
    return new StudioError(shape.code, shape.message, shape.retryable, shape.retryAfterMs)
  }
}

export const isStudioError = (e: unknown): e is StudioError => e instanceof StudioError

/** A message a creator can read, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (isStudioError(e)) return e.message
  if (e instanceof Error && e.message) return e.message
  return 'Something went wrong. Please try again.'
}

/** The bridge the preload (or the web preview shim) installed, if any. */
export function bridge(): KrevBridgeApi | null {
  if (typeof window === 'undefined') return null
  const api = window.krev
  return api && typeof api.invoke === 'function' && typeof api.on === 'function' ? api : null
}

export const isConnected = (): boolean => bridge() !== null

/** Where a dropped/picked file is on disk (desktop app), or null (web preview, or no path). */
export function pathForFile(file: File): string | null {
  const lookup = bridge()?.pathForFile
  if (typeof lookup !== 'function') return null
  try {
    return lookup(file) || null
  } catch {
    return null
  }
}

/** Calls a command and returns its data, or throws a StudioError. */
export async function invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const api = bridge()
  if (!api) throw new StudioError('not_connected', NOT_CONNECTED)
  let envelope: unknown
  try {
    envelope = await api.invoke(name, input)
  } catch {
    throw new StudioError('internal', 'Krev Studio did not answer. Please try again.', true)
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new StudioError('invalid_response', 'Krev Studio sent a reply this window does not understand.')
  }
  const env = envelope as { ok: true; data: CommandOutput<N> } | { ok: false; error: ErrorShape }
  if (env.ok) return env.data
  throw StudioError.from(env.error)
}

/** Listens to a pushed event; returns the unsubscribe. A no-op without a bridge. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const api = bridge()
  if (!api) return () => undefined
  return api.on(event, listener)
}
