import type { BatchInfo, Job } from '../../../../src-preload/contract'

/**
 * A batch's progress as the Queue shows it ("2 / 3"), from the jobs of it still in the
 * queue and what main keeps of the batch (its name, size and estimate). Pure, for the strip.
 */

export interface BatchSummary {
  id: string
  name: string
  total: number
  done: number
  failed: number
  cancelled: number
  /** Held by the session spending cap. */
  waiting: number
  /** Not yet sent to Krev (what "Cancel the rest" cancels). */
  unsent: number
  /** Credits Krev charged so far (its own figure once known). */
  spent: number
  /** The whole batch's estimate. */
  estimate: number
  finished: boolean
  createdAt: string
}

const ACTIVE: ReadonlySet<Job['status']> = new Set(['pending', 'submitted', 'processing', 'downloading', 'paused'])

export function batchSummaries(jobs: readonly Job[], batches: Readonly<Record<string, BatchInfo>>): BatchSummary[] {
  const groups = new Map<string, Job[]>()
  for (const j of jobs) if (j.batchId) groups.set(j.batchId, [...(groups.get(j.batchId) ?? []), j])
  const out: BatchSummary[] = []
  for (const [id, list] of groups) {
    const info = batches[id]
    const count = (status: Job['status']) => list.filter((j) => j.status === status).length
    out.push({
      id,
      name: info?.name ?? 'Batch',
      total: Math.max(info?.jobCount ?? 0, list.length),
      done: count('succeeded'),
      failed: count('failed'),
      cancelled: count('cancelled'),
      waiting: list.filter((j) => j.error?.code === 'spend_cap').length,
      unsent: list.filter((j) => (j.status === 'pending' || j.status === 'paused') && !j.generationId).length,
      spent: list.reduce((sum, j) => sum + (j.creditsUsed ?? 0), 0),
      estimate: info?.creditsEstimate ?? list.reduce((sum, j) => sum + j.creditsEstimate, 0),
      finished: list.every((j) => !ACTIVE.has(j.status)),
      createdAt: info?.createdAt ?? list[0]!.createdAt
    })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** The ids of batches the queue has jobs of but main's list has not been read for. */
export const unknownBatches = (jobs: readonly Job[], batches: Readonly<Record<string, BatchInfo>>): string[] =>
  [...new Set(jobs.flatMap((j) => (j.batchId && !batches[j.batchId] ? [j.batchId] : [])))]
