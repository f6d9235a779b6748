import { describe, expect, it, vi } from 'vitest'
import {
  buildContextMenuTemplate,
  LIBRARY_MEDIA_AREA,
  mediaRefFromUrl,
  type ContextMenuActions,
  type ContextMenuParams
} from '../../../src-main/desktop/context-menu'

// The template's item type, without importing electron (lint: only adapters may).
type MenuItemConstructorOptions = ReturnType<typeof buildContextMenuTemplate>[number]

const noFlags = { canCut: false, canCopy: false, canPaste: false, canSelectAll: false }

function params(overrides: Partial<ContextMenuParams> = {}): ContextMenuParams {
  return {
    isEditable: false,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    mediaType: 'none',
    srcURL: '',
    editFlags: noFlags,
    ...overrides
  }
}

function actions() {
  return {
    replaceMisspelling: vi.fn<(word: string) => void>(),
    addToDictionary: vi.fn<(word: string) => void>(),
    copyImage: vi.fn<() => void>(),
    reveal: vi.fn<(assetId: string) => void>(),
    exportAsset: vi.fn<(assetId: string) => void>()
  } satisfies ContextMenuActions
}

const click = (item: MenuItemConstructorOptions | undefined): void => {
  if (!item?.click) throw new Error('item has no click')
  item.click({} as never, undefined, {} as never)
}
const labels = (t: MenuItemConstructorOptions[]): string[] => t.flatMap((i) => (i.label ? [i.label] : []))
const roles = (t: MenuItemConstructorOptions[]): string[] => t.flatMap((i) => (i.role ? [i.role] : []))
const byLabel = (t: MenuItemConstructorOptions[], label: string) => t.find((i) => i.label === label)

const LIBRARY_IMAGE = 'krev-media://media/sandbox/library/asset-123/original'

