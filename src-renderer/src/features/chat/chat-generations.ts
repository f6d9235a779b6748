import type { ChatGeneration, Job } from '../../../../src-preload/contract'

/**
 * The thread's view of the generations a chat run started, kept current from the queue's
 * job events (an adopted job carries its chat source). Pure functions for the chat store.
 */

/** The generation as this job now says it is, or null when the job is not one of ours. */
export function fromJob(job: Job, conversationId: string | null): ChatGeneration | null {
  const src = job.source
  if (!src || src.type !== 'chat' || src.conversationId !== conversationId || !src.messageId || !job.generationId) return null
  return {
    generationId: job.generationId,
    messageId: src.messageId,
    jobId: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    credits: job.error?.refunded ? 0 : (job.creditsUsed ?? job.creditsEstimate),
    assetIds: job.assetIds,
    error: job.error?.message ?? null
  }
}

export function upsertGeneration(list: readonly ChatGeneration[], g: ChatGeneration): ChatGeneration[] {
  const at = list.findIndex((x) => x.generationId === g.generationId)
  if (at < 0) return [...list, g]
  const next = [...list]
  // Assets once known stay (a job cleared from the queue no longer lists them).
  next[at] = { ...g, assetIds: g.assetIds.length ? g.assetIds : list[at]!.assetIds }
  return next
}

/** What the generations of one message cost (null: nothing known yet). */
export function creditsOf(list: readonly ChatGeneration[]): number | null {
  const known = list.filter((g) => g.credits !== null)
  return known.length ? known.reduce((sum, g) => sum + (g.credits ?? 0), 0) : null
}

export const isWorking = (g: ChatGeneration): boolean => g.status === null || ['pending', 'submitted', 'processing', 'downloading', 'paused'].includes(g.status)
