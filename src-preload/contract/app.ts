import { z } from 'zod'
import { empty, text, url } from './common'
import { CONNECTION_MODES } from './values'

export const connectionMode = z.enum(CONNECTION_MODES)
export const connection = z.object({
  mode: connectionMode,
  /** Human label for the top bar, e.g. "Built-in sandbox" or "Krev · app.krev.ai". */
  label: z.string(),
  online: z.boolean()
})
export type Connection = z.infer<typeof connection>

export const appCommands = {
  'app.info': {
    input: empty,
    output: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      connection
    })
  },
  /** Opens an https link on the allow-list in the OS browser; anything else is refused. */
  'app.openExternal': {
    input: z.object({ url }).strict(),
    output: z.object({ opened: z.boolean() })
  },
  /** Round-trip check used by the shell and the smoke tests: echoes and emits `app.notice`. */
  'app.ping': {
    input: z.object({ message: text(200) }).strict(),
    output: z.object({ message: z.string(), at: z.string() })
  }
} as const

export const appEvents = {
  'app.connection': connection,
  'app.notice': z.object({
    level: z.enum(['info', 'success', 'warning', 'error']),
    message: z.string(),
    detail: z.string().optional()
  })
} as const
