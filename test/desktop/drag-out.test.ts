// Dragging library outputs out of the window: the handler main registers for
// library.startDrag, over a real library (database + Library folder), and the Electron
// adapter against the double's webContents.startDrag, which enforces Electron's rules
// (file/files given, absolute existing paths, a non-empty icon).
import { mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dragOutHandler } from '../../src-main/desktop/drag-out'
import { electronStartDrag } from '../../src-main/desktop/drag-out-electron'
import { LIBRARY_AREA } from '../../src-main/library/media-ingest'
import { openTestLibrary, sandboxLibraryDir } from '../unit/library/open-library'
import { BrowserWindow } from './electron-double/browser-window'
import { calls, isReady, markReady, violations } from './electron-double/record'

const ICON = resolve(import.meta.dirname, '../../resources/icon.png')
let dir: string
let lib: ReturnType<typeof openTestLibrary>
let win: BrowserWindow | null
type WindowArg = ReturnType<Parameters<typeof electronStartDrag>[0]>

const drags = () => calls.filter((c) => c.api === 'webContents.startDrag').map((c) => (c.detail as { files: string[] }).files)

beforeAll(() => {
  if (!isReady()) markReady()
})

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'krev-drag-'))
  lib = openTestLibrary(dir)
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#335577' } }).png().toBuffer()
  for (const id of ['d1', 'd2', 'd3']) {
    await lib.add('sandbox', { id, kind: 'image', jobId: null, generationId: null, prompt: `Shot ${id}`, productIds: [], aspectRatio: '1:1', durationSec: null, adCopy: null, createdAt: '2026-03-01T10:00:00.000Z' }, png)
  }
  win = new BrowserWindow({ show: false })
  calls.length = 0
})

afterEach(() => {
  win?.destroy()
  lib.close()
  rmSync(dir, { recursive: true, force: true })
})

function handler(iconPath = ICON) {
  return dragOutHandler({
    resolveFile: async (id) => (await lib.resolveMedia({ mode: 'sandbox', area: LIBRARY_AREA, id, variant: 'original' }))?.path ?? null,
    // The double's webContents stands in for Electron's (the adapter uses startDrag and isDestroyed).
    startDrag: electronStartDrag(() => win as unknown as WindowArg, iconPath)
  })
}

describe('drag out (library.startDrag → webContents.startDrag)', () => {
  it('drags the real files of the outputs, from inside the Library folder, with the app icon', async () => {
    expect(await handler()({ ids: ['d1', 'd2', 'd2'] })).toEqual({ started: true, files: 2, missing: 0 })
    const [files] = drags()
    expect(files).toHaveLength(2)
    for (const f of files!) expect(f.startsWith(sandboxLibraryDir(dir))).toBe(true)
    expect(files![0]).toMatch(/d1\.png$/)
    expect(violations).toEqual([])
  })

  it('leaves out a file that is gone and says how many; all gone is an error that says what to do', async () => {
    const gone = (await lib.resolveMedia({ mode: 'sandbox', area: LIBRARY_AREA, id: 'd3', variant: 'original' }))!.path
    unlinkSync(gone)
    expect(await handler()({ ids: ['d1', 'd3'] })).toEqual({ started: true, files: 1, missing: 1 })
    await expect(handler()({ ids: ['d3'] })).rejects.toMatchObject({ code: 'not_found', message: /missing from the Library folder/ })
    await expect(handler()({ ids: ['no-such-id'] })).rejects.toMatchObject({ code: 'not_found' })
    expect(drags()).toHaveLength(1)
  })

  it('never drags a symlink planted in the Library folder (its target may be anywhere)', async () => {
    const original = (await lib.resolveMedia({ mode: 'sandbox', area: LIBRARY_AREA, id: 'd2', variant: 'original' }))!.path
    unlinkSync(original)
    symlinkSync('/etc/hostname', original)
    await expect(handler()({ ids: ['d2'] })).rejects.toMatchObject({ code: 'not_found' })
    expect(drags()).toEqual([])
  })

  it('does not start without a window, and never hands Electron an empty icon', async () => {
    win!.destroy()
    win = null
    expect(await handler()({ ids: ['d1'] })).toEqual({ started: false, files: 1, missing: 0 })
    win = new BrowserWindow({ show: false })
    expect(await handler(join(dir, 'no-icon.png'))({ ids: ['d1'] })).toEqual({ started: false, files: 1, missing: 0 })
    expect(drags()).toEqual([])
    expect(violations).toEqual([])
  })

  it('answers "not started" where there is no native drag (the web preview downloads instead)', async () => {
    const preview = dragOutHandler({ resolveFile: async () => '/nowhere' })
    expect(await preview({ ids: ['d1'] })).toEqual({ started: false, files: 0, missing: 0 })
  })
})
