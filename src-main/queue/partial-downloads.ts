import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { StoredJob } from './job-model'

/**
 * Partial downloads in a mode's staging folder: `.<assetId>.<random>.part` (+ `.json`, the
 * resume validators). The asset id is deterministic per job output, so a job resumed after
 * a restart finds its own partial again; the random part keeps two runs from ever writing
 * one file by name collision. What no unfinished job will continue is swept at start.
 */

const PART_RE = /^\.(.+)-\d+\.[0-9a-f]{12}\.part$/
/** The partial itself, its meta, and an atomic write of the meta cut short. */
const OWNED_RE = /^\.(.+)-\d+\.[0-9a-f]{12}\.part(\.json)?$|^\.\..+\.part\.json\.[0-9a-f]+\.tmp$/

/** The partial this output continues from, or a fresh name for it. */
export async function partialFor(dir: string, assetId: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true })
  const prefix = `.${assetId}.`
  const existing = (await fs.readdir(dir)).find((n) => n.startsWith(prefix) && PART_RE.test(n) && n.slice(prefix.length).length === 17)
  return join(dir, existing ?? `${prefix}${randomBytes(6).toString('hex')}.part`)
}

/**
 * Deletes every partial whose job will not continue it (finished or removed), and any
 * meta write a crash cut short. Call before the mode's downloads start. Answers the count.
 */
export async function sweepPartials(dir: string, keep: (jobId: string) => boolean): Promise<number> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return 0
  }
  let swept = 0
  for (const name of names) {
    if (!OWNED_RE.test(name)) continue
    const jobId = PART_RE.exec(name.replace(/\.json$/, ''))?.[1]
    if (jobId !== undefined && keep(jobId)) continue
    await fs.rm(join(dir, name), { force: true })
    swept++
  }
  return swept
}

/** Running, or failed with a retry that downloads again: its partial may still be continued. */
export const keepsPartial = (job: StoredJob | undefined): boolean =>
  job !== undefined && job.status !== 'succeeded' && job.status !== 'cancelled'
