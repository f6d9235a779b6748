import { z } from 'zod'
import { count, empty, id, isoTime, text, url } from './common'
import { importCommands, importEvents } from './product-import'

export const product = z.object({
  id,
  name: z.string(),
  imageUrl: z.string().nullable(),
  segmentedImageUrl: z.string().nullable(),
  /** A local, cached thumbnail the renderer can show offline. */
  thumbUrl: z.string().nullable(),
  category: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: isoTime,
  /** The studio's own name for it, shown beside Krev's (Krev has no rename). */
  localName: z.string().nullable().optional(),
  /** Hidden here only (Krev has no delete); its outputs stay in the Library. Absent = shown. */
  hidden: z.boolean().optional()
})
export type Product = z.infer<typeof product>

/** Both pictures of a product as local files (null: not downloaded, e.g. offline). */
export const productDetail = z.object({
  product,
  originalUrl: z.string().nullable(),
  cutoutUrl: z.string().nullable()
})


/** Max product photo size; base64 inflates it by a third, the cap below allows for that. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
const MAX_UPLOAD_BASE64 = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 1024

export const uploadSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), url }).strict(),
  z
    .object({
      kind: z.literal('file'),
      fileName: text(255),
      mimeType: text(100),
      dataBase64: z.string().max(MAX_UPLOAD_BASE64)
    })
    .strict()
])

export const productsCommands = {
  'products.list': {
    input: z.object({ limit: z.number().int().min(1).max(100).optional(), refresh: z.boolean().optional() }).strict(),
    output: z.object({ items: z.array(product), total: count })
  },
  'products.get': { input: z.object({ id }).strict(), output: product },
  'products.upload': {
    input: z
      .object({ source: uploadSource, name: text(200).optional(), skipSegmentation: z.boolean().optional() })
      .strict(),
    output: product
  },
  'products.refresh': { input: empty, output: z.object({ count }) },
  'products.detail': { input: z.object({ id }).strict(), output: productDetail },
  /** Local only: a name of the studio's own (null or empty: Krev's again) and the hidden flag. */
  'products.setLocal': {
    input: z.object({ id, localName: text(200).nullable().optional(), hidden: z.boolean().optional() }).strict(),
    output: product
  },
  ...importCommands
} as const

export const productsEvents = {
  'products.changed': z.object({ items: z.array(product) }),
  ...importEvents,
  'products.uploadProgress': z.object({
    uploadId: id,
    fileName: z.string(),
    phase: z.enum(['checking', 'uploading', 'analysing', 'done', 'failed']),
    message: z.string().optional()
  })
} as const
