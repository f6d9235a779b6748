import { createImageOps } from './image-ops'
import { loadSharp } from './load-sharp'
import { MEDIA_OP_NAMES, type MediaOps } from './media-ops'
import { parentPort } from './parent-port'
import { isCallMessage, toWire, type CallMessage, type WorkerMessage } from './protocol'

/**
 * The worker's side of the channel: loads sharp (the build load-sharp picks), answers each
 * call once by id, and exits when main goes away. Runs under Electron's utilityProcess
 * (process.parentPort) or a Node child_process.fork (process.send).
 */

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
  const port = parentPort<WorkerMessage>()
  const { sharp, build } = loadSharp()
  const ops = createImageOps(sharp)
  port.onMessage((message) => {
    if (isCallMessage(message)) void answer(ops, message).then((reply) => port.send(reply))
  })
  port.send({ type: 'ready', pid: process.pid, sharpBuild: build })
}
