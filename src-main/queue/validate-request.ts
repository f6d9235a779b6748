import type { GenerationRequest } from '../../src-preload/contract'
import { isAppError } from '../core/app-error'
import { invalidInput } from '../krev/errors'
import type { KrevClient } from '../krev/types'
import { validateAdParams, validateImageParams, validateVideoParams } from '../krev/validate'
import type { QueueMode } from './job-model'
import { toKrevRequest } from './pricing'

/**
 * The client's own checks, run at submit so a request Krev would refuse (a private-network
 * reference URL, a bad product id, a link to something that is not an image) is refused
 * before a job exists. A DNS lookup that fails because we are offline is not the request's
 * fault: the job is accepted, and the client checks again right before the POST.
 */
export async function validateForKrev(req: GenerationRequest, client: Pick<KrevClient, 'baseUrl'>, mode: QueueMode): Promise<void> {
  const guard = { trustedOrigins: mode === 'sandbox' ? [new URL(client.baseUrl).origin] : [] }
  const krev = toKrevRequest(req)
  for (const [url, label] of imageInputs(req)) assertImageLink(url, label)
  try {
    if (krev.kind === 'image') await validateImageParams(krev.params, guard)
    else if (krev.kind === 'video') await validateVideoParams(krev.params, guard)
    else await validateAdParams(krev.params, guard)
  } catch (e) {
    if (isAppError(e) && (e.code === 'network' || e.code === 'timeout')) return
    throw e
  }
}

/** Every image URL of a request, with how the form names it (the URL guard's labels). */
export function imageInputs(req: GenerationRequest): Array<[string, string]> {
  if (req.kind === 'image') return (req.params.referenceImages ?? []).map((u, i) => [u, `Reference image ${i + 1}`])
  if (req.kind === 'video') return req.params.sourceImage ? [[req.params.sourceImage, 'The source image']] : []
  return req.params.inspirationImage ? [[req.params.inspirationImage, 'The inspiration image']] : []
}

/** Krev takes JPG, PNG and WebP; a link without a file extension (signed storage URLs) is left to Krev. */
const IMAGE_EXT = new Set(['jpg', 'jpeg', 'png', 'webp'])
const VIDEO_EXT = new Set(['mp4', 'mov', 'webm', 'm4v', 'avi', 'mkv'])

/**
 * A link whose file name says it is not an image (a video, a page, a PDF, a GIF or SVG
 * Krev would refuse) is refused here, by name, rather than after a paid round-trip.
 */
export function assertImageLink(raw: string, label: string): void {
  let path: string
  try {
    path = new URL(raw).pathname
  } catch {
    return // the URL guard says what is wrong with it
  }
  const file = path.split('/').pop() ?? ''
  const dot = file.lastIndexOf('.')
  if (dot <= 0) return
  const ext = file.slice(dot + 1).toLowerCase()
  if (IMAGE_EXT.has(ext)) return
  if (VIDEO_EXT.has(ext)) throw invalidInput(`${label} is a video (.${ext}). Use an image: JPG, PNG or WebP.`)
  throw invalidInput(`${label} is not an image (.${ext}). Use a JPG, PNG or WebP image link.`)
}
