import { generationRequest, type GenerationRequest, type MediaKind } from '../../src-preload/contract'
import type { ChatRunState } from '../krev/types'
import { cleanIds } from './chat-map'

/**
 * What a chat run says about each generation it started, read from one poll: the ids
 * (`generation_ids`), the embedded generation records (their kind) and the run's
 * `generation` artifacts (what was asked: prompt, count, aspect ratio, and what it cost).
 * The result is a request the queue can hold for the adopted job, never sent to Krev.
 * Anything missing falls back to what the creator wrote and the published prices.
 */

export interface ReportedGeneration {
  generationId: string
  kind: MediaKind
  request: GenerationRequest
  /** What Krev charged, when the run said so; null: the queue's estimate stands. */
  credits: number | null
}

const KINDS: ReadonlySet<string> = new Set(['image', 'video', 'ad'])
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 4000) : null)
const whole = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null)
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 10) : [])
const IMAGE_COUNTS = [1, 2, 4]

function artifactsById(state: ChatRunState): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>()
  for (const a of state.artifacts) {
    if (!a || typeof a !== 'object') continue
    const r = a as Record<string, unknown>
    if (r['type'] === 'generation' && typeof r['generation_id'] === 'string') map.set(r['generation_id'], r)
  }
  return map
}

function requestFor(kind: MediaKind, a: Record<string, unknown>, fallbackPrompt: string, productIds: string[]): GenerationRequest | null {
  const prompt = text(a['prompt']) ?? text(fallbackPrompt) ?? 'Generated in chat'
  const count = whole(a['image_count'])
  const imageCount = count && IMAGE_COUNTS.includes(count) ? count : 1
  const aspectRatio = text(a['aspect_ratio']) ?? undefined
  const products = ids(a['product_ids']).length ? ids(a['product_ids']) : productIds
  const candidates: unknown[] =
    kind === 'ad'
      ? [{ kind, params: { brief: prompt, productIds: products, imageCount, ...(aspectRatio ? { aspectRatio } : {}) } }]
      : kind === 'video'
        ? [{ kind, params: { prompt, ...(aspectRatio ? { aspectRatio } : {}), ...(whole(a['duration']) ? { duration: a['duration'] } : {}) } }]
        : [{ kind, params: { prompt, imageCount, ...(aspectRatio ? { aspectRatio } : {}), ...(products.length ? { productIds: products } : {}) } }]
  // An odd aspect ratio or duration: the bare request still describes the job well enough.
  candidates.push(kind === 'ad' ? { kind, params: { brief: prompt, productIds: products, imageCount } } : { kind, params: { prompt } })
  for (const c of candidates) {
    const r = generationRequest.safeParse(c)
    if (r.success) return r.data
  }
  return null
}

/** Every generation the run reported, in the order it gave them. */
export function reportedGenerations(state: ChatRunState, ctx: { userText: string; productIds: string[] }): ReportedGeneration[] {
  const artifacts = artifactsById(state)
  const records = new Map(state.generations.map((g) => [g.id, g]))
  const all = cleanIds([...state.generation_ids, ...state.generations.map((g) => g.id), ...artifacts.keys()])
  return all.flatMap((generationId) => {
    const a = artifacts.get(generationId) ?? {}
    const rawKind = String(records.get(generationId)?.kind ?? a['kind'] ?? 'image')
    const kind = (KINDS.has(rawKind) ? rawKind : 'image') as MediaKind
    const request = requestFor(kind, a, ctx.userText, ctx.productIds) ?? requestFor('image', a, ctx.userText, [])
    if (!request) return []
    return [{ generationId, kind: request.kind, request, credits: whole(a['credits_used']) }]
  })
}
