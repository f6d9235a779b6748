/**
 * How main reaches a worker process, whatever started it: Electron's utilityProcess in the
 * app (src-main/adapters/electron-utility-process.ts), child_process.fork in the headless
 * studio and the tests (src-main/media-worker/node-spawner.ts). The client sees only this.
 */
export interface WorkerChannel {
  /** Structured-clone messages (Buffers and Uint8Arrays survive). */
  postMessage(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
  /** Once, however the process ended (crash, kill, exit). */
  onExit(listener: (info: { code: number | null; signal: string | null }) => void): void
  kill(): void
  readonly pid: number | undefined
}

/** Starts the worker module at `entryPath` with `env` added to this process's environment. */
export type SpawnWorker = (entryPath: string, env?: Record<string, string>) => WorkerChannel
