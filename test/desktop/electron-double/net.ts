// `net`: Electron's Chromium network stack in main. "The net module can only be used
// after the app emits the ready event" (docs, api/net.md). The double answers with Node's
// fetch, so Krev calls still reach the embedded sandbox on loopback.
import { record, requireReady } from './record'

export const net = {
  fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    record('net.fetch', { url: typeof input === 'string' ? input : input.url })
    requireReady('net.fetch')
    return fetch(input, init)
  },
  isOnline(): boolean {
    return true
  },
  get online(): boolean {
    return true
  }
}
