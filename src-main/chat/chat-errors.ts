import { AppError, isAppError } from '../core/app-error'
import { wasMaybeProcessed } from '../krev/errors'

/**
 * What chat failures mean for the creator and for polling. The client's own messages
 * are kept unless chat knows better (a 403 from the chat API is about what the agent may
 * do, not about the key's scopes only, so the server's words are what helps).
 */

/** No answer at all (no HTTP status): the machine is offline or Krev is unreachable. */
export const isOffline = (e: unknown): boolean =>
  isAppError(e) && (e.code === 'network' || e.code === 'timeout') && e.status === undefined

/** Errors after which a run can never be polled successfully: record it as failed. */
const FINAL_FOR_RUN = new Set(['not_found', 'forbidden', 'bad_request', 'invalid_input'])
export const isFinalForRun = (e: unknown): e is AppError => isAppError(e) && FINAL_FOR_RUN.has(e.code)

const sentence = (text: string): string => (/[.!?…"”]$/.test(text) ? text : `${text}.`)

/**
 * A 403 from POST /chat: Meta campaign/account changes (or a key without the chat
 * scope). The creator sees Krev's own explanation plus where to go instead.
 */
export function chatForbidden(e: AppError): AppError {
  const server = e.serverMessage?.trim()
  if (!server) return e
  const hint = /\bmeta\b|campaign|ad ?account/i.test(server)
    ? ' Make campaign and account changes in Krev or Meta Ads Manager; the chat here can plan and create assets.'
    : /scope/i.test(server)
      ? ' Add the chat scope to your API key in the Krev dashboard.'
      : ''
  return new AppError('forbidden', `${sentence(server)}${hint}`, {
    retryable: false,
    serverMessage: server,
    ...(e.status !== undefined ? { status: e.status } : {}),
    cause: e
  })
}

/** The error `chat.send` reports for a failed POST /chat. */
export function sendFailure(e: unknown, continuing: boolean): unknown {
  if (!isAppError(e)) return e
  if (e.code === 'forbidden') return chatForbidden(e)
  if (e.code === 'not_found' && continuing) {
    return new AppError('not_found', 'This conversation no longer exists on Krev. Start a new brief to continue.', {
      retryable: false,
      cause: e
    })
  }
  if (wasMaybeProcessed(e)) {
    // No run id came back, so there is nothing to poll; say where the answer will show up.
    return new AppError(
      e.code,
      'The connection dropped after your message was sent. Krev may still answer it: reopen the conversation in a moment before sending it again.',
      { retryable: false, cause: e }
    )
  }
  return e
}

/** Shown on a run that polling had to give up on. */
export function runLostMessage(e: AppError): string {
  switch (e.code) {
    case 'not_found':
      return 'Krev no longer has this request, so its answer can’t be shown.'
    case 'forbidden':
      return chatForbidden(e).message
    default:
      return `Krev Studio couldn’t follow this request: ${e.message}`
  }
}
