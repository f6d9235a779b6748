import { estimateCredits } from '../../lib/pricing'
import { buildRequest, type CreateDraft, type GenerationInput, type ImageAspect, type AdAspect, type VariantCount } from '../../stores/create'
import type { BatchRow, RowProblem } from './batch-prompts'

/**
 * What a batch will send: one request per product (the prompt of Create for each), or one
 * per prompt row, every other parameter from the Create form unless the row sets it. Built
 * through Create's own `buildRequest`, so a batch job is exactly the job Generate would send.
 */

export type BatchSource = 'products' | 'prompts'

export interface BatchSettings {
  source: BatchSource
  /** Products mode: one job each. Prompts mode: the references of every job (a row may set its own). */
  productIds: readonly string[]
  /** Variants per job (images and ads). */
  count: VariantCount
  /** The prompt of products mode. */
  prompt: string
  /** Prompts mode: the parsed rows. */
  rows: readonly BatchRow[]
}

export interface BatchPlan {
  requests: GenerationInput[]
  /** Products mode: each job's product id, so its queue row can be told apart from the others. */
  productOf: string[]
  /** What stops the batch as it is (a row's, or the file's): nothing is sent while there are any. */
  problems: RowProblem[]
  /** What is still to be filled in before there is a batch at all (no products picked yet…). */
  missing: string | null
  credits: number
}

/** One request's estimate, from the contract's price table (as Create's summary shows it). */
export function requestEstimate(r: GenerationInput): number {
  if (r.kind === 'image') return estimateCredits({ kind: 'image', count: r.params.imageCount ?? 1, hd: r.params.hd ?? false })
  if (r.kind === 'video') return estimateCredits({ kind: 'video', duration: r.params.duration ?? 5 })
  return estimateCredits({ kind: 'ad', count: r.params.imageCount ?? 1 })
}

export const batchCredits = (requests: readonly GenerationInput[]): number => requests.reduce((sum, r) => sum + requestEstimate(r), 0)

/** The Create draft as one row of the batch would have it. */
function rowDraft(base: CreateDraft, prompt: string, productIds: readonly string[], count: VariantCount, row?: BatchRow): CreateDraft {
  const d: CreateDraft = { ...base, prompts: { ...base.prompts, [base.kind]: prompt }, productIds: [...(row?.productIds ?? productIds)] }
  d.imageCount = d.adCount = row?.count ?? count
  if (row?.aspect) {
    if (base.kind === 'ad') d.adAspect = row.aspect as AdAspect
    else if (base.kind === 'video') d.videoAspect = row.aspect as ImageAspect
    else d.imageAspect = row.aspect as ImageAspect
  }
  if (row?.hd !== undefined) d.hd = row.hd
  if (row?.duration !== undefined) d.duration = row.duration
  if (row?.audioMode) d.audioMode = row.audioMode
  if (row?.brandContext !== undefined) d.brandContext = row.brandContext
  return d
}

export function planBatch(draft: CreateDraft, s: BatchSettings): BatchPlan {
  const requests: GenerationInput[] = []
  const productOf: string[] = []
  const problems: RowProblem[] = []
  let missing: string | null = null
  const add = (d: CreateDraft, line: number) => {
    const built = buildRequest(d)
    if ('error' in built) problems.push({ line, message: built.error.charAt(0).toLowerCase() + built.error.slice(1) })
    else requests.push(built.request)
  }
  if (s.source === 'products') {
    if (!s.prompt.trim()) missing = draft.kind === 'ad' ? 'Write the brief every ad is made from.' : 'Write the prompt every product is shot with.'
    else if (s.productIds.length === 0) missing = 'Pick the products: one job is made for each.'
    else
      for (const id of s.productIds) {
        productOf.push(id)
        add(rowDraft(draft, s.prompt, [id], s.count), 0)
      }
  } else {
    if (s.rows.length === 0) missing = 'Add prompts: one per line, or load a CSV file.'
    for (const row of s.rows) add(rowDraft(draft, row.prompt, s.productIds, s.count, row), row.line)
  }
  return { requests, productOf, problems, missing, credits: batchCredits(requests) }
}
