import type { ImportEntry } from '../../../src-preload/contract'
import { isAppError } from '../../core/app-error'
import { sniffMedia } from '../../media/media-type'
import { claimMismatch } from '../check-photo'

/**
 * Why a file of a batch was skipped or failed, for the problem list's groups. The local
 * checks say it in their message; the group comes from what the bytes are: not an
 * accepted image (or named as another type) = not a photo, an accepted image the checker
 * refused = damaged. Anything after the checks is an upload failure (retryable or not).
 */
export type ImportReason = NonNullable<ImportEntry['reason']>

const PHOTO_EXTS = new Set(['jpg', 'png', 'webp'])

export function checkReason(error: unknown, head: Buffer, claimed: { fileName: string; mimeType: string }): ImportReason {
  if (isAppError(error) && error.code === 'payload_too_large') return 'too_large'
  if (isAppError(error) && error.code === 'worker_crashed') return 'upload_failed'
  const type = sniffMedia(head)
  if (!type || type.kind !== 'image' || !PHOTO_EXTS.has(type.ext)) return 'not_a_photo'
  if (claimMismatch(type.label, claimed)) return 'not_a_photo'
  return 'damaged'
}
