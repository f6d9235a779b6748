// The booted production main process, asked what Chromium would ask it: krev-media:
// requests through the app's real protocol handler, IPC invokes from the main frame and
// from callers that must be refused, navigation, window.open and permission prompts.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootApp, type BootedApp } from './harness/booted-app'

interface MediaReply {
  /** 0: the load failed with a net error before a handler answered. */
  status: number
  body: Uint8Array
  type: string | null
}

// A real PNG signature plus filler: the handler serves bytes, it does not decode them.
const BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5])

let booted: BootedApp
beforeAll(async () => {
  booted = await bootApp()
  // The media store's layout: <dataDir>/media/<mode>/<area>/<id>.<variant>.<ext>
  const dir = join(booted.userData, 'media', 'sandbox', 'products')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'lane-photo.image.png'), BYTES)
})
afterAll(() => booted?.dispose())

const media = (url: string) => booted.request<MediaReply>({ op: 'protocol', url })

describe('krev-media: protocol handler of the production bundle', () => {
  it('serves a file from the media store with its bytes', async () => {
    const reply = await media('krev-media://media/sandbox/products/lane-photo/image')
    expect(reply.status).toBe(200)
    expect(reply.type).toBe('image/png')
    expect(Array.from(reply.body)).toEqual(Array.from(BYTES))
  })

  it.each([
    'krev-media://media/../../etc/passwd',
    'krev-media://media/sandbox/products/%2e%2e%2f%2e%2e%2fetc/passwd',
    'krev-media://media/sandbox/%2e%2e/products/lane-photo/image',
    'krev-media://media/sandbox/products/lane-photo/../../../../etc/passwd',
    'krev-media://evil/sandbox/products/lane-photo/image',
    'krev-media://media/sandbox/products/missing/image'
  ])('refuses %s', async (url) => {
    const reply = await media(url)
    expect([400, 404]).toContain(reply.status)
    expect(reply.body.byteLength).toBe(0)
  })

  it('never serves a URL with credentials (Chromium fails it before the handler, or the handler 404s)', async () => {
    const reply = await media('krev-media://user:pass@media/sandbox/products/lane-photo/image')
    expect([0, 400, 404]).toContain(reply.status)
    expect(reply.body.byteLength).toBe(0)
  })
})

describe('IPC sender check through the Electron transport', () => {
  it('answers the window main frame on the bundled page', async () => {
    const reply = await booted.invoke('main', 'app.ping', { message: 'lane' })
    expect(reply.ok).toBe(true)
  })

  it.each(['other-webcontents', 'subframe', 'navigated'] as const)('refuses a call from %s', async (from) => {
    const reply = await booted.invoke(from, 'app.ping', { message: 'lane' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
  })
})

describe('window guards', () => {
  it('prevents navigation away from the app', async () => {
    const before = await booted.request<{ pageUrl: string }>({ op: 'state' })
    const nav = await booted.request<{ allowed: boolean; url: string }>({ op: 'navigate', url: 'https://evil.example/' })
    expect(nav).toEqual({ allowed: false, url: before.pageUrl })
  })

  it('denies window.open', async () => {
    expect(await booted.request({ op: 'window-open', url: 'https://evil.example/' })).toBe('deny')
  })

  it('denies window.open in any webContents created later', async () => {
    expect(await booted.request({ op: 'window-open', url: 'https://evil.example/', from: 'new-webcontents' })).toBe('deny')
  })

  it.each(['geolocation', 'media', 'notifications'])('denies the %s permission', async (permission) => {
    expect(await booted.request({ op: 'permission', permission })).toBe(false)
  })

  it('ran all of that without breaking an Electron rule', async () => {
    expect((await booted.request<{ violations: string[] }>({ op: 'state' })).violations).toEqual([])
  })
})
