/**
 * Every file of a drop or a pick, folders included (recursively), with its path inside
 * what was dropped ("Spring/bag.jpg"). Drops are walked through
 * DataTransferItem.webkitGetAsEntry(): the entries must be taken during the drop event
 * itself (the browser empties the list afterwards), the walk is async. A folder picker
 * (<input webkitdirectory>) already flattens, giving webkitRelativePath.
 */

export interface PickedFile {
  file: File
  /** The path inside the dropped folder, or just the file name. */
  relativePath: string
}

/** The subset of FileSystemEntry this walk uses (tests give their own). */
export interface EntryLike {
  isFile: boolean
  isDirectory: boolean
  name: string
  fullPath: string
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void
  createReader?(): { readEntries(ok: (entries: EntryLike[]) => void, fail: (e: unknown) => void): void }
}

export interface Collected {
  files: PickedFile[]
  /** Paths of what could not be read (a folder without permission, a vanished file). */
  unreadable: string[]
}

/** Hidden files (.DS_Store, ._bag.jpg) are never product photos; they are left out, not listed. */
const isHidden = (name: string) => name.startsWith('.')

const relative = (fullPath: string) => fullPath.replace(/^\/+/, '')

function readAll(dir: EntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader?.()
  if (!reader) return Promise.resolve([])
  const all: EntryLike[] = []
  // readEntries answers in pieces (about 100 at a time in Chromium) until an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all)
        all.push(...batch)
        next()
      }, reject)
    next()
  })
}

async function walk(entry: EntryLike, out: Collected): Promise<void> {
  if (isHidden(entry.name)) return
  try {
    if (entry.isDirectory) {
      const children = await readAll(entry)
      children.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
      for (const child of children) await walk(child, out)
    } else if (entry.isFile && entry.file) {
      const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail))
      out.files.push({ file, relativePath: relative(entry.fullPath) || entry.name })
    }
  } catch {
    out.unreadable.push(relative(entry.fullPath) || entry.name)
  }
}

/** Call during the drop event: takes the entries now, walks them afterwards. */
export function collectDrop(dt: DataTransfer): Promise<Collected> {
  const items = Array.from(dt.items ?? [])
  const entries = items
    .filter((i) => i.kind === 'file')
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? (i.webkitGetAsEntry() as EntryLike | null) : null))
  const files = Array.from(dt.files ?? [])
  if (entries.length === 0 || entries.some((e) => e === null)) return Promise.resolve(collectFiles(files))
  return collectEntries(entries as EntryLike[])
}

export async function collectEntries(entries: EntryLike[]): Promise<Collected> {
  const out: Collected = { files: [], unreadable: [] }
  for (const entry of entries) await walk(entry, out)
  return out
}

/** Picked files (a folder picker gives webkitRelativePath). */
export function collectFiles(files: readonly File[]): Collected {
  return {
    files: files
      .filter((f) => !isHidden(f.name))
      .map((file) => ({ file, relativePath: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name })),
    unreadable: []
  }
}
