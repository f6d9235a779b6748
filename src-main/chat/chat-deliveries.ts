import { generationRequest, type ChatGeneration, type Job, type MediaKind } from '../../src-preload/contract'
import { silentLogger, type Logger } from '../core/logger'
import type { ChatGenerationsRepo, ChatGenerationRow } from '../db/chat-generations-repo'
import type { ChatRunState } from '../krev/types'
import type { AdoptInput } from '../queue/adopt-generation'
import type { ChatMode } from './chat-store'
import { reportedGenerations } from './run-generations'

/**
 * Chat results delivered: every generation a run reports is linked to its conversation
 * and message (chat_generations) and handed to the queue (`queue.adopt`), which polls it
 * and downloads its outputs into the Library. The link is written before the adoption,
 * so a crash in between adopts it on the next start (`adoptPending`); adopting twice is
 * harmless (the queue answers the job it has).
 */

export interface DeliveryDeps {
  repo: ChatGenerationsRepo
  adopt(input: AdoptInput): Promise<Job>
  /** The queue's current jobs (their status, progress and assets). */
  jobs(): Promise<Job[]>
  now(): string
  /** A run started generations: Krev charged for them, the balance shown is out of date. */
  onCharged?(): void
  logger?: Logger
}

export interface RunContext {
  conversationId: string
  runId: string
  /** The run's assistant message: the generations show on it. */
  messageId: string
  userText: string
  productIds: string[]
}

export interface Deliveries {
  /** Links and adopts what this poll of the run reported; never throws. */
  record(mode: ChatMode, run: RunContext, state: ChatRunState): Promise<void>
  /** Adopts every linked generation that has no job yet (start, mode switch). */
  adoptPending(mode: ChatMode): Promise<void>
  renameMessage(mode: ChatMode, from: string, to: string): void
  views(mode: ChatMode, conversationId: string): Promise<ChatGeneration[]>
  forget(mode: ChatMode, conversationId: string): void
}

export function createDeliveries(deps: DeliveryDeps): Deliveries {
  const logger = deps.logger ?? silentLogger

  async function adoptRow(mode: ChatMode, row: ChatGenerationRow): Promise<void> {
    const request = generationRequest.safeParse(JSON.parse(row.request))
    if (!request.success) return
    try {
      const job = await deps.adopt({
        generationId: row.generationId,
        request: request.data,
        source: { type: 'chat', conversationId: row.conversationId, messageId: row.messageId },
        creditsUsed: row.credits
      })
      deps.repo.setJob(mode, row.generationId, job.id)
    } catch (error) {
      // Left without a job: adopted again on the next poll or start.
      logger.warn('chat: a generation could not be handed to the queue yet', { generationId: row.generationId, error })
    }
  }

  return {
    async record(mode, run, state) {
      const reported = reportedGenerations(state, { userText: run.userText, productIds: run.productIds })
      if (!reported.length) return
      const known = new Map(deps.repo.forConversation(mode, run.conversationId).map((g) => [g.generationId, g]))
      const fresh = reported.filter((g) => !known.has(g.generationId))
      for (const g of fresh) {
        const row: ChatGenerationRow = {
          generationId: g.generationId,
          conversationId: run.conversationId,
          messageId: run.messageId,
          runId: run.runId,
          jobId: null,
          kind: g.kind,
          credits: g.credits,
          request: JSON.stringify(g.request),
          createdAt: deps.now()
        }
        deps.repo.link(mode, row)
        known.set(g.generationId, { ...row, assetIds: [] })
      }
      if (fresh.length) deps.onCharged?.()
      for (const g of reported) {
        const row = known.get(g.generationId)
        if (row && !row.jobId) await adoptRow(mode, row)
      }
    },

    async adoptPending(mode) {
      for (const row of deps.repo.withoutJob(mode)) await adoptRow(mode, row)
    },

    renameMessage: (mode, from, to) => deps.repo.renameMessage(mode, from, to),

    async views(mode, conversationId) {
      const rows = deps.repo.forConversation(mode, conversationId)
      if (!rows.length) return []
      const jobs = new Map((await deps.jobs().catch(() => [] as Job[])).map((j) => [j.id, j]))
      return rows.map((r) => viewOf(r, r.jobId ? jobs.get(r.jobId) : undefined, r.assetIds))
    },

    forget: (mode, conversationId) => deps.repo.removeConversation(mode, conversationId)
  }
}

/** What the thread shows of one generation: the job's state when it is still queued, else the Library's. */
export function viewOf(row: Pick<ChatGenerationRow, 'generationId' | 'messageId' | 'jobId' | 'kind' | 'credits'>, job: Job | undefined, assetIds: string[]): ChatGeneration {
  const refunded = job?.error?.refunded === true
  return {
    generationId: row.generationId,
    messageId: row.messageId,
    jobId: row.jobId,
    kind: row.kind as MediaKind,
    status: job?.status ?? (assetIds.length ? 'succeeded' : null),
    progress: job?.progress ?? (assetIds.length ? 100 : 0),
    credits: refunded ? 0 : (job?.creditsUsed ?? row.credits ?? job?.creditsEstimate ?? null),
    assetIds: assetIds.length ? assetIds : (job?.assetIds ?? []),
    error: job?.error?.message ?? null
  }
}
