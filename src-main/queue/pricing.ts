import type { GenerationRequest } from '../../src-preload/contract'
import { promptOf } from '../../src-preload/contract/request-text'
import type { AdParams, ImageParams, VideoParams } from '../krev/types'

/**
 * How a request is named and sent. What it costs is the contract's one estimate
 * (`src-preload/contract/estimate.ts`), shared with the renderer's live figure.
 */
export { estimateRequestCredits as estimateCredits } from '../../src-preload/contract/estimate'
export { promptOf } from '../../src-preload/contract/request-text'

/** The job's name in the queue: the first line of the prompt or brief, shortened. */
export function titleFor(req: GenerationRequest): string {
  const raw = promptOf(req)
  const line = raw.trim().split(/\r?\n/)[0]?.replace(/\s+/g, ' ') ?? ''
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || 'Untitled'
}

export function productIdsOf(req: GenerationRequest): string[] {
  if (req.kind === 'video') return req.params.productId ? [req.params.productId] : []
  return req.params.productIds ?? []
}

/** A contract name as the API spells it: `aspectRatio` → `aspect_ratio`. */
type SnakeCase<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeCase<Rest>}`
  : S
type OnTheWire<T> = { [K in keyof T as SnakeCase<K & string>]: T[K] }

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
/** What the creator left unset: never sent, so the API applies its own default. */
const isUnset = (v: unknown): boolean => v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/**
 * The contract's camelCase parameters under the API's snake_case names, carrying only what
 * the creator set. A field the API does not know is refused by the client's wire schema
 * (krev/validate.ts) before anything leaves.
 */
function onTheWire<T extends object>(params: T): OnTheWire<T> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => !isUnset(v)).map(([k, v]) => [snakeCase(k), v])) as OnTheWire<T>
}

export type KrevRequest =
  | { kind: 'image'; params: ImageParams }
  | { kind: 'video'; params: VideoParams }
  | { kind: 'ad'; params: AdParams }

/** The contract's request as the API's parameters (the switch keeps each kind's params typed). */
export function toKrevRequest(req: GenerationRequest): KrevRequest {
  switch (req.kind) {
    case 'image':
      return { kind: 'image', params: onTheWire(req.params) }
    case 'video':
      return { kind: 'video', params: onTheWire(req.params) }
    case 'ad':
      return { kind: 'ad', params: onTheWire(req.params) }
  }
}
