import type { SharpBuild } from '../media-worker/load-sharp'
import type { FaultRule } from '../sandbox/faults'

/**
 * The messages between main and the sandbox worker. The worker says `ready` once it
 * listens to main; main answers `start` (the port to bind: 0 the first time, then the
 * one it got, so a restarted sandbox comes back at the same address); the worker says
 * `listening` or `failed`. `log` lines go to main's log; `close` shuts it down cleanly.
 */

export interface SandboxStart {
  port: number
  dataDir: string
  speed: number
  faults: FaultRule[]
  /** Tests only: where to write `{ baseUrl, adminToken }` once listening (the /__sandbox/* routes). */
  adminFile?: string
}

export type ToSandbox = { type: 'start'; options: SandboxStart } | { type: 'close' }

export type FromSandbox =
  | { type: 'ready'; pid: number; sharpBuild: SharpBuild }
  | { type: 'listening'; baseUrl: string; port: number; key: string }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'log'; line: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const FROM = ['ready', 'listening', 'failed', 'log']

export const isFromSandbox = (v: unknown): v is FromSandbox => isObject(v) && FROM.includes(String(v['type']))
export const isToSandbox = (v: unknown): v is ToSandbox => isObject(v) && (v['type'] === 'start' || v['type'] === 'close')
