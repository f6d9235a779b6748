// The right-click menu as data, from the subset of Electron's `context-menu` params it
// needs. Pure (type-only electron import): each case is unit-tested without Electron.
// context-menu-electron.ts shows it and routes media actions to the library service.
import type { MenuItemConstructorOptions } from 'electron'
import type { MediaRef } from '../media/media-store'
import { MEDIA_HOST, MEDIA_SCHEME, parseMediaPath } from '../media/media-url'

/**
 * The library's media area. Same value as LIBRARY_AREA in library/media-ingest.ts (which no
 * longer loads sharp: image work is in the media worker); a copy so this pure module needs
 * nothing from the library, and test/unit/desktop/context-menu.test.ts proves the two agree.
 */
export const LIBRARY_MEDIA_AREA = 'library'

export interface ContextMenuParams {
  isEditable: boolean
  selectionText: string
  misspelledWord: string
  dictionarySuggestions: string[]
  mediaType: string
  srcURL: string
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean }
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
  /** The image under the pointer, as Chromium decoded it (any format the page can show). */
  copyImage(): void
  reveal(assetId: string): void
  exportAsset(assetId: string): void
}

/** Our own media only: `krev-media://media/<mode>/<area>/<id>/<variant>`; any other URL → null. */
export function mediaRefFromUrl(raw: string): MediaRef | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.host !== MEDIA_HOST || url.username || url.password) return null
  if (url.search || url.hash) return null
  return parseMediaPath(url.pathname)
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/** Groups joined by separators; empty groups vanish. An empty result means "show nothing". */
function joinGroups(groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] {
  return groups.filter((g) => g.length > 0).flatMap((g, i) => (i === 0 ? g : [separator, ...g]))
}

export function buildContextMenuTemplate(p: ContextMenuParams, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const spelling: MenuItemConstructorOptions[] = []
  if (p.isEditable && p.misspelledWord) {
    const suggestions = p.dictionarySuggestions.slice(0, 5)
    for (const word of suggestions) spelling.push({ label: word, click: () => actions.replaceMisspelling(word) })
    if (suggestions.length === 0) spelling.push({ label: 'No Guesses Found', enabled: false })
    const word = p.misspelledWord
    spelling.push({ label: 'Add to Dictionary', click: () => actions.addToDictionary(word) })
  }

  const text: MenuItemConstructorOptions[] = []
  if (p.isEditable) {
    text.push(
      { role: 'cut', enabled: p.editFlags.canCut },
      { role: 'copy', enabled: p.editFlags.canCopy },
      { role: 'paste', enabled: p.editFlags.canPaste },
      separator,
      { role: 'selectAll', enabled: p.editFlags.canSelectAll }
    )
  } else if (p.selectionText.trim() !== '') {
    text.push({ role: 'copy', enabled: p.editFlags.canCopy })
  }

  const media: MenuItemConstructorOptions[] = []
  const isMedia = p.mediaType === 'image' || p.mediaType === 'video'
  const ref = isMedia ? mediaRefFromUrl(p.srcURL) : null
  if (ref) {
    if (p.mediaType === 'image') media.push({ label: 'Copy Image', click: () => actions.copyImage() })
    if (ref.area === LIBRARY_MEDIA_AREA) {
      media.push(
        { label: 'Reveal in Folder', click: () => actions.reveal(ref.id) },
        { label: 'Export…', click: () => actions.exportAsset(ref.id) }
      )
    }
  }
  return joinGroups([spelling, media, text])
}
