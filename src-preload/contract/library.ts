import { z } from 'zod'
import { count, id, isoTime, mediaKind, text } from './common'

/** 2026-03-01 or a full ISO time; anything else (or an impossible date) is refused. */
const isoDate = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')

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
  /** The creator's review verdict; null while unreviewed. */
  approval: z.enum(['approved', 'rejected']).nullable(),
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
    /** Rated at least this (1–5). */
    minRating: z.number().int().min(1).max(5).optional(),
    /** Carries exactly this tag. */
    tag: text(40).optional(),
    /** Created at or after `from`, before `to` (ISO dates or times; a bare date `to` includes that day). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    approval: z.enum(['approved', 'rejected', 'unreviewed']).optional(),
    sort: z.enum(['newest', 'oldest', 'rating']).default('newest'),
    cursor: text(200).optional(),
    limit: z.number().int().min(1).max(200).default(60)
  })
  .strict()

const ids = z.array(id).min(1).max(500)

/** Tag/product filters in use across the library, most used first, for the filter bar's menus. */
export const libraryFacets = z.object({
  tags: z.array(z.object({ name: z.string(), count })),
  products: z.array(z.object({ id, name: z.string().nullable(), count }))
})
export type LibraryFacets = z.infer<typeof libraryFacets>

/** Which assets could not be moved to the trash, and why (the others were). */
const trashFailure = z.object({ id, message: z.string() })

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
        tags: z.array(text(40)).max(30).optional(),
        /** Added to / removed from each asset's own tags (bulk tagging keeps the rest). */
        addTags: z.array(text(40)).max(30).optional(),
        removeTags: z.array(text(40)).max(30).optional(),
        approval: z.enum(['approved', 'rejected']).nullable().optional()
      })
      .strict(),
    output: z.object({ items: z.array(asset) })
  },
  /**
   * Moves the assets to the OS trash (file, sidecar, index row together). `failed` names any
   * that stayed where they were; `trash` says where the others went ('os', or 'folder': the
   * data folder's `.trash` where there is no OS trash, the browser preview).
   */
  'library.delete': {
    input: z.object({ ids }).strict(),
    output: z.object({ deleted: count, failed: z.array(trashFailure), trash: z.enum(['os', 'folder']) })
  },
  'library.facets': { input: z.object({}).strict(), output: libraryFacets },
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
