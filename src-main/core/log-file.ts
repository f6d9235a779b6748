import { createWriteStream, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs'
import { join } from 'node:path'

/**
 * The log file behind the file logger: appended through a write stream so a log line
 * never blocks main's event loop (the old appendFileSync did, on every line), rotated by
 * size and by age, so a long-running studio never fills the disk with logs.
 *
 * `studio.log` is the current file; on rotation it becomes `studio.1.log`, the older ones
 * shift up and anything past `keep` files or older than `maxAgeDays` is deleted. The
 * trade-off: lines still in the stream's buffer when the process dies natively are lost;
 * `flush()` (called on quit) writes them.
 */

export interface LogFileOptions {
  /** Rotate once the current file reaches this size. */
  maxBytes?: number
  /** Rotate a file older than this, even if small (a day's log per file at most). */
  maxFileAgeMs?: number
  /** Rotated files kept besides the current one. */
  keep?: number
  /** Rotated files older than this are deleted, whatever `keep` says. */
  maxAgeDays?: number
  now?: () => number
}

export interface LogFile {
  write(line: string): void
  /** Resolves once every line written so far is on disk. */
  flush(): Promise<void>
}

const ROTATED = /^studio\.(\d+)\.log$/

export function openLogFile(dir: string, options: LogFileOptions = {}): LogFile {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024
  const maxFileAgeMs = options.maxFileAgeMs ?? 24 * 60 * 60 * 1000
  const keep = options.keep ?? 5
  const maxAgeMs = (options.maxAgeDays ?? 14) * 24 * 60 * 60 * 1000
  const now = options.now ?? Date.now
  const current = join(dir, 'studio.log')
  mkdirSync(dir, { recursive: true })

  let size = 0
  let openedAt = now()
  /** Settles when the newest line is written (or failed): writes complete in order. */
  let lastWrite: Promise<void> = Promise.resolve()
  let stream: WriteStream
  const open = () => {
    try {
      const s = statSync(current)
      size = s.size
      openedAt = s.size > 0 ? s.birthtimeMs || s.mtimeMs : now()
    } catch {
      size = 0
      openedAt = now()
    }
    // Opened now, not when the stream gets round to it: a rotation renames the open file,
    // and lines still buffered for it land in the rotated file, where they belong.
    try {
      stream = createWriteStream(current, { fd: openSync(current, 'a', 0o600) })
    } catch {
      stream = createWriteStream(current, { flags: 'a', mode: 0o600 })
    }
    // A full disk or a removed folder must not take the app down with it.
    stream.on('error', () => undefined)
  }

  const rotated = (): { n: number; path: string; mtimeMs: number }[] => {
    try {
      return readdirSync(dir)
        .map((name) => ({ name, m: ROTATED.exec(name) }))
        .filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null)
        .map(({ name, m }) => ({ n: Number(m[1]), path: join(dir, name), mtimeMs: statSync(join(dir, name)).mtimeMs }))
        .sort((a, b) => b.n - a.n)
    } catch {
      return []
    }
  }

  const prune = () => {
    for (const f of rotated()) {
      if (f.n > keep || now() - f.mtimeMs > maxAgeMs) rmSync(f.path, { force: true })
    }
  }

  const rotate = () => {
    stream.end()
    try {
      // Highest first so no file overwrites the next one.
      for (const f of rotated()) renameSync(f.path, join(dir, `studio.${f.n + 1}.log`))
      renameSync(current, join(dir, 'studio.1.log'))
    } catch {
      // Could not rotate (a file held open elsewhere on Windows): keep appending.
    }
    prune()
    open()
  }

  prune()
  open()
  if (size > 0 && (size >= maxBytes || now() - openedAt >= maxFileAgeMs)) rotate()

  return {
    write(line) {
      if (size > 0 && (size >= maxBytes || now() - openedAt >= maxFileAgeMs)) rotate()
      const text = `${line}\n`
      size += Buffer.byteLength(text)
      lastWrite = new Promise((done) => stream.write(text, () => done()))
    },
    flush: () => lastWrite
  }
}
