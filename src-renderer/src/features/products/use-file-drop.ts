import { useCallback, useRef, useState, type DragEvent } from 'react'
import { collectDrop, type Collected } from './import/collect-files'

/**
 * Drag-and-drop of files and folders onto an element, with a counter so child elements
 * don't flicker. Folders are walked (collect-files.ts); the entries are taken during the
 * drop event, as the browser requires.
 */
export function useFileDrop(onFiles: (collected: Collected) => void) {
  const [over, setOver] = useState(false)
  const depth = useRef(0)
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')

  const onDragEnter = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return
    e.preventDefault()
    depth.current++
    setOver(true)
  }, [])
  const onDragOver = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return
    e.preventDefault()
    e.dataTransfer.dropEffect = 'copy'
  }, [])
  const onDragLeave = useCallback(() => {
    depth.current = Math.max(0, depth.current - 1)
    if (depth.current === 0) setOver(false)
  }, [])
  const onDrop = useCallback(
    (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current = 0
      setOver(false)
      void collectDrop(e.dataTransfer).then(onFiles)
    },
    [onFiles]
  )
  return { over, handlers: { onDragEnter, onDragOver, onDragLeave, onDrop } }
}
