import { z } from 'zod'
import {
  commands,
  isCommandName,
  type CommandArgs,
  type CommandName,
  type CommandOutput,
  type Envelope
} from '../../src-preload/contract'
import { AppError, isAppError } from '../core/app-error'

/** Who is calling: transports fill this in after their own sender checks. */
export interface CallContext {
  transport: 'ipc' | 'bridge' | 'test'
}

export type Handler<N extends CommandName> = (input: CommandArgs<N>, ctx: CallContext) => Promise<CommandOutput<N>>
export type Handlers = { [N in CommandName]: Handler<N> }

export interface Router {
  dispatch(name: unknown, input: unknown, ctx: CallContext): Promise<Envelope<unknown>>
}

export interface RouterOptions {
  /** Where unexpected errors are reported (never with inputs: they may hold a key). */
  onInternalError?: (name: string, error: unknown) => void
}

const fail = (error: AppError): Envelope<never> => ({ ok: false, error: error.toShape() })

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}

/**
 * Validates every input against the contract before any handler sees it, and every
 * output before the renderer sees it. Every command has its handler: a missing one is a
 * compile error (`Handlers` is complete), not a state the renderer has to handle.
 */
export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  const table = new Map<CommandName, Handler<CommandName>>()
  for (const name of Object.keys(handlers)) {
    if (!isCommandName(name)) throw new Error(`Handler for unknown command "${name}"`)
    table.set(name, handlers[name] as Handler<CommandName>)
  }

  return {
    async dispatch(name, input, ctx) {
      if (!isCommandName(name)) {
        const shown = typeof name === 'string' ? name.slice(0, 80) : typeof name
        return fail(new AppError('unknown_command', `Unknown command "${shown}"`))
      }
      const handler = table.get(name) as Handler<CommandName>

      const spec = commands[name]
      const parsed = spec.input.safeParse(input === undefined ? {} : input)
      if (!parsed.success) {
        const first = parsed.error.issues[0]
        return fail(new AppError('invalid_input', first ? describeIssue(first) : 'Invalid input'))
      }
      try {
        const data = await handler(parsed.data as CommandArgs<CommandName>, ctx)
        const checked = spec.output.safeParse(data)
        if (!checked.success) {
          options.onInternalError?.(name, checked.error)
          return fail(new AppError('internal', `"${name}" produced an invalid reply`))
        }
        return { ok: true, data: checked.data }
      } catch (error) {
        if (isAppError(error)) return fail(error)
        options.onInternalError?.(name, error)
        return fail(new AppError('internal', 'Something went wrong in Krev Studio. Please try again.'))
      }
    }
  }
}
