import type { ChatRunner } from './chat-runner'
import type { Faults } from './faults'
import type { GenerationEngine } from './generations'
import type { FetchRemote } from './image-input'
import type { Ledger } from './ledger'
import type { MediaStore } from './media'
import type { RateLimiter } from './rate-limit'
import type { RequestLog } from './request-log'
import type { UrlSigner } from './signing'
import type { Store } from './store'

/** Everything a route handler may use; built once by startSandbox. */
export interface Services {
  store: Store
  ledger: Ledger
  media: MediaStore
  signer: UrlSigner
  faults: Faults
  limiter: RateLimiter
  /** Bodies of the generation POSTs received, for tests (request-log.ts). */
  requests: RequestLog
  generations: GenerationEngine
  chat: ChatRunner
  fetchRemote: FetchRemote
  metaPixel: boolean
  adminToken: string
  defaultCredits: number
  baseUrl: () => string
  log: (line: string) => void
}
