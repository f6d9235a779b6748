import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaticServer, mediaRoute } from '../../../src-main/bridge/static-server'
import { createMediaStore, type MediaStore } from '../../../src-main/media/media-store'
import { openMediaStream, serveMedia } from '../../../src-main/media/serve-media'

/** The handler krev-media: and /__krev/media share: store-resolved files, with ranges. */

const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b'
const BODY = '0123456789abcdefghijklmnopqrstuvwxyz' // 36 bytes
const PATH = `/sandbox/products/${ID}/thumb`
let dir: string
let store: MediaStore

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-serve-'))
  store = createMediaStore(dir)
  await store.write({ mode: 'sandbox', area: 'products', id: ID, variant: 'thumb' }, 'webp', Buffer.from(BODY))
  await store.write({ mode: 'sandbox', area: 'library', id: 'clip-1', variant: 'video' }, 'mp4', Buffer.from(BODY))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const bodyOf = async (reply: Awaited<ReturnType<typeof serveMedia>>) => (reply.file ? text(openMediaStream(reply.file)) : '')

describe('serveMedia', () => {
  it('serves the whole file with its type and no sniffing', async () => {
    const reply = await serveMedia(store, { pathname: PATH })
    expect(reply.status).toBe(200)
    expect(reply.headers).toMatchObject({
      'Content-Type': 'image/webp',
      'Content-Length': '36',
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff'
    })
    expect(await bodyOf(reply)).toBe(BODY)
  })

  it('serves a range as 206 with Content-Range', async () => {
    const reply = await serveMedia(store, { pathname: PATH, range: 'bytes=10-19' })
    expect(reply.status).toBe(206)
    expect(reply.headers['Content-Range']).toBe('bytes 10-19/36')
    expect(reply.headers['Content-Length']).toBe('10')
    expect(await bodyOf(reply)).toBe('abcdefghij')
    expect(await bodyOf(await serveMedia(store, { pathname: PATH, range: 'bytes=-4' }))).toBe('wxyz')
  })

  it('answers 416 for a range past the end', async () => {
    const reply = await serveMedia(store, { pathname: PATH, range: 'bytes=100-' })
    expect(reply.status).toBe(416)
    expect(reply.headers['Content-Range']).toBe('bytes */36')
    expect(reply.file).toBeUndefined()
  })

  it('ignores a malformed or multi-range header and serves the whole file (RFC 9110)', async () => {
    for (const range of ['bytes=9-3', 'bytes=0-1,4-5', 'bytes=abc']) {
      const reply = await serveMedia(store, { pathname: PATH, range })
      expect(reply.status, range).toBe(200)
      expect(reply.headers['Content-Range'], range).toBeUndefined()
      expect(await bodyOf(reply)).toBe(BODY)
    }
  })

  it('serves videos with their type', async () => {
    const reply = await serveMedia(store, { pathname: '/sandbox/library/clip-1/video', range: 'bytes=0-' })
    expect(reply.status).toBe(206)
    expect(reply.headers['Content-Type']).toBe('video/mp4')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await serveMedia(store, { pathname: PATH, method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers['Content-Length']).toBe('36')
    expect(head.file).toBeUndefined()
    expect((await serveMedia(store, { pathname: PATH, method: 'POST' })).status).toBe(405)
  })

  it.each([
    `/krev/products/${ID}/thumb`,
    `/sandbox/products/${ID}/image`,
    `/sandbox/products/../../../etc/passwd`,
    `/sandbox/products/%2e%2e%2f%2e%2e%2fsecret/thumb`,
    `/sandbox/products/C:\\secret/thumb`,
    `/sandbox/products/con/thumb`,
    `/sandbox/products/${ID}%00/thumb`,
    '/'
  ])('answers 404 for %s', async (pathname) => {
    const reply = await serveMedia(store, { pathname })
    expect(reply.status).toBe(404)
    expect(reply.file).toBeUndefined()
  })

  it('does not serve a symlink planted in the media folder', async () => {
    await writeFile(join(dir, 'secret.txt'), 'secret')
    await mkdir(join(dir, 'media', 'krev', 'products'), { recursive: true })
    await symlink(join(dir, 'secret.txt'), join(dir, 'media', 'krev', 'products', `${ID}.thumb.webp`))
    expect((await serveMedia(store, { pathname: `/krev/products/${ID}/thumb` })).status).toBe(404)
  })
})

describe('the preview route /__krev/media', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    const root = join(dir, 'renderer')
    await mkdir(root, { recursive: true })
    await writeFile(join(root, 'index.html'), '<html><head></head></html>')
    server = createStaticServer(root, mediaRoute(store))
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((ok) => server.close(ok))
  })

  it('serves media to the page itself, with ranges', async () => {
    const full = await fetch(`${base}/__krev/media${PATH}`)
    expect(full.status).toBe(200)
    expect(full.headers.get('content-type')).toBe('image/webp')
    expect(await full.text()).toBe(BODY)
    const part = await fetch(`${base}/__krev/media${PATH}`, { headers: { Range: 'bytes=0-3' } })
    expect(part.status).toBe(206)
    expect(await part.text()).toBe('0123')
  })

  it('refuses other sites and unknown media', async () => {
    const cross = await fetch(`${base}/__krev/media${PATH}`, { headers: { 'Sec-Fetch-Site': 'cross-site' } })
    expect(cross.status).toBe(403)
    expect((await fetch(`${base}/__krev/media/sandbox/products/nope/thumb`)).status).toBe(404)
    expect((await fetch(`${base}/__krev/media/sandbox/products/%2e%2e%2f%2e%2e%2fsecret.txt/thumb`)).status).toBe(404)
  })
})
