import type { ErrorCode } from '../../src-preload/contract'
import { AppError, isAppError } from '../core/app-error'
import type { MediaOps } from './media-ops'
import type { SharpBuild } from './load-sharp'

/**
 * The messages between main and the media worker: one request per call, answered once by
 * id; the worker first says it is ready (and which sharp build it
 * loaded), and the client sends nothing before that. Everything is
 * structured-clone data, so image bytes travel as Uint8Array, and files go by path.
 */

export type OpName = keyof MediaOps
export type OpArgs<K extends OpName> = Parameters<MediaOps[K]>
export type OpResult<K extends OpName> = Awaited<ReturnType<MediaOps[K]>>

export interface CallMessage {
  type: 'call'
  id: number
  op: OpName
  args: unknown[]
}

/** An error as it crosses the process boundary. */
export interface WireError {
  name: string
  message: string
  /** AppError's code, or a Node errno code (ENOSPC…) so callers can still tell disk errors apart. */
  code?: string
  retryable?: boolean
  appError?: boolean
}

export type WorkerMessage =
  | { type: 'ready'; pid: number; sharpBuild: SharpBuild }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: WireError }

export function toWire(error: unknown): WireError {
  if (isAppError(error)) return { name: 'AppError', message: error.message, code: error.code, retryable: error.retryable, appError: true }
  const e = error instanceof Error ? error : new Error(String(error))
  const code = (e as NodeJS.ErrnoException).code
  return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) }
}

export function fromWire(wire: WireError): Error {
  if (wire.appError && wire.code) {
    return new AppError(wire.code as ErrorCode, wire.message, wire.retryable === undefined ? {} : { retryable: wire.retryable })
  }
  const error = new Error(wire.message) as NodeJS.ErrnoException
  error.name = wire.name
  if (wire.code) error.code = wire.code
  return error
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

export function isCallMessage(v: unknown): v is CallMessage {
  return isObject(v) && v['type'] === 'call' && typeof v['id'] === 'number' && typeof v['op'] === 'string' && Array.isArray(v['args'])
}

export function isWorkerMessage(v: unknown): v is WorkerMessage {
  return isObject(v) && (v['type'] === 'ready' || v['type'] === 'result')
}
