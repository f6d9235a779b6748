/**
 * The Krev client's public surface: the shapes the Krev API documents (snake_case, as on
 * the wire) and the operations the app uses. Services depend on this interface only, so
 * they can be tested with the sandbox or a fake.
 */
import type { AdAspect, AudioMode, ChatAgent, GenerationStatus, ImageAspect, ImageCount } from '../../src-preload/contract/values'
import type { AgentFactory } from './http'
import type { AdCopy } from './wire'

export type { AdAspect, AdCopy, GenerationStatus, ImageAspect }

export interface KrevCredits {
  plan: string
  plan_name: string
  credits: { current: number; limit: number; current_formatted: string; limit_formatted: string }
  storage: { used_bytes: number; limit_bytes: number; used_formatted: string; limit_formatted: string }
  resets_at: string | null
}

export interface KrevProduct {
  id: string
  name: string
  image_url: string | null
  segmented_image_url?: string | null
  category: string | null
  metadata: Record<string, unknown>
  source?: string
  created_at: string
}

export interface ImageParams {
  prompt: string
  aspect_ratio?: ImageAspect
  product_id?: string
  product_ids?: string[]
  preset_id?: string
  hd?: boolean
  image_count?: ImageCount
  reference_images?: string[]
}

export interface VideoParams {
  prompt: string
  aspect_ratio?: ImageAspect
  duration?: number
  audio_mode?: AudioMode
  product_id?: string
  source_image?: string
  preset_id?: string
}

export interface AdParams {
  brief: string
  product_ids: string[]
  aspect_ratio?: AdAspect
  image_count?: ImageCount
  style_id?: string
  inspiration_image?: string
  brand_context?: string
}

/** POST /images|/videos|/ads may answer with finished URLs or only a generation id. */
export interface GenerationStarted {
  generation_id: string
  /** Finished outputs when the server answered synchronously; empty when still running. */
  urls: string[]
  credits_used: number | null
  image_count?: number
  duration?: number
  ad_copy?: AdCopy
}

export interface KrevGeneration {
  id: string
  kind: 'image' | 'video' | 'ad' | string
  status: GenerationStatus
  /** Clamped to 0..100 by the client whatever the server sends. */
  progress: number
  output: { urls: string[] } | null
  error: string | null
  created_at: string
  completed_at: string | null
}

export interface ChatParams {
  message: string
  conversation_id?: string
  product_ids?: string[]
  reference_images?: string[]
  agent?: ChatAgent
}

export interface ChatStarted {
  conversation_id: string
  user_message_id: string
  assistant_message_id: string
  run_id: string
  job_id: string
  status: string
  poll_url: string
}

export interface ChatTranscriptMessage {
  id: string
  role: 'user' | 'assistant' | 'tool' | string
  content: string
  created_at: string
}

export interface ChatRunState {
  run_id: string
  conversation_id: string
  status: 'queued' | 'running' | 'succeeded' | 'failed' | string
  job_status?: string
  assistant_text: string | null
  messages: ChatTranscriptMessage[]
  artifacts: unknown[]
  generation_ids: string[]
  generations: KrevGeneration[]
  media_urls: string[]
  error: string | null
}

export interface ChatConversation {
  id: string
  title?: string | null
  messages: ChatTranscriptMessage[]
  runs?: { run_id: string; status: string }[]
  created_at?: string
  updated_at?: string
}

export interface ConversionResult {
  status: string
  events_received: number
}

export type ProductFile =
  | { data: Buffer; fileName: string; mimeType: string }
  /** A checked file on disk, streamed as it is sent; `head` (its first bytes) is sniffed again here. */
  | { path: string; size: number; head: Buffer; fileName: string; mimeType: string }

export type CreateProductInput =
  | { image_url: string; name?: string; skip_segmentation?: boolean }
  | { file: ProductFile; name?: string; skip_segmentation?: boolean }

/** What a media download must turn out to be (decided from its bytes). */
export type DownloadKind = 'image' | 'video'

export interface DownloadMediaOptions {
  /** Hard cap: the download is aborted past it. */
  maxBytes: number
  signal?: AbortSignal
  /** Which kinds the bytes must turn out to be (sniffed, not taken from headers). */
  accept: readonly DownloadKind[]
}

