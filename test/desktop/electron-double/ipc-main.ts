// ipcMain. Electron's rules: one handler per channel ("Attempted to register a second
// handler for '<channel>'"); an invoke with no handler rejects ("No handler registered
// for '<channel>'"); a handler's error reaches the renderer as "Error invoking remote
// method '<channel>': <error>"; arguments and results are structured-cloned (docs,
// api/ipc-renderer.md: "Arguments will be serialized with the Structured Clone Algorithm").
import { EventEmitter } from 'node:events'
import { record, violate } from './record'
import type { WebContents } from './web-contents'
import type { WebFrameMain } from './web-frame-main'

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

export interface IpcMainInvokeEvent {
  type: 'frame'
  sender: WebContents
  senderFrame: WebFrameMain | null
  frameId: number
  processId: number
}

class IpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>()

  handle(channel: string, handler: InvokeHandler): void {
    record('ipcMain.handle', { channel })
    if (this.handlers.has(channel)) violate(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.handlers.delete(channel)
      return handler(event, ...args)
    })
  }

  removeHandler(channel: string): void {
    record('ipcMain.removeHandler', { channel })
    this.handlers.delete(channel)
  }

  hasHandler(channel: string): boolean {
    return this.handlers.has(channel)
  }

  /** Test control: what Electron does when `frame` of `sender` calls ipcRenderer.invoke. */
  async invokeFrom(sender: WebContents, frame: WebFrameMain, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    const event: IpcMainInvokeEvent = {
      type: 'frame',
      sender,
      senderFrame: frame,
      frameId: frame.routingId,
      processId: frame.processId
    }
    let result: unknown
    try {
      result = await handler(event, ...structuredClone(args))
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`)
    }
    try {
      return structuredClone(result)
    } catch (error) {
      violate(`Error invoking remote method '${channel}': the reply could not be cloned (${String(error)})`)
    }
  }
}

export const ipcMain = new IpcMain()
