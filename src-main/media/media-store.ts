import { promises as fs } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { CONNECTION_MODES, type ConnectionMode } from '../../src-preload/contract/values'
import { writeFileAtomic } from '../core/atomic-file'

/**
 * Local copies of media (product photos and thumbnails, later library outputs), at
 * `<dataDir>/media/<mode>/<area>/<id>.<variant>.<ext>`.
 *
 * Every path component is ours and validated by a strict pattern, never a name from the
 * network: ids are lowercase letters, digits, `-` and `_` (so `../`, `%2e%2e%2f`, `C:\`,
 * NUL bytes, trailing dots and case-only collisions cannot be expressed), Windows device
 * names (CON, NUL, COM1…) are refused, and sandbox media is kept apart from real media by
 * the `mode` folder. Reads go through `resolve`, which refuses symlinks and checks the
 * real path is still inside the media root, so a link planted in the folder is never
 * followed. Writes are atomic (temp file + fsync + rename).
 */

export type MediaMode = ConnectionMode
export const MEDIA_MODES: readonly MediaMode[] = CONNECTION_MODES

/** Extensions the store writes; the serving side derives Content-Type from them. */
export const MEDIA_EXTS = ['webp', 'png', 'jpg', 'gif', 'avif', 'mp4', 'mov', 'webm'] as const
export type MediaExt = (typeof MEDIA_EXTS)[number]

export interface MediaRef {
  mode: MediaMode
  /** A feature's folder: 'products', 'library'… */
  area: string
  /** An id we chose or validated (e.g. a product UUID, lowercased). */
  id: string
  /** Which rendition: 'image', 'thumb'… */
  variant: string
}

export interface StoredMedia {
  /** The real path, inside the media root. */
  path: string
  ext: MediaExt
  size: number
  mtimeMs: number
}

const AREA = /^[a-z][a-z0-9-]{0,31}$/
const ID = /^[a-z0-9][a-z0-9_-]{0,127}$/
const VARIANT = /^[a-z][a-z0-9]{0,15}$/
/** Reserved device names on Windows, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/

export const isMediaMode = (v: unknown): v is MediaMode => v === 'sandbox' || v === 'krev'
export const isMediaId = (v: unknown): v is string => typeof v === 'string' && ID.test(v) && !WINDOWS_RESERVED.test(v)
export const isMediaArea = (v: unknown): v is string => typeof v === 'string' && AREA.test(v) && !WINDOWS_RESERVED.test(v)
export const isMediaVariant = (v: unknown): v is string => typeof v === 'string' && VARIANT.test(v) && !WINDOWS_RESERVED.test(v)
export const isMediaExt = (v: unknown): v is MediaExt => typeof v === 'string' && (MEDIA_EXTS as readonly string[]).includes(v)

export function isMediaRef(ref: { mode: unknown; area: unknown; id: unknown; variant: unknown }): ref is MediaRef {
  return isMediaMode(ref.mode) && isMediaArea(ref.area) && isMediaId(ref.id) && isMediaVariant(ref.variant)
}

/** The media id for an id from elsewhere (a product UUID…), or null if it can't be one. */
export function toMediaId(raw: string): string | null {
  const id = raw.trim().toLowerCase()
  return isMediaId(id) ? id : null
}

const invalid = (): Error => new Error('invalid media reference')

export interface MediaStore {
  readonly root: string
  /** The path a ref + ext would have (validated; the file may not exist). */
  pathFor(ref: MediaRef, ext: MediaExt): string
  /** Writes atomically; any other extension of the same ref is removed. Returns the path. */
  write(ref: MediaRef, ext: MediaExt, data: Uint8Array): Promise<string>
  /** The stored file, or null when missing, invalid, a symlink, or outside the root. */
  resolve(ref: MediaRef): Promise<StoredMedia | null>
  remove(ref: MediaRef): Promise<void>
  /** Deletes temp files a crash left behind in one area (call before any write). */
  sweepTemp(mode: MediaMode, area: string): Promise<number>
}

export function createMediaStore(dataDir: string): MediaStore {
  const root = resolve(dataDir, 'media')
  let realRoot: Promise<string> | null = null

  const ensureRoot = (): Promise<string> => {
    realRoot ??= fs
      .mkdir(root, { recursive: true })
      .then(() => fs.realpath(root))
      .catch((e: unknown) => {
        realRoot = null
        throw e
      })
    return realRoot
  }

  const dirFor = (ref: Pick<MediaRef, 'mode' | 'area'>): string => {
    if (!isMediaMode(ref.mode) || !isMediaArea(ref.area)) throw invalid()
    return join(root, ref.mode, ref.area)
  }

  function pathFor(ref: MediaRef, ext: MediaExt): string {
    if (!isMediaRef(ref) || !isMediaExt(ext)) throw invalid()
    const full = resolve(dirFor(ref), `${ref.id}.${ref.variant}.${ext}`)
    // Belt and braces: the patterns already make escaping impossible.
    if (!full.startsWith(root + sep)) throw invalid()
    return full
  }

  /** The area folder, created if needed, refused if any part of it is a symlink out. */
  async function realDir(ref: Pick<MediaRef, 'mode' | 'area'>): Promise<string> {
    const real = await ensureRoot()
    const dir = dirFor(ref)
    await fs.mkdir(dir, { recursive: true })
    const actual = await fs.realpath(dir)
    if (actual !== join(real, ref.mode, ref.area)) throw new Error('media folder is a link to elsewhere')
    return actual
  }

  async function resolveRef(ref: MediaRef): Promise<StoredMedia | null> {
    if (!isMediaRef(ref)) return null
    const real = await ensureRoot()
    for (const ext of MEDIA_EXTS) {
      const path = pathFor(ref, ext)
      const info = await fs.lstat(path).catch(() => null)
      if (!info) continue
      // lstat: a symlink (or anything but a plain file) is refused, never followed.
      if (!info.isFile()) return null
      const actual = await fs.realpath(path).catch(() => null)
      const expected = join(real, ref.mode, ref.area, `${ref.id}.${ref.variant}.${ext}`)
      if (actual !== expected || !actual.startsWith(real + sep)) return null
      return { path: actual, ext, size: info.size, mtimeMs: info.mtimeMs }
    }
    return null
  }

  return {
    root,
    pathFor,

    async write(ref, ext, data) {
      const target = pathFor(ref, ext)
      await realDir(ref)
      await writeFileAtomic(target, data)
      for (const other of MEDIA_EXTS) {
        if (other !== ext) await fs.rm(pathFor(ref, other), { force: true })
      }
      return target
    },

    resolve: resolveRef,

    async remove(ref) {
      if (!isMediaRef(ref)) return
      for (const ext of MEDIA_EXTS) await fs.rm(pathFor(ref, ext), { force: true })
    },

    async sweepTemp(mode, area) {
      let names: string[]
      try {
        names = await fs.readdir(dirFor({ mode, area }))
      } catch {
        return 0
      }
      // writeFileAtomic's temp files: `.<name>.<hex>.tmp`.
      const stale = names.filter((n) => n.startsWith('.') && n.endsWith('.tmp'))
      for (const name of stale) await fs.rm(join(dirFor({ mode, area }), name), { force: true })
      return stale.length
    }
  }
}
