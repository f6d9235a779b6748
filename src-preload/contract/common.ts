import { z } from 'zod'
import { AD_ASPECTS, IMAGE_ASPECTS, IMAGE_COUNTS } from './values'

/**
 * Building blocks shared by every part of the contract. Every string has a cap so a
 * 10 MB string from a compromised renderer is refused by validation, not by a handler.
 */
export const MAX_TEXT = 4_000
export const MAX_NAME = 200
export const MAX_URL = 2_048
export const MAX_ID = 128

export const text = (max = MAX_TEXT) => z.string().max(max)
export const nonEmptyText = (max = MAX_TEXT) => z.string().trim().min(1).max(max)
export const id = z.string().min(1).max(MAX_ID)
export const uuid = z.string().uuid()
export const url = z.string().max(MAX_URL)
/** ISO-8601 timestamp as a string: payloads stay JSON-safe (no Date). */
export const isoTime = z.string().max(64)
export const finiteNumber = z.number().finite()
export const count = z.number().int().nonnegative().finite()
export const empty = z.object({}).strict()

/** Error codes shared by the router, the Krev client and every service. */
export const errorCode = z.enum([
  // router and transport
  'invalid_input',
  'unknown_command',
  'forbidden_sender',
  'internal',
  // Krev API, one per documented status plus the client's own failures
  'bad_request',
  'unauthorized',
  'forbidden',
  'insufficient_credits',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'server_error',
  'network',
  'timeout',
  'invalid_response',
  // local
  'keychain_unavailable',
  'io',
  'conflict',
  'cancelled',
  // the media worker process died while a call was in flight (it restarts itself)
  'worker_crashed'
])
export type ErrorCode = z.infer<typeof errorCode>

export const errorShape = z.object({
  code: errorCode,
  message: z.string(),
  retryable: z.boolean(),
  retryAfterMs: z.number().int().nonnegative().optional()
})
export type ErrorShape = z.infer<typeof errorShape>

/** The one reply envelope of every command, over every transport. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorShape }

export const imageAspect = z.enum(IMAGE_ASPECTS)
export const adAspect = z.enum(AD_ASPECTS)
export const imageCount = z.literal(IMAGE_COUNTS)
export const mediaKind = z.enum(['image', 'video', 'ad'])
export type MediaKind = z.infer<typeof mediaKind>
