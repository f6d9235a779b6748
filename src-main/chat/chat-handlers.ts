import type { Handlers } from '../ipc/router'
import type { ChatService } from './chat-service'

export type ChatHandlers = Pick<Handlers, 'chat.send' | 'chat.conversations' | 'chat.conversation' | 'chat.rename' | 'chat.delete'>

/** The chat commands; inputs arrive validated by the router against the contract. */
export function chatHandlers(service: ChatService): ChatHandlers {
  return {
    'chat.send': (input) => service.send(input),
    'chat.conversations': (input) => service.conversations(input),
    'chat.conversation': ({ id }) => service.conversation(id),
    'chat.rename': ({ id, title }) => service.rename(id, title),
    'chat.delete': ({ id }) => service.remove(id)
  }
}
