import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { job as jobShape } from '../../src-preload/contract'
import { writeJsonAtomic } from '../core/atomic-file'
import type { QueueMode, StoredJob } from './job-model'

/**
 * One file per job (`<dataDir>/queue/<mode>/jobs/<jobId>.json`), written atomically, so
 * a crash at any point leaves each job either as it was or as it became, and one damaged
 * file costs one job, not the queue. Writes of the same job are serialised and the
 * newest state wins. Job ids are ours (UUIDs) and checked before they become file names.
 */

const FORMAT = 1
const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/
const TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/

const adCopyShape = z.object({ style_name: z.string(), hook: z.string(), headline: z.string(), body_copy: z.string(), cta: z.string() })
const storedShape = jobShape.extend({
  mode: z.enum(['sandbox', 'krev']),
  postStartedAt: z.string().nullable(),
  // Added later: files written before have neither, and load as "not known".
  sentAt: z.string().nullable().default(null),
  balanceBefore: z.object({ credits: z.number(), at: z.string() }).nullable().default(null),
  serverRetries: z.number().int().nonnegative(),
  outputUrls: z.array(z.string()),
  adCopy: adCopyShape.nullable()
})
const fileShape = z.object({ format: z.literal(FORMAT), job: storedShape })

export interface JobStore {
  dir(mode: QueueMode): string
  /** Every readable job of a mode; stale temp files are swept first. */
  load(mode: QueueMode): Promise<StoredJob[]>
  /** Resolves once this state (or a newer one) is on disk. */
  save(job: StoredJob): Promise<void>
  remove(job: Pick<StoredJob, 'id' | 'mode'>): Promise<void>
  flush(): Promise<void>
}

export const isJobId = (id: string): boolean => SAFE_ID.test(id)

export function createJobStore(dataDir: string, onDamaged: (file: string) => void = () => undefined): JobStore {
  const dir = (mode: QueueMode) => join(dataDir, 'queue', mode, 'jobs')
  const fileOf = (j: Pick<StoredJob, 'id' | 'mode'>) => {
    if (!isJobId(j.id)) throw new Error('invalid job id')
    return join(dir(j.mode), `${j.id}.json`)
  }
  const chains = new Map<string, Promise<void>>()
  const latest = new Map<string, StoredJob | null>()

  function enqueue(j: Pick<StoredJob, 'id' | 'mode'>, next: StoredJob | null): Promise<void> {
    const file = fileOf(j)
    latest.set(file, next)
    const previous = chains.get(file) ?? Promise.resolve()
    const write = previous
      .catch(() => undefined)
      .then(async () => {
        if (!latest.has(file)) return
        const value = latest.get(file) ?? null
        latest.delete(file)
        if (value) await writeJsonAtomic(file, { format: FORMAT, job: value })
        else await fs.rm(file, { force: true })
      })
    chains.set(file, write)
    void write.finally(() => {
      if (chains.get(file) === write) chains.delete(file)
    }).catch(() => undefined)
    return write
  }

  return {
    dir,

    async load(mode) {
      let names: string[]
      try {
        names = await fs.readdir(dir(mode))
      } catch {
        return []
      }
      const jobs: StoredJob[] = []
      for (const name of names) {
        const path = join(dir(mode), name)
        // Temp files of writes a crash interrupted: the job file itself is intact.
        if (TEMP.test(name)) {
          await fs.rm(path, { force: true }).catch(() => undefined)
          continue
        }
        if (!name.endsWith('.json') || !isJobId(name.slice(0, -5))) continue
        try {
          const parsed = fileShape.safeParse(JSON.parse(await fs.readFile(path, 'utf8')))
          if (parsed.success && parsed.data.job.id === name.slice(0, -5) && parsed.data.job.mode === mode) {
            jobs.push(parsed.data.job as StoredJob)
          } else onDamaged(path)
        } catch {
          onDamaged(path)
        }
      }
      return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    },

    // async: a bad id rejects like any failed write instead of throwing at the caller.
    save: async (j) => enqueue(j, structuredClone(j)),
    remove: async (j) => enqueue(j, null),

    async flush() {
      await Promise.all([...chains.values()].map((p) => p.catch(() => undefined)))
    }
  }
}
