import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { promises as fs } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MediaStore } from '../media/media-store'
import { openMediaStream, serveMedia } from '../media/serve-media'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon'
}

export const SHIM_PATH = '/__krev/bridge-shim.js'
const shimFile = fileURLToPath(new URL('./bridge-shim.js', import.meta.url))

export type ExtraRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>

/** Where the preview serves local media: same origin as the page, so CSP 'self' covers it. */
export const PREVIEW_MEDIA_PREFIX = '/__krev/media'

/**
 * `/__krev/media/<mode>/<area>/<id>/<variant>`: the preview's twin of Electron's
 * krev-media: scheme, over the same serveMedia (store-resolved files only, Range support).
 * Browsers say who is asking (Sec-Fetch-Site): only the studio page itself may load media,
 * not another site that guessed the loopback port.
 */
export function mediaRoute(media: MediaStore): ExtraRoute {
  return async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname
    if (!pathname.startsWith(`${PREVIEW_MEDIA_PREFIX}/`)) return false
    const site = req.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin') {
      res.writeHead(403).end()
      return true
    }
    const reply = await serveMedia(media, {
      pathname: pathname.slice(PREVIEW_MEDIA_PREFIX.length),
      range: req.headers.range,
      method: req.method ?? 'GET'
    })
    res.writeHead(reply.status, reply.headers)
    if (!reply.file) {
      res.end()
      return true
    }
    const stream = openMediaStream(reply.file)
    stream.on('error', () => res.destroy())
    stream.pipe(res)
    return true
  }
}

/**
 * Serves the built renderer on loopback for the headless preview. index.html gets the
 * bridge shim injected before the app's module script, so the page finds `window.krev`.
 */
export function createStaticServer(root: string, extra?: ExtraRoute): Server {
  return createServer((req, res) => {
    void handle(root, req, res, extra).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
}

/**
 * Only this machine's own names for this port: a page on another site that rebinds its DNS
 * name to 127.0.0.1 sends its own Host and gets nothing.
 */
function hostAllowed(req: IncomingMessage): boolean {
  const port = req.socket.localPort
  return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`
}

function decodedPath(req: IncomingMessage): string | null {
  try {
    return decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  } catch {
    return null // bad percent-encoding: the client's mistake (400), not ours (500)
  }
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse, extra?: ExtraRoute): Promise<void> {
  if (!hostAllowed(req)) {
    res.writeHead(421).end()
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end()
    return
  }
  const path = decodedPath(req)
  if (path === null) {
    res.writeHead(400).end()
    return
  }
  if (extra && (await extra(req, res))) return
  if (path === SHIM_PATH) return send(res, await fs.readFile(shimFile), '.js')
  const file = normalize(join(root, path === '/' ? 'index.html' : path))
  if (!file.startsWith(root + sep) || path.includes('\0')) {
    res.writeHead(403).end()
    return
  }
  let body: Buffer
  try {
    body = await fs.readFile(file)
  } catch {
    res.writeHead(404).end()
    return
  }
  if (file.endsWith('index.html')) {
    const html = body.toString('utf8').replace('<head>', `<head>\n    <script src="${SHIM_PATH}"></script>`)
    body = Buffer.from(html)
  }
  send(res, body, extname(file))
}

function send(res: ServerResponse, body: Buffer, ext: string): void {
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  res.end(body)
}
