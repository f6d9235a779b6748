import { commands, type CommandName } from '../../src-preload/contract'
import type { Handlers } from '../../src-main/ipc/router'

/**
 * A complete handler table for a test that exercises only some commands: the rest fail
 * loudly if a test reaches them by mistake. (The studio's own table is complete at compile time.)
 */
export function withUnusedHandlers(some: Partial<Handlers>): Handlers {
  const all = {} as Record<CommandName, unknown>
  for (const name of Object.keys(commands) as CommandName[]) {
    all[name] =
      some[name] ??
      (async () => {
        throw new Error(`"${name}" is not under test here`)
      })
  }
  return all as Handlers
}
