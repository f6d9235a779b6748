import { useCallback, useState } from 'react'

/** The row height the grid aims for, in CSS pixels: the thumbnail-size slider's range. */
export const THUMB_SIZE = { min: 120, max: 360, step: 20, initial: 200 } as const
const KEY = 'krev.library.thumbSize'

/** A stored size, or the default when there is none or it is out of range. */
export function readThumbSize(storage: Pick<Storage, 'getItem'> | undefined): number {
  const n = Number(storage?.getItem(KEY))
  return Number.isFinite(n) && n >= THUMB_SIZE.min && n <= THUMB_SIZE.max ? n : THUMB_SIZE.initial
}

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage
  } catch {
    // Storage can be switched off; the slider then lasts the session.
    return undefined
  }
}

/** The slider's value, remembered in this window's local storage. */
export function useThumbSize(): [number, (size: number) => void] {
  const [size, setSize] = useState(() => readThumbSize(storage()))
  const update = useCallback((next: number) => {
    setSize(next)
    try {
      storage()?.setItem(KEY, String(next))
    } catch {
      // Full or switched off: keep the size for this session only.
    }
  }, [])
  return [size, update]
}
