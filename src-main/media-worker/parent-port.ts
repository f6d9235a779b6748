/**
 * A worker process's line to main, whoever started it: Electron's utilityProcess
 * (process.parentPort) or a Node child_process.fork (process.send). Shared by the media
 * worker and the sandbox worker; each says what it sends.
 */

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

export interface ParentPort<Out> {
  send(message: Out): void
  onMessage(listener: (message: unknown) => void): void
}

export function parentPort<Out>(): ParentPort<Out> {
  // Main gone (even by kill -9): go too, or a worker holding a server (the sandbox) would
  // outlive it. Electron ends a utility process with its parent itself; a Node IPC channel
  // (a fork, or the test double of utilityProcess) says so by disconnecting.
  if (process.send) process.on('disconnect', () => process.exit(0))
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    return { send: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data)) }
  }
  const send = process.send?.bind(process)
  if (!send) throw new Error('worker: started without an IPC channel')
  return { send: (m) => void send(m), onMessage: (l) => process.on('message', l) }
}
