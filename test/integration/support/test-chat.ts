import type { Connection } from '../../../src-preload/contract'
import type { ChatConnection } from '../../../src-main/chat/chat-service'
import { EventBus } from '../../../src-main/ipc/event-bus'
import type { KrevClient } from '../../../src-main/krev'

/** A sandbox-mode connection that is always online, answering with `client`. */
export function sandboxChatConnection(client: () => KrevClient): ChatConnection {
  return {
    mode: () => 'sandbox',
    client: async () => client(),
    reportOnline: () => undefined,
    onChange: (_l: (s: Connection) => void) => () => undefined
  }
}

/** An event bus on which an event the contract refuses fails the test. */
export function strictBus(): EventBus {
  return new EventBus((name, issue) => {
    throw new Error(`invalid event ${name}: ${issue}`)
  })
}
