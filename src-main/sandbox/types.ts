import { SCOPES, type AdCopy } from '../krev/wire'
import type { AudioMode, ChatAgent, GenerationStatus } from '../../src-preload/contract/values'

/**
 * The sandbox's own records (what it persists in state.json). Wire shapes are produced
 * from these by the route modules; keeping them separate lets the stored form evolve
 * without touching the documented API.
 */

export { SCOPES }
export type Scope = (typeof SCOPES)[number]

export const DEFAULT_USER = 'default'

export interface UserRecord {
  id: string
  credits: number
  limit: number
  plan: string
  planName: string
}

/** Never the plaintext: a key is stored as its hash plus what a dashboard shows of it. */
export interface KeyRecord {
  id: string
  name: string
  /** SHA-256 of the full key, hex; the Store's index. */
  hash: string
  /** `sk_live_` + the first 4 characters. */
  prefix: string
  last4: string
  userId: string
  scopes: Scope[]
  createdAt: string
  revokedAt: string | null
}

export type { AdCopy, ChatAgent, GenerationStatus }
export type GenerationKind = 'image' | 'video' | 'ad'

/** Normalised request parameters, after validation; what the renderers consume. */
export interface GenerationParams {
  prompt: string
  aspectRatio: string
  productIds: string[]
  presetId: string | null
  hd: boolean
  imageCount: number
  referenceImages: string[]
  /** video only */
  duration?: number
  audioMode?: AudioMode
  sourceImage?: string | null
  /** ads only */
  styleId?: string | null
  inspirationImage?: string | null
  brandContext?: string | null
}

export interface GenerationRecord {
  id: string
  userId: string
  kind: GenerationKind
  status: GenerationStatus
  params: GenerationParams
  creditsCharged: number
  refunded: boolean
  /** File names inside the user's media dir, in output order. */
  outputs: string[]
  error: string | null
  adCopy: AdCopy | null
  /** Set when the output differs from what was asked (e.g. animated WebP instead of MP4). */
  notice: string | null
  /** A failure decided at accept time (fault injection or the #sandbox-fail prompt hook). */
  failWith: string | null
  plannedMs: number
  source: 'api' | 'chat'
  createdAt: string
  startedAt: string | null
  completedAt: string | null
}

export interface ProductRecord {
  id: string
  userId: string
  name: string
  category: string | null
  metadata: Record<string, unknown>
  source: 'api'
  originalFile: string
  segmentedFile: string | null
  createdAt: string
}

export interface MessageRecord {
  id: string
  role: 'user' | 'assistant' | 'tool'
  content: string
  createdAt: string
}

export interface ConversationRecord {
  id: string
  userId: string
  title: string
  messages: MessageRecord[]
  runIds: string[]
  createdAt: string
  updatedAt: string
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface RunRecord {
  id: string
  jobId: string
  conversationId: string
  userId: string
  status: RunStatus
  agent: ChatAgent
  message: string
  productIds: string[]
  referenceImages: string[]
  userMessageId: string
  assistantMessageId: string
  generationIds: string[]
  artifacts: Array<Record<string, unknown>>
  error: string | null
  createdAt: string
  updatedAt: string
  completedAt: string | null
}

export interface SandboxState {
  version: 1
  secret: string
  dashboardSession: string
  users: Record<string, UserRecord>
  keys: KeyRecord[]
  products: ProductRecord[]
  generations: GenerationRecord[]
  conversations: ConversationRecord[]
  runs: RunRecord[]
}
