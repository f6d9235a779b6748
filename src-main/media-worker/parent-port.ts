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
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    // Electron ends a utility process together with its parent; nothing to watch for.
    return { send: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data)) }
  }
  const send = process.send?.bind(process)
  if (!send) throw new Error('worker: started without an IPC channel')
  process.on('disconnect', () => process.exit(0))
  return { send: (m) => void send(m), onMessage: (l) => process.on('message', l) }
}
