import { z } from 'zod'
import { generationRequest, jobSource, type GenerationRequest, type JobSource } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { QueueMode, StoredJob } from './job-model'
import { newJob } from './job-transitions'

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
  return {
    ...newJob(input.request, mode, at, false, position),
    status: 'submitted',
    generationId: input.generationId,
    creditsUsed: input.creditsUsed ?? null,
    sentAt: input.startedAt ? new Date(input.startedAt).toISOString() : at,
    source: input.source
  }
}
