/**
 * What the sandbox sends, as the tests read it (mirrors src-main/sandbox/openapi-schemas.ts).
 * Tests name the shape they expect per call (`b.call<Generation>(…)`), so a typo in a
 * field is a type error instead of an `undefined` that happens to satisfy an assertion.
 */

/** `{success, data}` on success, `{success:false, error}` otherwise; tests check status first. */
export interface Envelope<T> {
  success: boolean
  data: T
  error?: string
  meta?: { count: number }
}

export interface AdCopy {
  style_name: string
  hook: string
  headline: string
  body_copy: string
  cta: string
}

export interface ImageStarted {
  generation_id: string
  images: string[]
  image_count: number
  credits_used: number
}

export interface VideoStarted {
  generation_id: string
  video_url: string | null
  duration: number
  credits_used: number
}

export interface AdStarted extends ImageStarted {
  ad_copy: AdCopy
}

/** Any of the three create answers: tests that only need the id read it this way. */
export type Started = ImageStarted | VideoStarted | AdStarted

export interface Generation {
  id: string
  kind: 'image' | 'video' | 'ad'
  status: 'queued' | 'processing' | 'succeeded' | 'failed'
  progress: number
  output: { urls: string[] } | null
  error: string | null
  created_at: string
  completed_at: string | null
  notice?: string
  ad_copy?: AdCopy
}

export interface ProductMetadata {
  brandName?: string | null
  productName?: string
  productType?: string
  colors?: string[]
  materials?: string[]
  [extra: string]: unknown
}

export interface Product {
  id: string
  name: string
  image_url: string
  segmented_image_url: string | null
  category: string | null
  metadata: ProductMetadata
  source: string
  created_at: string
}

export interface Credits {
  plan: string
  plan_name: string
  credits: { current: number; limit: number; current_formatted: string; limit_formatted: string }
  storage: { used_bytes: number; limit_bytes: number; used_formatted: string; limit_formatted: string }
  resets_at: string
}

export interface ChatStarted {
  conversation_id: string
  user_message_id: string
  assistant_message_id: string
  run_id: string
  job_id: string
  status: 'queued'
  poll_url: string
}

export interface ChatMessage {
  id: string
  role: 'user' | 'assistant' | 'tool'
  content: string
  created_at: string
}

export interface ChatRun {
  run_id: string
  conversation_id: string
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  job_status: 'waiting' | 'active' | 'completed' | 'failed'
  assistant_text: string | null
  messages: ChatMessage[]
  artifacts: Array<Record<string, unknown>>
  generation_ids: string[]
  generations: Generation[]
  media_urls: string[]
  error: string | null
  created_at: string
  updated_at: string
}

export interface Conversation {
  id: string
  title: string | null
  messages: ChatMessage[]
  runs: Array<{ run_id: string; status: string }>
  created_at: string
  updated_at: string
}

/** POST /conversions/meta answers without the `data` envelope, as the reference shows. */
export interface ConversionSent {
  success: boolean
  status?: 'sent'
  events_received?: number
  error?: string
}

export interface KeyCreated {
  id: string
  name: string
  key: string
  key_prefix: string
  key_last4: string
  scopes: string[]
  created_at: string
}

export interface KeyRevoked {
  id: string
  revoked: true
}

export interface JsonSchema {
  type?: string | string[]
  required?: string[]
  properties?: Record<string, JsonSchema>
  [keyword: string]: unknown
}

export interface OpenApiDocument {
  openapi: string
  paths: Record<string, Record<string, unknown>>
  components: { securitySchemes: Record<string, Record<string, unknown>>; schemas: Record<string, JsonSchema> }
}
