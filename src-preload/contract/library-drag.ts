import { z } from 'zod'
import { count, id } from './common'
import { MAX_DRAG_FILES } from './values'

export const libraryDragCommands = {
  /**
   * Starts a native drag of these outputs' real files (Electron's webContents.startDrag), so
   * they can be dropped into Finder, Explorer, a browser upload or a chat app. Main resolves
   * the files inside the Library folder only. `started: false` where there is no native drag
   * (the web preview: the renderer downloads instead); `missing` counts files that are gone.
   */
  'library.startDrag': {
    input: z.object({ ids: z.array(id).min(1).max(MAX_DRAG_FILES) }).strict(),
    output: z.object({ started: z.boolean(), files: count, missing: count })
  }
} as const
