import { z } from 'zod'
import { count, id, isoTime, mediaKind, text } from './common'

export const asset = z.object({
  id,
  kind: mediaKind,
  jobId: id.nullable(),
  generationId: z.string().nullable(),
  prompt: z.string(),
  productIds: z.array(id),
  aspectRatio: z.string(),
  width: count,
  height: count,
  durationSec: z.number().nonnegative().nullable(),
  bytes: count,
  mimeType: z.string(),
  /** Local URLs served by main (custom protocol in Electron, loopback in preview). */
  mediaUrl: z.string(),
  thumbUrl: z.string(),
  favorite: z.boolean(),
  rating: z.number().int().min(0).max(5),
  tags: z.array(z.string()),
  adCopy: z
    .object({ styleName: z.string(), hook: z.string(), headline: z.string(), bodyCopy: z.string(), cta: z.string() })
    .nullable(),
  createdAt: isoTime
})
export type Asset = z.infer<typeof asset>

export const libraryQuery = z
  .object({
    kind: mediaKind.optional(),
    productId: id.optional(),
    favorite: z.boolean().optional(),
    search: text(200).optional(),
    sort: z.enum(['newest', 'oldest', 'rating']).default('newest'),
    cursor: text(200).optional(),
    limit: z.number().int().min(1).max(200).default(60)
  })
  .strict()

const ids = z.array(id).min(1).max(500)

export const libraryCommands = {
  'library.list': { input: libraryQuery, output: z.object({ items: z.array(asset), nextCursor: z.string().nullable(), total: count }) },
  'library.get': { input: z.object({ id }).strict(), output: asset },
  /** One lookup for many ids (the Queue's thumbnails): items in the order asked, missing ids left out. */
  'library.getMany': { input: z.object({ ids }).strict(), output: z.object({ items: z.array(asset) }) },
  'library.update': {
    input: z
      .object({
        ids,
        favorite: z.boolean().optional(),
        rating: z.number().int().min(0).max(5).optional(),
        tags: z.array(text(40)).max(30).optional()
      })
      .strict(),
    output: z.object({ items: z.array(asset) })
  },
  'library.delete': { input: z.object({ ids }).strict(), output: z.object({ deleted: count }) },
  /** `reason` says why nothing was shown: the file is gone from the Library folder, or there is no file manager (preview). */
  'library.reveal': {
    input: z.object({ id }).strict(),
    output: z.object({ revealed: z.boolean(), reason: z.enum(['file_missing', 'no_file_manager']).optional() })
  },
  'library.export': { input: z.object({ ids }).strict(), output: z.object({ exported: count, folder: z.string().nullable() }) },
  /** Reads the current mode's Library folder again (files + sidecars) into the index; progress as library.rebuildProgress. */
  'library.rebuild': { input: z.object({}).strict(), output: z.object({ indexed: count, removed: count, total: count }) }
} as const

export const libraryEvents = {
  'library.added': asset,
  'library.changed': z.object({ ids: z.array(id) }),
  'library.rebuildProgress': z.object({ done: count, total: count, phase: z.enum(['counting', 'indexing', 'done']) })
} as const
