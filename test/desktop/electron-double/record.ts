// What the app did to Electron, in order: every call the double sees is recorded with
// whether `app` was ready at the time, so tests can assert the boot order. A broken
// rule is recorded as a violation AND thrown, so it fails loudly even if the app
// swallows the exception.

export interface CallRecord {
  seq: number
  api: string
  ready: boolean
  detail?: unknown
}

export const calls: CallRecord[] = []
export const violations: string[] = []

let ready = false
const readyWaiters: Array<() => void> = []

export function isReady(): boolean {
  return ready
}

/** Called once by the harness after the main script ran, like Electron's 'ready'. */
export function markReady(): void {
  if (ready) throw new Error('electron double: ready emitted twice')
  ready = true
  readyWaiters.splice(0).forEach((fn) => fn())
}

export function onReady(fn: () => void): void {
  if (ready) fn()
  else readyWaiters.push(fn)
}

const callObservers: Array<(api: string, detail: unknown) => void> = []

/** The harness watches for a call (e.g. the window's loadFile) instead of sleeping. */
export function onCall(fn: (api: string, detail: unknown) => void): void {
  callObservers.push(fn)
}

export function record(api: string, detail?: unknown): void {
  calls.push({ seq: calls.length, api, ready, ...(detail === undefined ? {} : { detail }) })
  callObservers.forEach((fn) => fn(api, detail))
}

/** Records the rule Electron would enforce and throws Electron's own error (or close to it). */
export function violate(message: string, ErrorType: ErrorConstructor = Error): never {
  violations.push(message)
  throw new ErrorType(message)
}

/** Most main-process modules: "can only be used after the ready event of the app module". */
export function requireReady(api: string, message = `${api} can only be used after the app 'ready' event`): void {
  if (!ready) violate(message)
}

export function requireBeforeReady(api: string, message: string): void {
  if (ready) violate(`${api}: ${message}`)
}
