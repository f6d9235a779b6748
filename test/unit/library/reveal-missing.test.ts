import { mkdtemp, rm, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LIBRARY_AREA } from '../../../src-main/library/media-ingest'
import { openTestLibrary } from './open-library'

/** library.reveal answers why nothing was shown, so the renderer can say it and offer a way out. */

let dir: string
let lib: ReturnType<typeof openTestLibrary>
let shown: string[]
let fileManager: boolean

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-reveal-'))
  shown = []
  fileManager = true
  lib = openTestLibrary(dir, { host: { reveal: (p) => (shown.push(p), fileManager), chooseExportFolder: async () => null } })
  const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#123456' } }).png().toBuffer()
  await lib.add('sandbox', { id: 'r1', kind: 'image', jobId: null, generationId: null, prompt: 'Mug', productIds: [], aspectRatio: '1:1', durationSec: null, adCopy: null, createdAt: '2026-03-01T10:00:00.000Z' }, png)
})

afterEach(async () => {
  lib.close()
  await rm(dir, { recursive: true, force: true })
})

describe('reveal in folder', () => {
  it('shows the file when it is there', async () => {
    expect(await lib.reveal('r1')).toEqual({ revealed: true })
    expect(shown).toHaveLength(1)
  })

  it('says the file is missing when it was deleted behind the app, and shows nothing', async () => {
    const file = await lib.resolveMedia({ mode: 'sandbox', area: LIBRARY_AREA, id: 'r1', variant: 'original' })
    await unlink(file!.path)
    expect(await lib.reveal('r1')).toEqual({ revealed: false, reason: 'file_missing' })
    expect(shown).toEqual([])
  })

  it('says there is no file manager where the host has none (the web preview)', async () => {
    fileManager = false
    expect(await lib.reveal('r1')).toEqual({ revealed: false, reason: 'no_file_manager' })
  })
})
