import { useCallback, useState } from 'react'
import { plural } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { useLibraryStore, type AssetEdit } from '../../stores/library'
import { MAX_COMPARE, MIN_COMPARE, useReviewStore } from '../../stores/review'

/**
 * What review keys and the bulk bar do to a set of assets, in one place: favourite, rate,
 * approve/reject (pressing it again clears it), tag, export, compare and the delete that
 * asks first. Each outcome is said in words to the live region (screen readers hear "3
 * approved") and errors go to a toast; a partial delete names what stayed.
 */
export type ReviewCommand =
  | { type: 'favorite' }
  | { type: 'rate'; rating: number }
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'tag'; add?: string[]; remove?: string[] }
  | { type: 'export' }
  | { type: 'compare' }
  | { type: 'delete' }

export function useReviewCommands() {
  const pushNotice = useAppStore((s) => s.pushNotice)
  const [announcement, setAnnouncement] = useState('')
  const [pendingDelete, setPendingDelete] = useState<string[] | null>(null)

  const say = useCallback((text: string) => setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text)), [])

  const edit = useCallback(
    async (ids: string[], patch: AssetEdit, done: string) => {
      const error = await useLibraryStore.getState().edit(ids, patch)
      if (error) pushNotice({ level: 'error', message: error })
      else say(done)
    },
    [pushNotice, say]
  )

  const run = useCallback(
    async (command: ReviewCommand, ids: string[]) => {
      if (ids.length === 0) return
      const { cache } = useLibraryStore.getState()
      const assets = ids.map((id) => cache[id]).filter((a) => a !== undefined)
      const n = plural(ids.length, 'item')
      switch (command.type) {
        case 'favorite': {
          const on = !assets.every((a) => a.favorite)
          return edit(ids, { favorite: on }, on ? `${n} favourited` : `${n} no longer favourites`)
        }
        case 'rate':
          return edit(ids, { rating: command.rating }, command.rating ? `${n} rated ${plural(command.rating, 'star')}` : `Rating cleared on ${n}`)
        case 'approve':
        case 'reject': {
          const verdict = command.type === 'approve' ? 'approved' : 'rejected'
          const clear = assets.every((a) => a.approval === verdict)
          return edit(ids, { approval: clear ? null : verdict }, clear ? `${n} back to unreviewed` : `${n} ${verdict}`)
        }
        case 'tag': {
          const words = [...(command.add ?? []).map((t) => `tagged “${t}”`), ...(command.remove ?? []).map((t) => `“${t}” removed`)]
          return edit(ids, { ...(command.add ? { addTags: command.add } : {}), ...(command.remove ? { removeTags: command.remove } : {}) }, `${n} ${words.join(', ')}`)
        }
        case 'export':
          try {
            const out = await useLibraryStore.getState().exportAssets(ids)
            if (out.folder) {
              pushNotice({ level: 'success', message: `Exported ${plural(out.exported, 'item')} to ${out.folder}` })
              say(`${plural(out.exported, 'item')} exported`)
            }
          } catch (e) {
            pushNotice({ level: 'error', message: e instanceof Error ? e.message : String(e) })
          }
          return
        case 'compare':
          if (ids.length >= MIN_COMPARE && ids.length <= MAX_COMPARE) useReviewStore.getState().openCompare(ids)
          else say(`Select ${MIN_COMPARE} to ${MAX_COMPARE} items to compare`)
          return
        case 'delete':
          setPendingDelete(ids)
          return
      }
    },
    [edit, pushNotice, say]
  )

  const confirmDelete = useCallback(async () => {
    const ids = pendingDelete
    setPendingDelete(null)
    if (!ids) return
    const out = await useLibraryStore.getState().trash(ids)
    const where = out.trash === 'os' ? 'the trash' : 'the data folder’s .trash'
    if (out.deleted > 0) say(`${plural(out.deleted, 'item')} moved to ${where}`)
    if (out.deleted > 0 && out.failed.length === 0) pushNotice({ level: 'success', message: `Moved ${plural(out.deleted, 'item')} to ${where}` })
    if (out.failed.length > 0) {
      const { cache } = useLibraryStore.getState()
      const names = out.failed.map((f) => `“${(cache[f.id]?.adCopy?.headline || cache[f.id]?.prompt || f.id).slice(0, 60)}”: ${f.message}`)
      pushNotice({
        level: 'error',
        message: `${plural(out.failed.length, 'item')} couldn’t be moved to ${where}${out.deleted ? ` (${out.deleted} were)` : ''}`,
        detail: names.join('\n')
      })
    }
  }, [pendingDelete, pushNotice, say])

  return { run, announcement, say, pendingDelete, confirmDelete, cancelDelete: () => setPendingDelete(null) }
}
