import { sniffMedia } from '../media/media-type'
import { invalidResponse } from './errors'
import { exchange, type BodySink, type DownloadDeps } from './media-exchange'
import type { DownloadedMedia, DownloadKind, DownloadMediaOptions } from './types'

/**
 * Downloads one signed media URL into memory: for small files (product photos), where the
 * cap bounds what is held. Generated outputs stream to disk instead (download-file.ts).
 * One attempt; the client wraps it in the read retry policy.
 */

export type { DownloadDeps } from './media-exchange'

const wanted = (accept: readonly DownloadKind[]): string =>
  accept.includes('image') && accept.includes('video') ? 'an image or video' : accept.includes('video') ? 'a video' : 'an image'

/** The bytes decide what the file is: an HTML error page served with 200 is refused. */
export function checkMediaType(head: Uint8Array, accept: readonly DownloadKind[]): string {
  if (head.length === 0) throw invalidResponse('The media server sent an empty file.')
  const type = sniffMedia(head)
  if (!type || type.kind === 'other' || !accept.includes(type.kind)) {
    const what = type ? type.label : 'an unknown kind of file'
    throw invalidResponse(`The link did not return ${wanted(accept)} (it returned ${what}).`)
  }
  return type.mime
}

/** Holds the body; a resumed exchange never targets it, so `open` always starts at zero. */
function memorySink(): BodySink & { data(): Buffer } {
  let chunks: Buffer[] = []
  let length = 0
  return {
    open: () => {
      chunks = []
      length = 0
    },
    write: (chunk) => {
      chunks.push(chunk)
      length += chunk.length
      return true
    },
    onDrain: () => undefined,
    close: async () => undefined,
    abandon: async () => {
      chunks = []
    },
    data: () => Buffer.concat(chunks, length)
  }
}

export async function downloadMedia(raw: string, opts: DownloadMediaOptions, deps: DownloadDeps): Promise<DownloadedMedia> {
  const sink = memorySink()
  await exchange(raw, opts, deps, {}, sink)
  const data = sink.data()
  return { data, mimeType: checkMediaType(data, opts.accept) }
}
