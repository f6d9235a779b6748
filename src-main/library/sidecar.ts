import { promises as fs } from 'node:fs'
import { z } from 'zod'
import { writeJsonAtomic } from '../core/atomic-file'
import type { LibraryRecord } from './library-record'

/**
 * The `.krev.json` sidecar beside each file in the Library folder: everything known about
 * the asset, so the folder alone (copied elsewhere, index deleted) rebuilds into the same
 * library. docs/library-format.md documents it; version 1 is read forever.
 */

export const SIDECAR_FORMAT = 'krev-studio/asset'
export const SIDECAR_VERSION = 1

const adCopy = z.object({ styleName: z.string(), hook: z.string(), headline: z.string(), bodyCopy: z.string(), cta: z.string() })

export const sidecarShape = z.object({
  format: z.literal(SIDECAR_FORMAT),
  version: z.literal(SIDECAR_VERSION),
  id: z.string().min(1).max(128),
  /** The media file's name in the same folder. */
  file: z.string().min(1).max(255),
  kind: z.enum(['image', 'video', 'ad']),
  prompt: z.string(),
  /** The request as sent (every parameter), when the studio made it. */
  request: z.unknown().optional(),
  products: z.array(z.object({ id: z.string(), name: z.string().nullable() })).default([]),
  generationId: z.string().nullable().default(null),
  jobId: z.string().nullable().default(null),
  adCopy: adCopy.nullable().default(null),
  credits: z.number().nullable().default(null),
  createdAt: z.string(),
  completedAt: z.string().nullable().default(null),
  appVersion: z.string().nullable().default(null),
  aspectRatio: z.string().default('1:1'),
  durationSec: z.number().nonnegative().nullable().default(null),
  width: z.number().int().nonnegative().default(0),
  height: z.number().int().nonnegative().default(0),
  bytes: z.number().int().nonnegative().default(0),
  mimeType: z.string().default('application/octet-stream'),
  favorite: z.boolean().default(false),
  rating: z.number().int().min(0).max(5).default(0),
  tags: z.array(z.string().max(40)).max(30).default([]),
  approval: z.enum(['none', 'approved', 'rejected']).default('none')
})
export type Sidecar = z.infer<typeof sidecarShape>

/** What only the sidecar knows (the index keeps the rest). */
export interface SidecarExtras {
  request?: unknown
  credits?: number | null
  completedAt?: string | null
  appVersion?: string | null
}

export function sidecarOf(record: LibraryRecord, file: string, extras: SidecarExtras): Sidecar {
  return {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    id: record.id,
    file,
    kind: record.kind,
    prompt: record.prompt,
    ...(extras.request === undefined ? {} : { request: extras.request }),
    products: record.productIds.map((id, i) => ({ id, name: record.productNames[i] ?? null })),
    generationId: record.generationId,
    jobId: record.jobId,
    adCopy: record.adCopy,
    credits: extras.credits ?? null,
    createdAt: record.createdAt,
    completedAt: extras.completedAt ?? null,
    appVersion: extras.appVersion ?? null,
    aspectRatio: record.aspectRatio,
    durationSec: record.durationSec,
    width: record.width,
    height: record.height,
    bytes: record.bytes,
    mimeType: record.mimeType,
    favorite: record.favorite,
    rating: record.rating,
    tags: record.tags,
    approval: record.approval
  }
}

/** The sidecar at `path`, or null when it is missing, not JSON, or not one of ours. */
export async function readSidecar(path: string): Promise<Sidecar | null> {
  try {
    const raw = await fs.readFile(path, 'utf8')
    const parsed = sidecarShape.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export const writeSidecar = (path: string, sidecar: Sidecar): Promise<void> => writeJsonAtomic(path, sidecar)

/** Applies the creator's edits (favourite, rating, tags) kept in the index to a sidecar read from disk. */
export function withEdits(s: Sidecar, r: Pick<LibraryRecord, 'favorite' | 'rating' | 'tags' | 'approval'>): Sidecar {
  return { ...s, favorite: r.favorite, rating: r.rating, tags: r.tags, approval: r.approval }
}
