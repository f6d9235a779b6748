import { promises as fs } from 'node:fs'
import type { MediaMode } from '../media/media-store'
import { MEDIA_EXTS } from '../media/media-store'
import type { MediaOps } from '../media-worker/media-ops'
import type { LibraryFolders } from './library-folder'
import type { LibraryIndex } from './library-index'
import { isSidecarName } from './library-names'
import type { LibraryRecord } from './library-record'
import { recordFromFile, recordFromSidecar } from './record-from-files'
import { readSidecar } from './sidecar'

/**
 * Keeps the index in step with the Library folder. Each folder's mtime is remembered;
 * a check stats the known folders (a few dozen: one per month) and reads again only those
 * whose mtime moved, so files added or deleted outside the app are noticed on the next
 * visit without scanning every file. A rebuild forgets the mtimes and reads everything,
 * one folder at a time (memory stays flat) in batched transactions, reporting progress.
 * A Library folder that is not there (an unplugged drive) changes nothing.
 */

export type ScanPhase = 'counting' | 'indexing' | 'done'
export interface ScanProgress {
  done: number
  total: number
  phase: ScanPhase
}

export interface ScanContext {
  folders: LibraryFolders
  index: LibraryIndex
  mediaOps: MediaOps
  hasPosterTool: boolean
}

export interface ScanOptions {
  /** Read every sidecar again, not only folders that changed (a rebuild). */
  full?: boolean
  onProgress?(p: ScanProgress): void
}

export interface ScanResult {
  indexed: number
  removed: number
  /** False when the Library folder is missing (nothing was changed). */
  present: boolean
}

const BATCH = 500
const READ_CHUNK = 64
const MEDIA_EXT_SET = new Set<string>(MEDIA_EXTS.map((e) => `.${e}`).concat(['.jpeg']))
const isMediaName = (name: string) => MEDIA_EXT_SET.has(name.slice(name.lastIndexOf('.')).toLowerCase())
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name)
const hidden = (name: string) => name.startsWith('.')
const STALE_TEMP_MS = 3600_000

async function removeIfStale(path: string): Promise<void> {
  const info = await fs.lstat(path).catch(() => null)
  if (info?.isFile() && Date.now() - info.mtimeMs > STALE_TEMP_MS) await fs.rm(path, { force: true }).catch(() => undefined)
}

async function countFiles(ctx: ScanContext, mode: MediaMode): Promise<number> {
  let total = 0
  const stack = ['']
  while (stack.length > 0) {
    const dir = stack.pop() as string
    const entries = await fs.readdir(dir ? ctx.folders.abs(mode, dir) : ctx.folders.root(mode), { withFileTypes: true }).catch(() => [])
    for (const e of entries) {
      if (hidden(e.name)) continue
      if (e.isDirectory()) stack.push(join(dir, e.name))
      else if (e.isFile() && isMediaName(e.name)) total++
    }
  }
  return total
}

export async function scanLibraryFolder(ctx: ScanContext, mode: MediaMode, options: ScanOptions = {}): Promise<ScanResult> {
  const root = ctx.folders.root(mode)
  const rootInfo = await fs.stat(root).catch(() => null)
  if (!rootInfo?.isDirectory()) return { indexed: 0, removed: 0, present: false }
  const { index } = ctx
  const full = options.full === true
  const total = full ? await countFiles(ctx, mode) : 0
  let done = 0
  const report = (phase: ScanPhase) => options.onProgress?.({ done, total: Math.max(total, done), phase })
  report(full ? 'counting' : 'indexing')

  const known = new Map(index.folders.all(mode).map((f) => [f.dir, f.mtimeMs]))
  const queue = ['', ...known.keys()].filter((d, i, all) => all.indexOf(d) === i)
  const queued = new Set(queue)
  let indexed = 0
  let removed = 0
  let pending: LibraryRecord[] = []

  const flush = () => {
    const batch = pending
    pending = []
    index.relaxedTransaction(() => {
      for (const r of batch) {
        const clash = index.getByPath(mode, r.filePath)
        if (clash && clash.id !== r.id) index.remove(clash.seq)
        index.put(mode, r)
      }
    })
    indexed += batch.length
    report('indexing')
  }

  const dropDir = (dir: string) => {
    index.transaction(() => {
      for (const row of index.inDir(mode, dir)) index.remove(row.seq)
      index.folders.remove(mode, dir)
    })
  }

  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i] as string
    const abs = dir ? ctx.folders.abs(mode, dir) : root
    const info = await fs.lstat(abs).catch(() => null)
    if (!info?.isDirectory()) {
      removed += index.inDir(mode, dir).length
      dropDir(dir)
      continue
    }
    // The mtime is read before the listing, so a change made while we read is seen next time.
    if (!full && known.get(dir) === info.mtimeMs) continue
    const entries = await fs.readdir(abs, { withFileTypes: true }).catch(() => null)
    if (!entries) continue
    const names = new Set<string>()
    for (const e of entries) {
      if (hidden(e.name)) {
        // An atomic write's temp file a crash left behind (core/atomic-file.ts): removed once it is surely stale.
        if (e.isFile() && e.name.endsWith('.tmp')) await removeIfStale(`${abs}/${e.name}`)
        continue
      }
      const rel = join(dir, e.name)
      if (e.isDirectory() && !queued.has(rel)) {
        queued.add(rel)
        queue.push(rel)
      } else if (e.isFile()) names.add(e.name)
    }
    const rows = new Map(index.inDir(mode, dir).map((r) => [r.file_path, r]))
    const covered = new Set<string>()
    // Sidecars are read a chunk at a time, concurrently: the rebuild waits on the disk, not on each file in turn.
    const sidecarNames = [...names].filter(isSidecarName)
    for (let start = 0; start < sidecarNames.length; start += READ_CHUNK) {
      const chunk = sidecarNames.slice(start, start + READ_CHUNK)
      const read = await Promise.all(chunk.map(async (name) => ({ name, sidecar: await readSidecar(`${abs}/${name}`) })))
      for (const { name, sidecar } of read) {
        if (!sidecar || sidecar.file.includes('/') || sidecar.file.includes('\\') || !names.has(sidecar.file)) continue
        const rel = join(dir, sidecar.file)
        covered.add(sidecar.file)
        done++
        if (!full && rows.has(rel)) continue
        // The sidecar knows the size; a file without one recorded is stat'ed.
        const file = sidecar.bytes > 0 ? { size: sidecar.bytes, mtimeMs: 0 } : await fs.stat(`${abs}/${sidecar.file}`).catch(() => null)
        if (!file) continue
        pending.push(recordFromSidecar(mode, sidecar, rel, join(dir, name), file, ctx.hasPosterTool))
        if (pending.length >= BATCH) flush()
      }
    }
    for (const name of names) {
      if (covered.has(name) || !isMediaName(name)) continue
      const rel = join(dir, name)
      done++
      if (!full && rows.has(rel)) continue
      const record = await recordFromFile(mode, `${abs}/${name}`, rel, ctx.mediaOps, ctx.hasPosterTool).catch(() => null)
      if (!record) continue
      pending.push(record)
      if (pending.length >= BATCH) flush()
    }
    if (pending.length > 0) flush()
    const gone = [...rows.values()].filter((r) => !names.has(r.file_path.slice(r.file_path.lastIndexOf('/') + 1)))
    index.transaction(() => {
      for (const r of gone) index.remove(r.seq)
      index.folders.set(mode, dir, info.mtimeMs)
    })
    removed += gone.length
  }
  report('done')
  return { indexed, removed, present: true }
}
