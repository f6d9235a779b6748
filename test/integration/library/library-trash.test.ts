import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryService } from '../../../src-main/library/library-service'
import { newAsset } from '../../unit/library/new-asset'
import { dataDirTrash, DATA_DIR_TRASH, type Trash } from '../../../src-main/library/trash'
import { openTestLibrary, sandboxLibraryDir } from '../../unit/library/open-library'

/**
 * Delete to the trash on real files: the file, its sidecar and its index row go together,
 * into the OS trash in the app or the data folder's `.trash` without one; a file the trash
 * refuses leaves that asset exactly as it was, the others gone, and the answer names it.
 */

let dir: string
let png: Buffer
let changed: string[][]
let lib: (LibraryService & { close(): void }) | null = null

const asset = (id: string, n: number) => newAsset(id, { prompt: `Bag number ${n}`, createdAt: `2026-03-01T10:00:0${n}.000Z` })

async function open(trash?: Trash): Promise<LibraryService & { close(): void }> {
  lib?.close()
  lib = openTestLibrary(dir, { ...(trash ? { trash } : {}), emitChanged: (ids) => void changed.push(ids) })
  return lib
}

const month = () => join(sandboxLibraryDir(dir), '2026-03')
const filesOf = (id: string) => readdirSync(month()).filter((n) => n.includes(` - ${id}.`))
const trashed = () => (existsSync(join(dir, DATA_DIR_TRASH)) ? readdirSync(join(dir, DATA_DIR_TRASH)).flatMap((d) => readdirSync(join(dir, DATA_DIR_TRASH, d))) : [])
const listed = async (l: LibraryService) => (await l.list({ sort: 'newest', limit: 60 })).items.map((a) => a.id)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-trash-'))
  changed = []
  png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } }).png().toBuffer()
  const l = await open()
  for (const [i, id] of ['t1', 't2', 't3'].entries()) await l.add('sandbox', asset(id, i + 1), png)
})
afterEach(async () => {
  lib?.close()
  lib = null
  await rm(dir, { recursive: true, force: true })
})

describe('delete to the trash', () => {
  it('without an OS trash, moves file and sidecar into <dataDir>/.trash and drops the row', async () => {
    const before = filesOf('t2')
    expect(before).toHaveLength(2)
    const l = await open()
    expect(await l.remove(['t2'])).toEqual({ deleted: 1, failed: [], trash: 'folder' })
    expect(filesOf('t2')).toEqual([])
    expect(trashed().sort()).toEqual(before.sort())
    expect(await listed(l)).toEqual(['t3', 't1'])
    expect(changed).toContainEqual(['t2'])
    // The row stays gone after a restart and a folder check: the files are not in the Library folder any more.
    const again = await open()
    await again.rebuild()
    expect(await listed(again)).toEqual(['t3', 't1'])
  })

  it('hands the OS trash each file, the media first, then its sidecar', async () => {
    const put: string[] = []
    const folder = dataDirTrash(dir)
    const l = await open({ kind: 'os', put: async (p) => {
        put.push(p)
        await folder.put(p)
      }
    })
    expect(await l.remove(['t1', 't3'])).toEqual({ deleted: 2, failed: [], trash: 'os' })
    expect(put.map((p) => basename(p).replace(/^.* - /, ''))).toEqual(['t1.png', 't1.krev.json', 't3.png', 't3.krev.json'])
    expect(await listed(l)).toEqual(['t2'])
  })

  it('a file the trash refuses keeps its row, file and sidecar; the others go; the answer names it', async () => {
    const folder = dataDirTrash(dir)
    const refusing: Trash = {
      kind: 'folder',
      put: async (p) => {
        if (basename(p).includes(' - t2.')) throw Object.assign(new Error(`EBUSY: resource busy ${p}`), { code: 'EBUSY' })
        await folder.put(p)
      }
    }
    const l = await open(refusing)
    const out = await l.remove(['t1', 't2', 't3'])
    expect(out).toEqual({ deleted: 2, failed: [{ id: 't2', message: 'Couldn\u2019t move it to the trash: the file is in use.' }], trash: 'folder' })
    // No path in what reaches the renderer.
    expect(JSON.stringify(out)).not.toContain(dir)
    expect(filesOf('t2')).toHaveLength(2)
    expect(filesOf('t1')).toEqual([])
    expect(filesOf('t3')).toEqual([])
    expect(await listed(l)).toEqual(['t2'])
    expect(changed).toContainEqual(['t1', 't3'])
    // What stayed still opens: its edits and its media are intact.
    expect((await l.get('t2')).prompt).toBe('Bag number 2')
    const sidecar = filesOf('t2').find((n) => n.endsWith('.krev.json')) as string
    expect(JSON.parse(await readFile(join(month(), sidecar), 'utf8'))).toMatchObject({ id: 't2' })
  })

  it('a file already deleted outside the app only loses its row; unknown ids are ignored', async () => {
    const file = filesOf('t1').find((n) => n.endsWith('.png')) as string
    await rm(join(month(), file))
    const put: string[] = []
    const l = await open({ kind: 'os', put: async (p) => void put.push(p) })
    expect(await l.remove(['t1', 'nope'])).toEqual({ deleted: 1, failed: [], trash: 'os' })
    expect(put.map((p) => basename(p).replace(/^.* - /, ''))).toEqual(['t1.krev.json'])
    expect(await listed(l)).toEqual(['t3', 't2'])
  })

  it('same-named files deleted twice never overwrite each other in the fallback trash', async () => {
    const trash = dataDirTrash(dir)
    const a = join(dir, 'same.txt')
    for (const body of ['one', 'two']) {
      await writeFile(a, body)
      await trash.put(a)
    }
    expect(trashed().filter((n) => n === 'same.txt')).toHaveLength(2)
    expect(existsSync(a)).toBe(false)
  })
})
