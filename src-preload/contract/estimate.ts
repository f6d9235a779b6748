import { PRICES, VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from './values'

/**
 * The one price estimate, shown before anything is sent: the renderer's live figure on
 * Create and the queue's `creditsEstimate` in main both come from here. Zod-free, so the
 * renderer bundles it without the schema library. Krev's `credits_used` is the final word.
 */

export type EstimateInput =
  | { kind: 'image'; count: number; hd: boolean }
  | { kind: 'video'; duration: number }
  | { kind: 'ad'; count: number }

/** The parts of a generation request the price depends on (structural: no zod types here). */
export type PricedRequest =
  | { kind: 'image'; params: { imageCount: number; hd?: boolean } }
  | { kind: 'video'; params: { duration: number } }
  | { kind: 'ad'; params: { imageCount: number } }

// A draft may hold a half-typed field; the estimate then shows what the API would accept.
const clampDuration = (s: number): number =>
  Math.min(VIDEO_MAX_SECONDS, Math.max(VIDEO_MIN_SECONDS, Math.round(Number.isFinite(s) ? s : VIDEO_MIN_SECONDS)))

const safeCount = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 1)

export function estimateCredits(input: EstimateInput): number {
  switch (input.kind) {
    case 'image':
      return safeCount(input.count) * (input.hd ? PRICES.imageHd : PRICES.image)
    case 'video':
      return clampDuration(input.duration) * PRICES.videoPerSecond
    case 'ad':
      return safeCount(input.count) * PRICES.adImage
  }
}

/** The estimate of a whole request, as the queue records it on a job. */
export function estimateRequestCredits(req: PricedRequest): number {
  switch (req.kind) {
    case 'image':
      return estimateCredits({ kind: 'image', count: req.params.imageCount, hd: req.params.hd === true })
    case 'video':
      return estimateCredits({ kind: 'video', duration: req.params.duration })
    case 'ad':
      return estimateCredits({ kind: 'ad', count: req.params.imageCount })
  }
}
