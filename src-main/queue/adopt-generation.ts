import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { generationRequest, jobSource, type GenerationRequest, type JobSource } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { QueueMode, StoredJob } from './job-model'
import { estimateCredits, titleFor } from './pricing'

/**
 * A generation started somewhere else (the chat agent: Krev answered it with a generation
 * id, no POST of ours) taken into the queue: from here it is followed, downloaded into
 * the library and resumed after a restart like any job. Main only (`queue.adopt` on the
 * service, not a renderer command). The same generation adopted twice is one job.
 */

export interface AdoptInput {
  /** Krev's id of the generation already started. */
  generationId: string
  /** What it was asked for, as far as the starter knows it: names the job and its spec. */
  request: GenerationRequest
  source: JobSource
  /** Krev's charge when the starter knows it; otherwise the published price is shown. */
  creditsUsed?: number | null
  /** When it was started (ISO); default now. */
  startedAt?: string
}

const adoptInput = z
  .object({
    generationId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'a Krev generation id'),
    request: generationRequest,
    source: jobSource,
    creditsUsed: z.number().int().nonnegative().nullable().optional(),
    startedAt: z.string().max(64).refine((s) => Number.isFinite(Date.parse(s)), 'a date').optional()
  })
  .strict()

/** The input checked: a clear error, nothing created, for anything else. */
export function checkAdoptInput(input: unknown): AdoptInput {
  const parsed = adoptInput.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('invalid_input', `Can't adopt that generation: ${issue?.path.join('.') || 'input'} ${issue?.message ?? 'is invalid'}.`, { retryable: false })
  }
  return parsed.data as AdoptInput
}

/** The job for an adopted generation: already at Krev ("submitted"), so never POSTed by us. */
export function adoptedJob(input: AdoptInput, mode: QueueMode, at: string, position: number): StoredJob {
  const sentAt = input.startedAt ? new Date(input.startedAt).toISOString() : at
  return {
    id: randomUUID(),
    kind: input.request.kind,
    status: 'submitted',
    progress: 0,
    title: titleFor(input.request),
    request: input.request,
    generationId: input.generationId,
    creditsEstimate: estimateCredits(input.request),
    creditsUsed: input.creditsUsed ?? null,
    assetIds: [],
    error: null,
    resumesAt: null,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    mode,
    postStartedAt: null,
    sentAt,
    balanceBefore: null,
    rerunAs: null,
    serverRetries: 0,
    outputUrls: [],
    adCopy: null,
    actionId: null,
    position,
    source: input.source
  }
}
