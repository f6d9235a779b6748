// The `krev-media:` scheme: how the renderer shows local media (product thumbnails,
// library outputs) without touching the network or the file system. The page's CSP allows
// img/media from 'self' and krev-media: only; this handler serves nothing but files the
// media store resolves (validated ids, no symlinks, real path inside the media root).
import { protocol, type Session } from 'electron'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { MediaStore } from '../media/media-store'
import { MEDIA_HOST, MEDIA_SCHEME, MEDIA_SCHEME_PREFIX, mediaUrlFactory, type MediaUrlFactory } from '../media/media-url'
import { openMediaStream, serveMedia } from '../media/serve-media'

/**
 * Must run before `app` is ready. standard: real origin and path parsing (so `..` is
 * resolved before we see it); secure: counts as a secure context like file:; supportFetchAPI
 * and stream: <video> can seek with Range requests. No bypassCSP, no corsEnabled: the page's
 * own CSP decides where media may come from, and nothing else needs to read these bytes.
 */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }
  ])
}

/** `krev-media://media/<mode>/<area>/<id>/<variant>` */
export const electronMediaUrl: MediaUrlFactory = mediaUrlFactory(MEDIA_SCHEME_PREFIX)

/** After `app` is ready: answers krev-media: requests of `session` from the media store. */
export function handleMediaProtocol(session: Session, media: MediaStore): void {
  session.protocol.handle(MEDIA_SCHEME, async (request) => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return new Response(null, { status: 400 })
    }
    if (url.host !== MEDIA_HOST || url.username || url.password) return new Response(null, { status: 404 })
    const reply = await serveMedia(media, {
      pathname: url.pathname,
      range: request.headers.get('range'),
      method: request.method
    })
    const body = reply.file ? (Readable.toWeb(openMediaStream(reply.file)) as WebReadableStream<Uint8Array>) : null
    return new Response(body as BodyInit | null, { status: reply.status, headers: reply.headers })
  })
}
