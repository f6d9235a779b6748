/**
 * What the sandbox was asked to generate: the JSON body of every generation POST it
 * received (accepted or refused), newest last, for tests that check the exact wire body a
 * client sent (`GET /__sandbox/requests`). Bounded in count and in bytes per body, so a
 * long session or a hostile body cannot grow the sandbox's memory without limit.
 */

export const MAX_RECORDED_REQUESTS = 200
export const MAX_RECORDED_BODY_BYTES = 64 * 1024

export interface RecordedRequest {
  /** 1, 2, 3… in arrival order (kept across trimming, so a reader can ask for what is new). */
  seq: number
  method: string
  path: string
  receivedAt: string
  /** The parsed JSON body; null when it was not JSON or was larger than the cap. */
  body: unknown
  /** Set when the body could not be kept as JSON (why, in words). */
  note?: string
}

export class RequestLog {
  private readonly items: RecordedRequest[] = []
  private seq = 0

  constructor(
    private readonly max = MAX_RECORDED_REQUESTS,
    private readonly maxBodyBytes = MAX_RECORDED_BODY_BYTES,
    private readonly now: () => Date = () => new Date()
  ) {}

  record(method: string, path: string, raw: Buffer): RecordedRequest {
    const entry: RecordedRequest = { seq: ++this.seq, method, path, receivedAt: this.now().toISOString(), body: null }
    if (raw.byteLength > this.maxBodyBytes) entry.note = `body of ${raw.byteLength} bytes not kept (over ${this.maxBodyBytes})`
    else {
      try {
        entry.body = JSON.parse(raw.toString('utf8'))
      } catch {
        entry.note = 'body is not JSON'
      }
    }
    this.items.push(entry)
    if (this.items.length > this.max) this.items.splice(0, this.items.length - this.max)
    return entry
  }

  /** Oldest first; `path` filters to one endpoint, `after` to entries newer than a seq. */
  list(filter: { path?: string; after?: number } = {}): RecordedRequest[] {
    return this.items.filter((r) => (filter.path === undefined || r.path === filter.path) && (filter.after === undefined || r.seq > filter.after))
  }

  clear(): void {
    this.items.length = 0
  }
}
