import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
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

/** Appends to `<dir>/studio.log` and mirrors to stderr when asked. */
export function createFileLogger(dir: string, opts: { mirror?: boolean } = {}): Logger {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'studio.log')
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const line = format(level, message, fields)
    try {
      appendFileSync(file, `${line}\n`, { mode: 0o600 })
    } catch {
      // A full disk must not take the app down with it.
    }
    if (opts.mirror) process.stderr.write(`${line}\n`)
  }
  return { info: write('INFO'), warn: write('WARN'), error: write('ERROR') }
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
