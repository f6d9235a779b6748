import { z } from 'zod'
import { count, id, text, url } from './common'

/**
 * Adding many products at once: a batch is opened with its options, files/links are
 * added to it (paths in the desktop app, the bytes in the web preview, one per call so
 * no message grows past the bridge's cap), and main checks, de-duplicates by content
 * hash and uploads them two at a time, narrating the whole batch on
 * `products.importChanged`.
 */

/** Max bytes of one file sent as base64 (the 20 MB cap, inflated by a third). */
const MAX_FILE_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 1024
const MAX_PATH = 4_096

export const importItem = z.discriminatedUnion('kind', [
  /** A file on disk (the desktop app: webUtils.getPathForFile); main reads it. */
  z.object({ kind: z.literal('path'), path: text(MAX_PATH).min(1), relativePath: text(MAX_PATH).optional() }).strict(),
  /** The bytes (the web preview, which has no paths). */
  z
    .object({
      kind: z.literal('file'),
      fileName: text(255).min(1),
      relativePath: text(MAX_PATH).optional(),
      mimeType: text(100),
      dataBase64: z.string().max(MAX_FILE_BASE64)
    })
    .strict(),
  /** Krev fetches the image itself (POST /products with image_url). */
  z.object({ kind: z.literal('url'), url }).strict(),
  /** Something the renderer already knows it can't add (e.g. a folder it couldn't read): listed as a problem. */
  z
    .object({
      kind: z.literal('refused'),
      fileName: text(255).min(1),
      relativePath: text(MAX_PATH).optional(),
      reason: z.enum(['not_a_photo', 'too_large', 'unreadable']),
      message: text(300)
    })
    .strict()
])
export type ImportItem = z.infer<typeof importItem>

export const importOptions = z
  .object({
    /** "{file}" = the file name without extension, "{n}" = its number in the batch; empty: Krev names it. */
    namePattern: text(200).optional(),
    skipSegmentation: z.boolean().optional()
  })
  .strict()

export const importStatus = z.enum(['queued', 'checking', 'uploading', 'analysing', 'done', 'skipped', 'failed', 'cancelled'])
/** Why an entry was skipped or failed: the problem list groups by it. */
export const importReason = z.enum(['duplicate', 'not_a_photo', 'too_large', 'damaged', 'unreadable', 'upload_failed'])

export const importEntry = z.object({
  entryId: id,
  /** As shown: the path inside the dropped folder, or the file / link name. */
  fileName: z.string(),
  status: importStatus,
  /** 0–100 while uploading (bytes sent); 100 once sent. */
  percent: z.number().min(0).max(100),
  reason: importReason.nullable(),
  message: z.string().nullable(),
  /** The product made (done), or the one it duplicates (skipped as duplicate). */
  productId: z.string().nullable(),
  /** SHA-256 of the bytes, once read: the same file in a later batch is recognised by it. */
  contentHash: z.string().nullable(),
  retryable: z.boolean()
})
export type ImportEntry = z.infer<typeof importEntry>

export const importBatch = z.object({
  batchId: id,
  entries: z.array(importEntry),
  uploaded: count,
  /** Entries that are to be uploaded (neither skipped nor cancelled). */
  toUpload: count,
  skipped: count,
  failed: count,
  active: z.boolean()
})
export type ImportBatch = z.infer<typeof importBatch>

export const importCommands = {
  'products.importStart': { input: importOptions, output: z.object({ batchId: id }) },
  'products.importAdd': {
    input: z.object({ batchId: id, items: z.array(importItem).min(1).max(1000) }).strict(),
    output: z.object({ entryIds: z.array(id) })
  },
  /** Cancels one entry, or (no entryId) everything of the batch not yet finished. */
  'products.importCancel': { input: z.object({ batchId: id, entryId: id.optional() }).strict(), output: importBatch },
  'products.importRetry': { input: z.object({ batchId: id, entryId: id }).strict(), output: importBatch },
  'products.importList': { input: z.object({}).strict(), output: z.object({ batches: z.array(importBatch) }) }
} as const

export const importEvents = {
  'products.importChanged': importBatch
} as const