describe('context menu', () => {
  it('editable text: cut/copy/paste/select all, enabled exactly as editFlags say', () => {
    const t = buildContextMenuTemplate(
      params({ isEditable: true, editFlags: { canCut: true, canCopy: false, canPaste: true, canSelectAll: false } }),
      actions()
    )
    expect(roles(t)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
    const enabled = Object.fromEntries(t.filter((i) => i.role).map((i) => [i.role, i.enabled]))
    expect(enabled).toEqual({ cut: true, copy: false, paste: true, selectAll: false })
  })

  it('editable text with every flag on enables every item', () => {
    const t = buildContextMenuTemplate(
      params({ isEditable: true, editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true } }),
      actions()
    )
    expect(t.filter((i) => i.role).every((i) => i.enabled === true)).toBe(true)
  })

  it('a selection outside a field offers Copy only', () => {
    const t = buildContextMenuTemplate(params({ selectionText: 'hello', editFlags: { ...noFlags, canCopy: true } }), actions())
    expect(t).toEqual([{ role: 'copy', enabled: true }])
  })

  it('nothing under the pointer → nothing to show (whitespace selection included)', () => {
    expect(buildContextMenuTemplate(params(), actions())).toEqual([])
    expect(buildContextMenuTemplate(params({ selectionText: '  \n' }), actions())).toEqual([])
  })

  it('misspelled word: at most 5 suggestions, each replaces; Add to Dictionary adds the word', () => {
    const a = actions()
    const suggestions = ['one', 'two', 'three', 'four', 'five', 'six', 'seven']
    const t = buildContextMenuTemplate(params({ isEditable: true, misspelledWord: 'wrnog', dictionarySuggestions: suggestions }), a)
    const spelling = labels(t).filter((l) => suggestions.includes(l))
    expect(spelling).toEqual(['one', 'two', 'three', 'four', 'five'])
    click(byLabel(t, 'three'))
    expect(a.replaceMisspelling).toHaveBeenCalledWith('three')
    click(byLabel(t, 'Add to Dictionary'))
    expect(a.addToDictionary).toHaveBeenCalledWith('wrnog')
    // Spelling first, then a separator, then the edit items.
    const firstRole = t.findIndex((i) => i.role)
    expect(t[firstRole - 1]).toEqual({ type: 'separator' })
  })

  it('misspelled word without suggestions says so, disabled, and still offers Add to Dictionary', () => {
    const t = buildContextMenuTemplate(params({ isEditable: true, misspelledWord: 'zzxq' }), actions())
    expect(byLabel(t, 'No Guesses Found')?.enabled).toBe(false)
    expect(byLabel(t, 'Add to Dictionary')).toBeDefined()
  })

  it('no spelling items outside an editable field', () => {
    const t = buildContextMenuTemplate(params({ misspelledWord: 'wrnog', dictionarySuggestions: ['wrong'] }), actions())
    expect(labels(t)).toEqual([])
  })

  it('a library image: Copy Image, Reveal in Folder, Export… with its asset id', () => {
    const a = actions()
    const t = buildContextMenuTemplate(params({ mediaType: 'image', srcURL: LIBRARY_IMAGE }), a)
    expect(labels(t)).toEqual(['Copy Image', 'Reveal in Folder', 'Export…'])
    click(byLabel(t, 'Copy Image'))
    click(byLabel(t, 'Reveal in Folder'))
    click(byLabel(t, 'Export…'))
    expect(a.copyImage).toHaveBeenCalledTimes(1)
    expect(a.reveal).toHaveBeenCalledWith('asset-123')
    expect(a.exportAsset).toHaveBeenCalledWith('asset-123')
  })

  it('a library video: Reveal and Export, but no Copy Image', () => {
    const t = buildContextMenuTemplate(
      params({ mediaType: 'video', srcURL: 'krev-media://media/krev/library/vid-9/original' }),
      actions()
    )
    expect(labels(t)).toEqual(['Reveal in Folder', 'Export…'])
  })

  it('a products-area image: Copy Image only, no reveal/export', () => {
    const t = buildContextMenuTemplate(
      params({ mediaType: 'image', srcURL: 'krev-media://media/sandbox/products/p-1/thumb' }),
      actions()
    )
    expect(labels(t)).toEqual(['Copy Image'])
  })

  it('an https:// image, a file:// URL or a malformed media URL: no media items at all', () => {
    for (const srcURL of [
      'https://cdn.example/image.png',
      'file:///home/user/out/library/asset-1/original.png',
      'krev-media://evil/sandbox/library/asset-1/original',
      'krev-media://media/sandbox/library/asset-1/original?x=1',
      'krev-media://media/sandbox/library/../original',
      'krev-media://media/other-mode/library/asset-1/original',
      'not a url'
    ]) {
      expect(labels(buildContextMenuTemplate(params({ mediaType: 'image', srcURL }), actions())), srcURL).toEqual([])
    }
  })

  it('a media URL on a non-media element (mediaType none) adds nothing', () => {
    expect(buildContextMenuTemplate(params({ srcURL: LIBRARY_IMAGE }), actions())).toEqual([])
  })

  it('mediaRefFromUrl parses our scheme only', () => {
    expect(mediaRefFromUrl(LIBRARY_IMAGE)).toEqual({ mode: 'sandbox', area: 'library', id: 'asset-123', variant: 'original' })
    expect(mediaRefFromUrl('krev-media://user:pw@media/sandbox/library/a/original')).toBeNull()
    expect(mediaRefFromUrl('https://media/sandbox/library/a/original')).toBeNull()
  })

  it('an image inside an editable selection joins groups with single separators, none leading or trailing', () => {
    const t = buildContextMenuTemplate(
      params({ isEditable: true, mediaType: 'image', srcURL: LIBRARY_IMAGE, editFlags: noFlags }),
      actions()
    )
    expect(t[0]?.type).not.toBe('separator')
    expect(t.at(-1)?.type).not.toBe('separator')
    const seps = t.map((i, n) => (i.type === 'separator' ? n : -1)).filter((n) => n >= 0)
    expect(seps.every((n, k) => k === 0 || n - seps[k - 1]! > 1)).toBe(true)
  })

  it('LIBRARY_MEDIA_AREA equals LIBRARY_AREA in library/media-ingest.ts (the copy the comment promises to check)', async () => {
    const { LIBRARY_AREA } = await import('../../../src-main/library/media-ingest')
    expect(LIBRARY_MEDIA_AREA).toBe(LIBRARY_AREA)
  })
})
