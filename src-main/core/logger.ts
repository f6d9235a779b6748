import { openLogFile, type LogFileOptions } from './log-file'

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** The file logger: also waits for its buffered lines (on quit). */
export interface FileLogger extends Logger {
  flush(): Promise<void>
}

const KEY_PATTERN = /sk_(live|test)_[A-Za-z0-9_-]+/g
const BEARER_PATTERN = /Bearer\s+[^\s"']+/gi

/**
 * Last line of defence: whatever reaches a log line, an API key or an Authorization
 * header is masked. Code must not log secrets in the first place; this catches mistakes.
 */
export function redact(text: string): string {
  return text.replace(KEY_PATTERN, 'sk_$1_[redacted]').replace(BEARER_PATTERN, 'Bearer [redacted]')
}

function format(level: string, message: string, fields?: Record<string, unknown>): string {
  const extra = fields ? ` ${safeJson(fields)}` : ''
  return redact(`${new Date().toISOString()} ${level} ${message}${extra}`)
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v))
  } catch {
    return '[unserialisable]'
  }
}

/** Writes `<dir>/studio.log` (non-blocking, rotated: log-file.ts) and mirrors to stderr when asked. */
export function createFileLogger(dir: string, opts: { mirror?: boolean; rotation?: LogFileOptions } = {}): FileLogger {
  const file = openLogFile(dir, opts.rotation)
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const line = format(level, message, fields)
    file.write(line)
    if (opts.mirror) process.stderr.write(`${line}\n`)
  }
  return { info: write('INFO'), warn: write('WARN'), error: write('ERROR'), flush: () => file.flush() }
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
