import type { z } from 'zod'
import { accountCommands, accountEvents } from './account'
import { appCommands, appEvents } from './app'
import { batchCommands } from './batch'
import { chatCommands, chatEvents } from './chat'
import { generationCommands, generationEvents } from './generation'
import { libraryCommands, libraryEvents } from './library'
import { libraryDragCommands } from './library-drag'
import { productsCommands, productsEvents } from './products'
import { queueCommands, queueEvents } from './queue'

/**
 * The one contract between renderer and main. Main validates every input and output
 * against it; the renderer derives its types from it; the preload allow-lists its names.
 * Nobody retypes a channel by hand.
 */
export const commands = {
  ...appCommands,
  ...accountCommands,
  ...productsCommands,
  ...generationCommands,
  ...batchCommands,
  ...queueCommands,
  ...libraryCommands,
  ...libraryDragCommands,
  ...chatCommands
} as const

export const events = {
  ...appEvents,
  ...accountEvents,
  ...productsEvents,
  ...generationEvents,
  ...queueEvents,
  ...libraryEvents,
  ...chatEvents
} as const

export type Commands = typeof commands
export type CommandName = keyof Commands
/** What the renderer may pass: defaults may be omitted. */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>
/** What a handler receives: defaults applied, types narrowed. */
export type CommandArgs<N extends CommandName> = z.output<Commands[N]['input']>
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)
/** Own keys only: `__proto__`, `constructor` or `toString` are never command names. */
export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && own(commands, name)
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && own(events, name)

export * from './values'
export * from './common'
export * from './app'
export * from './account'
export * from './products'
export * from './product-import'
export * from './generation'
export * from './batch'
export * from './queue'
export * from './library'
export * from './library-drag'
export * from './chat'
