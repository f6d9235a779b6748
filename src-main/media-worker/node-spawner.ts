import { fork } from 'node:child_process'
import type { SpawnWorker, WorkerChannel } from './channel'

/**
 * The worker as a Node child process, for the headless studio and the tests. A `.ts`
 * entry (the source, in tests) runs through tsx; the built `.js` runs as is.
 */
export const spawnNodeWorker: SpawnWorker = (entryPath, env = {}) => {
  const child = fork(entryPath, [], {
    env: { ...process.env, ...env },
    execArgv: entryPath.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // Buffers and Uint8Arrays survive the trip (JSON would turn them into objects).
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    windowsHide: true
  })
  const channel: WorkerChannel = {
    postMessage: (message) => {
      if (child.connected) child.send(message as object)
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code, signal) => listener({ code, signal })),
    kill: () => void child.kill('SIGKILL'),
    get pid() {
      return child.pid
    }
  }
  // A failed spawn (ENOENT, EAGAIN) ends like an exit, so the client's calls reject rather than hang.
  child.once('error', () => child.emit('exit', null, null))
  return channel
}
