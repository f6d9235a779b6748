import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryService } from '../../../src-main/library/library-service'
import { newAsset } from './new-asset'
import { editedTags } from '../../../src-main/library/tag-edits'
import { openTestLibrary, sandboxLibraryDir } from './open-library'

/** Review edits: approval and bulk tags reach the index, the sidecar, and survive a rebuild from the folder. */

let dir: string
let lib: LibraryService & { close(): void }
const asset = (id: string, n: number) => newAsset(id, { prompt: `Shot ${n}`, createdAt: `2026-03-01T10:00:0${n}.000Z` })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-review-'))
  lib = openTestLibrary(dir)
  const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#222' } }).png().toBuffer()
  await lib.add('sandbox', asset('r1', 1), png)
  await lib.add('sandbox', asset('r2', 2), png)
})
afterEach(async () => {
  // Sidecars are written after the edit answers: let them land before the folder goes.
  await lib.idle()
  lib.close()
  await rm(dir, { recursive: true, force: true })
})

describe('review edits', () => {
  it('bulk tags add and remove per asset, keeping each one’s other tags', async () => {
    await lib.update({ ids: ['r1'], tags: ['hero', 'summer'] })
    const out = await lib.update({ ids: ['r1', 'r2'], addTags: [' final ', 'final'], removeTags: ['summer'] })
    expect(out.items.map((a) => a.tags)).toEqual([['hero', 'final'], ['final']])
    expect((await lib.update({ ids: ['r1'], removeTags: ['hero', 'missing'] })).items[0]!.tags).toEqual(['final'])
  })

  it('approval is set, cleared, filtered, written to the sidecar and kept by a rebuild', async () => {
    expect((await lib.get('r1')).approval).toBeNull()
    await lib.update({ ids: ['r1'], approval: 'approved' })
    await lib.update({ ids: ['r2'], approval: 'rejected' })
    const q = { sort: 'newest' as const, limit: 60 }
    expect((await lib.list({ ...q, approval: 'approved' })).items.map((a) => a.id)).toEqual(['r1'])
    expect((await lib.list({ ...q, approval: 'rejected' })).items.map((a) => a.id)).toEqual(['r2'])
    await lib.idle()
    const month = join(sandboxLibraryDir(dir), '2026-03')
    const sidecar = readdirSync(month).find((n) => n.endsWith(' - r1.krev.json')) as string
    expect(JSON.parse(readFileSync(join(month, sidecar), 'utf8'))).toMatchObject({ approval: 'approved' })
    // The index lost: a rebuild from the folder brings the verdicts back.
    lib.close()
    rmSync(join(dir, 'studio.sqlite3'))
    lib = openTestLibrary(dir)
    await lib.rebuild()
    expect((await lib.get('r1')).approval).toBe('approved')
    expect((await lib.get('r2')).approval).toBe('rejected')
    await lib.update({ ids: ['r2'], approval: null })
    expect((await lib.list({ ...q, approval: 'unreviewed' })).items.map((a) => a.id)).toEqual(['r2'])
  })

  it('editedTags: the same array when nothing changes, the cap kept', () => {
    const t = ['a', 'b']
    expect(editedTags(t, [], [])).toBe(t)
    expect(editedTags(t, ['a'], [])).toBe(t)
    expect(editedTags(t, ['c'], ['a'])).toEqual(['b', 'c'])
    expect(editedTags([], Array.from({ length: 40 }, (_, i) => `t${i}`), [])).toHaveLength(30)
  })
})
