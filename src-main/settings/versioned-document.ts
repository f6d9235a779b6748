import { basename, join } from 'node:path'
import type { z } from 'zod'
import { AppError } from '../core/app-error'
import { backupCopy, quarantineFile, readJsonDocument, sweepStaleTempFiles } from './file-recovery'
import { memoryConfLike, type ConfLike, type JsonStoreOpener, type NoticeSink } from './json-store'

/**
 * A small JSON document (settings, app state) with a schema version, migrations, and
 * field-by-field validation. Values live in memory after opening, so reads never touch
 * the disk; every change is one atomic whole-file write. Nothing is ever reset silently:
 * a damaged file is kept aside and the user is told.
 */

export const VERSION_KEY = 'schemaVersion'

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>

export interface DocumentSpec<T extends object> {
  /** File name without extension: `<dir>/<name>.json`. */
  name: string
  /** How the user knows this file, for messages ("settings"). */
  label: string
  version: number
  fields: { [K in keyof T]-?: z.ZodType<T[K]> }
  defaults: T
  /** `migrations[n]` turns a version n-1 document into version n. Versionless files are v1. */
  migrations?: Record<number, Migration>
}

export interface VersionedDocument<T> {
  readonly path: string
  get(): T
  /** Writes the whole document; on failure throws AppError('io') and keeps the old value. */
  replace(next: T): void
}

export interface OpenOptions {
  onNotice?: NoticeSink
  now?: () => Date
}

const fileVersion = (data: Record<string, unknown>): number => {
  const v = data[VERSION_KEY]
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1
}

function migrate(data: Record<string, unknown>, from: number, to: number, migrations: Record<number, Migration>) {
  let current = { ...data }
  for (let v = from + 1; v <= to; v++) {
    const step = migrations[v]
    if (step) current = step(current)
  }
  return current
}

export function openVersionedDocument<T extends object>(
  opener: JsonStoreOpener,
  spec: DocumentSpec<T>,
  opts: OpenOptions = {}
): VersionedDocument<T> {
  const notify = opts.onNotice ?? (() => undefined)
  const now = opts.now ?? (() => new Date())
  const path = join(opener.dir, `${spec.name}.json`)
  const Label = spec.label[0]!.toUpperCase() + spec.label.slice(1)
  let writable = true
  let dirty = false

  sweepStaleTempFiles(path)
  let data: Record<string, unknown> = {}
  let version = spec.version
  const raw = readJsonDocument(path)
  if (raw.kind === 'missing') {
    dirty = true
  } else if (raw.kind === 'ok') {
    data = raw.data
    version = fileVersion(raw.data)
  } else if (raw.kind === 'corrupt') {
    dirty = true
    try {
      const kept = quarantineFile(path, now())
      notify({
        level: 'warning',
        message: `Your ${spec.label} file was damaged and could not be read, so defaults are in use. The damaged file was kept as ${basename(kept)}.`,
        detail: raw.reason
      })
    } catch (error) {
      writable = false
      notify({
        level: 'error',
        message: `Your ${spec.label} file is damaged and could not be moved aside. Changes are kept for this session only.`,
        detail: (error as NodeJS.ErrnoException).code ?? String(error)
      })
    }
  } else {
    writable = false
    notify({
      level: 'error',
      message: `${Label} could not be read (${raw.reason}). Defaults are in use and changes are kept for this session only.`
    })
  }

  if (version < spec.version) {
    try {
      data = migrate(data, version, spec.version, spec.migrations ?? {})
    } catch (error) {
      data = {}
      if (writable) keepCopy(`could not be upgraded from version ${version}`, error)
    }
    dirty = true
  } else if (version > spec.version) {
    notify({
      level: 'info',
      message: `${Label} were saved by a newer version of Krev Studio; options this version does not know are ignored.`
    })
  }

  const value = {} as T
  const reset: string[] = []
  for (const key of Object.keys(spec.fields) as (keyof T & string)[]) {
    if (!(key in data)) {
      value[key] = spec.defaults[key]
      dirty = true
      continue
    }
    const parsed = spec.fields[key].safeParse(data[key])
    if (parsed.success) value[key] = parsed.data
    else {
      value[key] = spec.defaults[key]
      reset.push(key)
    }
  }
  if (reset.length > 0 && writable) keepCopy(`had invalid values for ${reset.join(', ')}, which were reset to their defaults`)
  if (reset.length > 0) dirty = true

  let conf: ConfLike
  try {
    conf = writable ? opener.open(spec.name) : memoryConfLike(path)
  } catch (error) {
    writable = false
    conf = memoryConfLike(path)
    notify({
      level: 'error',
      message: `${Label} could not be opened. Defaults are in use and changes are kept for this session only.`,
      detail: error instanceof Error ? error.message : String(error)
    })
  }

  let current = value
  const write = (next: T): void => {
    conf.store = { ...next, [VERSION_KEY]: spec.version } as Record<string, unknown>
  }
  if (dirty && writable) {
    try {
      write(current)
    } catch (error) {
      notify({ level: 'error', message: `${Label} could not be saved.`, detail: errorCode(error) })
    }
  }

  function keepCopy(what: string, cause?: unknown): void {
    try {
      const kept = backupCopy(path, now())
      notify({
        level: 'warning',
        message: `Your ${spec.label} file ${what}. The previous file was kept as ${basename(kept)}.`,
        ...(cause ? { detail: cause instanceof Error ? cause.message : String(cause) } : {})
      })
    } catch (error) {
      notify({ level: 'warning', message: `Your ${spec.label} file ${what}.`, detail: errorCode(error) })
    }
  }

  return {
    path,
    get: () => ({ ...current }),
    replace(next) {
      try {
        write(next)
      } catch (error) {
        throw new AppError('io', `${Label} could not be saved (${errorCode(error)}). Nothing was changed.`, {
          cause: error
        })
      }
      current = { ...next }
    }
  }
}

const errorCode = (error: unknown): string =>
  (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error))
