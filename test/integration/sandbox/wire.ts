import type { z } from 'zod'
import type * as wire from '../../../src-main/krev/wire'

/**
 * What the sandbox sends, as the tests read it: the wire schema's types (the same schema the
 * OpenAPI document is generated from), plus the test-only envelope and document shapes.
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

export type AdCopy = wire.AdCopy
export type ImageStarted = z.output<typeof wire.imageGenerationStarted>
export type VideoStarted = z.output<typeof wire.videoGenerationStarted>
export type AdStarted = z.output<typeof wire.adGenerationStarted>
export type Generation = z.output<typeof wire.generation>
export type ProductMetadata = z.output<typeof wire.productMetadata>
export type Credits = z.output<typeof wire.credits>
export type ChatStarted = z.output<typeof wire.chatStarted>
export type ChatMessage = z.output<typeof wire.chatMessage>
export type ChatRun = z.output<typeof wire.chatRun>
export type Conversation = z.output<typeof wire.chatConversation>
export type KeyCreated = z.output<typeof wire.apiKeyCreated>
export type KeyRevoked = z.output<typeof wire.apiKeyRevoked>

/** Any of the three create answers: tests that only need the id read it this way. */
export type Started = ImageStarted | VideoStarted | AdStarted

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

/** POST /conversions/meta answers without the `data` envelope, as the reference shows. */
export interface ConversionSent {
  success: boolean
  status?: 'sent'
  events_received?: number
  error?: string
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
