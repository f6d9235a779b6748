// Loaded with `--import` into a process the double's utilityProcess.fork starts: gives it
// Electron's `process.parentPort`. Messages from the parent arrive as MessageEvent-like
// `{ data, ports }`; like a MessagePortMain they are queued until someone listens.
import { EventEmitter } from 'node:events'

const port = new EventEmitter()
const queued = []
let listening = false

port.postMessage = (message) => {
  process.send?.({ __krevUtility: 'message', data: message })
}
port.start = () => undefined
port.on('newListener', (name) => {
  if (name !== 'message' || listening) return
  listening = true
  queueMicrotask(() => queued.splice(0).forEach((data) => port.emit('message', { data, ports: [] })))
})

process.on('message', (raw) => {
  if (!raw || raw.__krevUtility !== 'message') return
  if (listening) port.emit('message', { data: raw.data, ports: [] })
  else queued.push(raw.data)
})

Object.defineProperty(process, 'parentPort', { value: port, enumerable: false })
// The 'message' listener above keeps the IPC channel referenced: like Electron's utility
// process, the child runs until it exits or is killed, not when its script's tick ends.
