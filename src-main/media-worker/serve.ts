import { createImageOps } from './image-ops'
import { loadSharp } from './load-sharp'
import { MEDIA_OP_NAMES, type MediaOps } from './media-ops'
import { isCallMessage, toWire, type CallMessage, type WorkerMessage } from './protocol'

/**
 * The worker's side of the channel: loads sharp (the build load-sharp picks), answers each
 * call once by id, and exits when main goes away. Runs under Electron's utilityProcess
 * (process.parentPort) or a Node child_process.fork (process.send).
 */

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

interface Port {
  send(message: WorkerMessage): void
  onMessage(listener: (message: unknown) => void): void
}

function parentPort(): Port {
  const electronPort = (process as { parentPort?: ParentPort }).parentPort
  if (electronPort) {
    // Electron ends a utility process together with its parent; nothing to watch for.
    return { send: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data)) }
  }
  const send = process.send?.bind(process)
  if (!send) throw new Error('media worker: started without an IPC channel')
  process.on('disconnect', () => process.exit(0))
  return { send: (m) => void send(m), onMessage: (l) => process.on('message', l) }
}

const isOpName = (op: string): op is keyof MediaOps => (MEDIA_OP_NAMES as readonly string[]).includes(op)

async function answer(ops: MediaOps, call: CallMessage): Promise<WorkerMessage> {
  try {
    if (!isOpName(call.op)) throw new Error(`media worker: unknown op ${String(call.op)}`)
    const run = ops[call.op] as (...args: unknown[]) => Promise<unknown>
    return { type: 'result', id: call.id, ok: true, value: await run(...call.args) }
  } catch (error) {
    return { type: 'result', id: call.id, ok: false, error: toWire(error) }
  }
}

export function serve(): void {
  const port = parentPort()
  const { sharp, build } = loadSharp()
  const ops = createImageOps(sharp)
  port.onMessage((message) => {
    if (isCallMessage(message)) void answer(ops, message).then((reply) => port.send(reply))
  })
  port.send({ type: 'ready', pid: process.pid, sharpBuild: build })
}
