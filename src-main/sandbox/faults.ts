import { HttpError } from './http'
import { newId, seededRandom } from './util'

/**
 * Fault injection for tests: a rule targets requests by method + path pattern and, on
 * the requests it selects (deterministically: skip `after`, then `times`, optionally a
 * seeded `rate`), replaces or damages the response.
 */
export type FaultAction =
  /** Answer `status` with `{success:false,error}` (or `error` text). */
  | { type: 'status'; status: number; error?: string }
  /** Delay the request by `ms` before it is handled; combines with other rules. */
  | { type: 'latency'; ms: number }
  /** 429 with exactly this Retry-After header value (any string: "3", an HTTP-date, garbage); omit for none. */
  | { type: 'rate-limit'; retryAfter?: string }
  /** A JSON body cut in the middle (status 200 unless given). */
  | { type: 'truncated-json'; status?: number }
  /** An HTML error page, as a proxy or CDN would send (default 502). */
  | { type: 'html'; status?: number }
  /** TCP reset before any response byte; the body was read (and by default processed). */
  | { type: 'reset' }
  /** Media downloads: send headers and `fraction` (0..1) of the bytes, then reset. */
  | { type: 'reset-download'; fraction: number }
  /** Shallow-merge `data` into the real response's `data` (progress 150, unknown status, …). */
  | { type: 'patch'; data: Record<string, unknown> }
  /** Generation-creating POSTs: accept (and charge) normally, then the job fails and is refunded. */
  | { type: 'fail-generation'; error?: string }
  /** A 200 whose body is `bytes` long (a never-ending JSON string). */
  | { type: 'huge-body'; bytes: number }
  /** Write these bytes verbatim to the socket and close (hand-made broken HTTP). */
  | { type: 'raw'; data: string }

export interface FaultRule {
  id?: string
  /** HTTP method; omitted = any. */
  method?: string
  /** Exact path, `*` = one segment, trailing `**` = anything below: "/api/v1/generations/*", "/storage/**". */
  path: string
  action: FaultAction
  /** Apply to at most this many selected requests, then retire (default: unlimited). */
  times?: number
  /** Let this many matching requests through untouched first (default 0). */
  after?: number
  /** Apply to this share (0..1) of the matching requests, drawn from a PRNG seeded with `seed`. */
  rate?: number
  seed?: number
  /**
   * Run the real handler before faulting the response, so the request took effect (a POST
   * charged and queued) although the client sees a failure. A processed create answered
   * with a 5xx `status` is refunded, as Krev documents for 500s. Default true for `reset`,
   * `reset-download`, `patch` and `fail-generation`; false otherwise.
   */
  process?: boolean
}

export interface FaultRuleState extends FaultRule {
  id: string
  /** How many requests matched the method + path. */
  seen: number
  /** How many of those the fault was applied to. */
  hits: number
}

export interface FaultMatch {
  /** Sum of matching latency rules. */
  latencyMs: number
  /** The first matching non-latency rule, already counted. */
  rule: FaultRuleState | null
}

export interface FaultController {
  /** Adds a rule; returns its id. */
  set(rule: FaultRule): string
  /** Removes one rule, or all of them. */
  clear(id?: string): void
  list(): FaultRuleState[]
}

const ACTIONS = new Set([
  'status', 'latency', 'rate-limit', 'truncated-json', 'html', 'reset',
  'reset-download', 'patch', 'fail-generation', 'huge-body', 'raw'
])

function compile(pattern: string): RegExp {
  const escaped = pattern
    .split('/')
    .map((segment) => (segment === '**' ? '.*' : segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return new RegExp(`^${escaped.replace(/\/\.\*$/, '(?:/.*)?')}$`)
}

export function validateRule(input: unknown): FaultRule {
  const rule = input as FaultRule
  if (!rule || typeof rule !== 'object' || typeof rule.path !== 'string' || !rule.path.startsWith('/')) {
    throw new HttpError(400, 'fault rule needs a path starting with "/"')
  }
  if (!rule.action || typeof rule.action !== 'object' || !ACTIONS.has(rule.action.type)) {
    throw new HttpError(400, `fault action.type must be one of ${[...ACTIONS].join(', ')}`)
  }
  for (const field of ['times', 'after', 'rate', 'seed'] as const) {
    if (rule[field] !== undefined && (typeof rule[field] !== 'number' || !(rule[field] >= 0))) {
      throw new HttpError(400, `fault ${field} must be a non-negative number`)
    }
  }
  return rule
}

export class Faults implements FaultController {
  private rules: Array<{ state: FaultRuleState; re: RegExp; rand: () => number }> = []

  set(input: FaultRule): string {
    const rule = validateRule(input)
    const id = rule.id ?? newId()
    this.rules = this.rules.filter((r) => r.state.id !== id)
    this.rules.push({
      state: { ...rule, id, seen: 0, hits: 0 },
      re: compile(rule.path),
      rand: seededRandom(rule.seed ?? 1)
    })
    return id
  }

  clear(id?: string): void {
    this.rules = id ? this.rules.filter((r) => r.state.id !== id) : []
  }

  list(): FaultRuleState[] {
    return this.rules.map((r) => ({ ...r.state }))
  }

  /** Called once per request; counts and selects. */
  match(method: string, path: string): FaultMatch {
    const result: FaultMatch = { latencyMs: 0, rule: null }
    for (const { state, re, rand } of this.rules) {
      if (state.method && state.method.toUpperCase() !== method) continue
      if (!re.test(path)) continue
      const isLatency = state.action.type === 'latency'
      if (!isLatency && result.rule) continue
      state.seen++
      if (state.seen <= (state.after ?? 0)) continue
      if (state.times !== undefined && state.hits >= state.times) continue
      if (state.rate !== undefined && rand() >= state.rate) continue
      state.hits++
      if (state.action.type === 'latency') result.latencyMs += Math.max(0, state.action.ms)
      else result.rule = state
    }
    return result
  }
}

export const processesRequest = (rule: FaultRule): boolean =>
  rule.process ?? (rule.action.type === 'reset' || rule.action.type === 'patch' ||
    rule.action.type === 'fail-generation' || rule.action.type === 'reset-download')
