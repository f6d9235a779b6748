import type { CommandName, EventName } from './contract'

/**
 * The contract's command and event names, for the preload's allow-list. A sandboxed preload
 * is one file shipped to every window, so it must not carry zod: the build replaces the
 * virtual module with the names read from the contract itself (electron.vite.config.ts),
 * so the list is never written by hand. Outside the build (tests), it is computed directly.
 */
export interface ContractNames {
  commands: readonly CommandName[]
  events: readonly EventName[]
}

const own = (list: readonly string[]) => {
  const set = new Set(list)
  return (name: unknown): boolean => typeof name === 'string' && set.has(name)
}

export function nameGuards(names: ContractNames): {
  isCommandName: (name: unknown) => name is CommandName
  isEventName: (name: unknown) => name is EventName
} {
  return {
    isCommandName: own(names.commands) as (name: unknown) => name is CommandName,
    isEventName: own(names.events) as (name: unknown) => name is EventName
  }
}