export interface FileDownloadOptions extends DownloadMediaOptions {
  /**
   * The partial file to stream into (its folder must exist). A partial an earlier attempt
   * or run left there is continued when it can be; `<part>.json` beside it holds how.
   */
  part: string
}

export interface DownloadedFile {
  /** The finished, fsynced file: the `part` path, now complete and verified. */
  file: string
  /** From the file's own bytes. */
  mimeType: string
  size: number
}

export interface DownloadedMedia {
  data: Buffer
  /** From the file's own bytes. */
  mimeType: string
}

export interface KrevClient {
  readonly baseUrl: string
  credits(signal?: AbortSignal): Promise<KrevCredits>
  listProducts(opts?: { limit?: number; signal?: AbortSignal }): Promise<KrevProduct[]>
  getProduct(id: string, signal?: AbortSignal): Promise<KrevProduct>
  /** `onSent`: body bytes handed to the socket so far (upload progress). */
  createProduct(input: CreateProductInput, signal?: AbortSignal, onSent?: (bytes: number) => void): Promise<KrevProduct>
  generateImages(params: ImageParams, signal?: AbortSignal): Promise<GenerationStarted>
  generateVideo(params: VideoParams, signal?: AbortSignal): Promise<GenerationStarted>
  generateAd(params: AdParams, signal?: AbortSignal): Promise<GenerationStarted>
  getGeneration(id: string, signal?: AbortSignal): Promise<KrevGeneration>
  startChat(params: ChatParams, signal?: AbortSignal): Promise<ChatStarted>
  getChatRun(runId: string, signal?: AbortSignal): Promise<ChatRunState>
  getConversation(id: string, signal?: AbortSignal): Promise<ChatConversation>
  /** One Meta event per POST, as the reference documents. */
  sendConversion(event: Record<string, unknown>, signal?: AbortSignal): Promise<ConversionResult>
  /**
   * GETs a signed media URL (https, or a trusted media origin) WITHOUT the API key.
   * 403 → AppError('forbidden') "link expired": fetch the item again for a fresh URL.
   */
  downloadMedia(url: string, opts: DownloadMediaOptions): Promise<DownloadedMedia>
  /** The same rules, streamed to disk and resumed (download-file.ts): for generated outputs. */
  downloadMediaFile(url: string, opts: FileDownloadOptions): Promise<DownloadedFile>
}

/** A gate shared by every caller of the API (all jobs of the queue): see rate-limiter.ts. */
export interface RateLimiter {
  /** Resolves when this caller may send; rejects with AppError('cancelled') on abort. */
  acquire(signal?: AbortSignal): Promise<void>
  /** Called after a 429: holds every caller for `retryAfterMs` (plus jitter). */
  penalize(retryAfterMs: number): void
}

export interface RequestInfo {
  method: string
  /** Path and query only: never headers, never the host's credentials. */
  path: string
  status?: number
  attempt: number
  ms: number
}

export interface RetryOptions {
  /** Total attempts including the first. Default 4. */
  maxAttempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
  /** Retry-After values above this are clamped. Default 5 minutes. */
  maxRetryAfterMs?: number
}

/** An API key with the origin (scheme://host:port) Krev verified it against. */
export interface BoundKey {
  key: string
  origin: string
}

export interface KrevClientOptions {
  /** Default: process.env.KREV_API_BASE ?? 'https://app.krev.ai' (with or without /api/v1). */
  baseUrl?: string
  /**
   * Read once per request; the client never keeps the key anywhere else. A BoundKey is
   * attached only to requests for its own origin (key-origin.ts); a bare string is bound to
   * this client's base URL.
   */
  getKey: () => Promise<BoundKey | string | null> | BoundKey | string | null
  connectTimeoutMs?: number
  /** Headers and body, counted from the moment the request was fully written. */
  responseTimeoutMs?: number
  maxJsonBytes?: number
  retry?: RetryOptions
  /** Origins (e.g. the embedded sandbox's http://127.0.0.1:PORT) whose URLs are accepted as user URLs. */
  trustedMediaOrigins?: string[]
  resolveHost?: (host: string) => Promise<string[]>
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  now?: () => number
  onRequest?: (info: RequestInfo) => void
  limiter?: RateLimiter
  /** Shown in the User-Agent; defaults to the app's package version. */
  appVersion?: string
  /** Where connection pools come from (http.ts); default Node's agents. */
  agentFactory?: AgentFactory
}
