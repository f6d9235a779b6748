import { constants as fsc, promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { CommandOutput } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import { exportName, numbered } from './export-names'
import type { ResolvedFile } from './library-folder'
import type { LibraryRecord } from './library-record'

/**
 * Copies library files to a folder the creator picks, under safe names (export-names.ts).
 * An existing file there is never overwritten: a name taken gets ` (2)`, ` (3)`…
 */
export async function exportFiles(
  records: LibraryRecord[],
  host: { chooseExportFolder(): Promise<string | null> },
  resolve: (r: LibraryRecord) => Promise<ResolvedFile | null>
): Promise<CommandOutput<'library.export'>> {
  const folder = await host.chooseExportFolder()
  if (!folder) return { exported: 0, folder: null }
  // The Library folder setting may name a folder that does not exist yet.
  await fs.mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new AppError('io', `Couldn\u2019t create the export folder (${error.code ?? 'error'}).`, { retryable: true })
  })
  let exported = 0
  for (const r of records) {
    const source = await resolve(r)
    if (!source) continue
    const name = exportName(r, r.filePath.slice(r.filePath.lastIndexOf('.') + 1).toLowerCase())
    // COPYFILE_EXCL: an existing file in the chosen folder is never overwritten.
    for (let n = 1; n < 1000; n++) {
      try {
        await fs.copyFile(source.path, join(folder, n === 1 ? name : numbered(name, n)), fsc.COPYFILE_EXCL)
        exported++
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new AppError('io', `Couldn\u2019t export to that folder (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
            retryable: true
          })
        }
      }
    }
  }
  return { exported, folder }
}
