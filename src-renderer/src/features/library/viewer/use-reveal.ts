import { useState } from 'react'
import { errorMessage, invoke, isStudioError } from '../../../api/client'
import { useAppStore } from '../../../stores/app'
import { useLibraryStore } from '../../../stores/library'
import { useReviewStore } from '../../../stores/review'

export type RevealState = 'idle' | 'missing'

/**
 * Show in folder, and what to do when the file is gone: library.reveal says why nothing was
 * shown; a missing file (deleted or moved behind the app's back) gets a toast and, in the
 * viewer, the two ways out: rebuild the library from the folder, or remove the entry.
 */
export function useReveal(id: string) {
  const [state, setState] = useState<{ id: string; missing: boolean; busy: boolean }>({ id, missing: false, busy: false })
  const pushNotice = useAppStore((s) => s.pushNotice)
  const current = state.id === id ? state : { id, missing: false, busy: false }
  const fail = (e: unknown) => pushNotice({ level: 'error', message: errorMessage(e) })

  const reveal = async () => {
    try {
      const out = await invoke('library.reveal', { id })
      if (out.reason === 'file_missing') {
        setState({ id, missing: true, busy: false })
        pushNotice({ level: 'warning', message: 'This file is no longer in the Library folder.', detail: 'It was moved or deleted outside Krev Studio.' })
      } else if (out.reason === 'no_file_manager') {
        pushNotice({ level: 'info', message: 'There is no file manager here. Use Export or Download instead.' })
      }
    } catch (e) {
      // Gone from the index too (a folder check removed it meanwhile): the same answer.
      if (isStudioError(e) && e.code === 'not_found') {
        setState({ id, missing: true, busy: false })
        pushNotice({ level: 'warning', message: 'This file is no longer in the Library folder.' })
      } else fail(e)
    }
  }

  const rebuild = async () => {
    setState({ id, missing: true, busy: true })
    try {
      const out = await invoke('library.rebuild', {})
      pushNotice({ level: 'success', message: `Library rebuilt: ${out.total} items, ${out.removed} removed.` })
      void useLibraryStore.getState().fetch()
      setState({ id, missing: false, busy: false })
    } catch (e) {
      setState({ id, missing: true, busy: false })
      fail(e)
    }
  }

  const remove = async () => {
    setState({ id, missing: true, busy: true })
    try {
      await invoke('library.delete', { ids: [id] })
      useLibraryStore.getState().drop([id])
      useReviewStore.getState().forget([id])
      pushNotice({ level: 'success', message: 'Removed from the library.' })
    } catch (e) {
      setState({ id, missing: true, busy: false })
      fail(e)
    }
  }

  return { missing: current.missing, busy: current.busy, reveal, rebuild, remove }
}
