import { utilityProcess } from 'electron'
import type { SpawnWorker, WorkerChannel } from '../media-worker/channel'

/**
 * A worker (media, sandbox) as an Electron utility process (the app's spawners, passed to
 * createStudio): a Chromium-managed child that shows up as `serviceName` in the task
 * manager and in `child-process-gone`, and ends with the app. Call after `ready`.
 * Its stdout/stderr go to the app's own (inherit), so nothing fills an unread pipe.
 */
export const utilityProcessSpawner = (serviceName: string): SpawnWorker => (entryPath, env = {}) => {
  const child = utilityProcess.fork(entryPath, [], {
    serviceName,
    env: { ...process.env, ...env },
    stdio: 'inherit'
  })
  let exited = false
  const channel: WorkerChannel = {
    postMessage: (message) => {
      if (!exited) child.postMessage(message)
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) =>
      child.once('exit', (code: number) => {
        exited = true
        listener({ code, signal: null })
      }),
    kill: () => void child.kill(),
    get pid() {
      return child.pid
    }
  }
  return channel
}

export const spawnUtilityProcessWorker: SpawnWorker = utilityProcessSpawner('Krev Studio media')
