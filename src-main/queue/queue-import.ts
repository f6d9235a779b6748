import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Db } from '../db/database'
import { createJobsRepo } from '../db/jobs-repo'
import { renameIfPresent, shared, runLegacyImport, type ImportOutcome } from '../db/legacy-import'
import { createPausesRepo } from '../db/pauses-repo'
import { CONNECTION_MODES } from '../../src-preload/contract/values'
import type { QueueMode, StoredJob } from './job-model'
import { isJobId, storedJobShape } from './stored-job-shape'

/**
 * The queue as Krev Studio kept it before the database — one file per job in
 * `<dataDir>/queue/<mode>/jobs/<id>.json` and the creator's pause in
 * `<dataDir>/queue/<mode>/state.json` — imported on first start (see db/legacy-import.ts).
 * A job file that can't be read is reported and skipped; it stays in the folder that is
 * renamed aside, so nothing is lost.
 */

const MODES = CONNECTION_MODES
const jobFileShape = z.object({ format: z.literal(1), job: storedJobShape })
const pauseFileShape = z.object({ format: z.literal(1), userPaused: z.boolean() })

export const legacyJobsDir = (dataDir: string, mode: QueueMode): string => join(dataDir, 'queue', mode, 'jobs')
const legacyPauseFile = (dataDir: string, mode: QueueMode): string => join(dataDir, 'queue', mode, 'state.json')

interface LegacyQueue {
  jobs: StoredJob[]
  pauses: { mode: QueueMode; userPaused: boolean }[]
  /** What exists on disk and is renamed aside once imported. */
  paths: string[]
}

/** Every readable job file in one folder of before; null when the folder is not there. */
export async function readLegacyJobFiles(dir: string, mode: QueueMode, onDamaged: (file: string) => void): Promise<StoredJob[] | null> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return null
  }
  const jobs: StoredJob[] = []
  for (const name of names) {
    // Temp files of interrupted writes (the job file itself is intact) and foreign names are no jobs.
    if (!name.endsWith('.json') || !isJobId(name.slice(0, -5))) continue
    const path = join(dir, name)
    try {
      const parsed = jobFileShape.safeParse(JSON.parse(await fs.readFile(path, 'utf8')))
      if (parsed.success && parsed.data.job.id === name.slice(0, -5) && parsed.data.job.mode === mode) {
        jobs.push(parsed.data.job as StoredJob)
      } else onDamaged(path)
    } catch {
      onDamaged(path)
    }
  }
  return jobs
}

async function readPause(path: string): Promise<boolean | null> {
  let text: string
  try {
    text = await fs.readFile(path, 'utf8')
  } catch {
    return null
  }
  let raw: unknown = null
  try {
    raw = JSON.parse(text)
  } catch {
    // Damaged: "not paused", as it always read; the file is kept aside with the rest.
  }
  const parsed = pauseFileShape.safeParse(raw)
  return parsed.success && parsed.data.userPaused
}

export function importLegacyQueue(db: Db, dataDir: string, onDamaged: (file: string) => void): Promise<ImportOutcome> {
  return shared(db, `queue:${dataDir}`, () => {
    const jobsRepo = createJobsRepo(db)
    const pausesRepo = createPausesRepo(db)
    return runLegacyImport<LegacyQueue>(db, {
      async read() {
        const found: LegacyQueue = { jobs: [], pauses: [], paths: [] }
        for (const mode of MODES) {
          const jobs = await readLegacyJobFiles(legacyJobsDir(dataDir, mode), mode, onDamaged)
          if (jobs) {
            found.jobs.push(...jobs)
            found.paths.push(legacyJobsDir(dataDir, mode))
          }
          const paused = await readPause(legacyPauseFile(dataDir, mode))
          if (paused !== null) {
            found.pauses.push({ mode, userPaused: paused })
            found.paths.push(legacyPauseFile(dataDir, mode))
          }
        }
        return found.paths.length > 0 ? found : null
      },
      write(data) {
        for (const j of data.jobs) jobsRepo.saveSync(j, { ifAbsent: true })
        for (const p of data.pauses) pausesRepo.setSync(p.mode, p.userPaused, { ifAbsent: true })
      },
      verify(data) {
        const found = data.jobs.filter((j) => jobsRepo.has(j.mode, j.id)).length + data.pauses.filter((p) => pausesRepo.get(p.mode) !== null).length
        return { found, expected: data.jobs.length + data.pauses.length }
      },
      async moveAside(data, suffix) {
        for (const path of data.paths) await renameIfPresent(path, suffix)
      }
    })
  })
}
