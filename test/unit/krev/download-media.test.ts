import net from 'node:net'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/core/app-error'
import { caught, KEY, raw, scriptServer, testClient, type ScriptServer, type Step } from './helpers'

/**
 * client.downloadMedia against a local server: signed media URLs are fetched without the
 * API key, capped while streaming, checked against Content-Length, and sniffed.
 */

let png: Buffer
let mp4: Buffer
const servers: ScriptServer[] = []
const rawServers: net.Server[] = []

beforeAll(async () => {
  png = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 10, g: 200, b: 90 } } }).png().toBuffer()
  // The first box of an MP4 is enough for sniffing.
  mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12), Buffer.alloc(64)])
})

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
  for (const s of rawServers.splice(0)) await new Promise((ok) => s.close(ok))
})

const bytes =
  (status: number, body: Buffer, headers: Record<string, string> = {}): Step =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'image/png', 'Content-Length': body.length, ...headers })
    res.end(body)
  }

async function media(steps: Step[] | Step): Promise<{ server: ScriptServer; client: ReturnType<typeof testClient> }> {
  const server = await scriptServer(steps)
  servers.push(server)
  // The API base is elsewhere: the media host is only a trusted media origin, as with the sandbox.
  const client = testClient('https://api.krev.example', { trustedMediaOrigins: [server.baseUrl] })
  return { server, client }
}

/** A raw TCP server: answers every request with exactly `response` and closes. */
async function rawServer(response: Buffer | string): Promise<string> {
  const server = net.createServer((socket) => {
    socket.once('data', () => {
      socket.write(response)
      setTimeout(() => socket.end(), 50)
    })
  })
  rawServers.push(server)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('client.downloadMedia', () => {
  it('downloads an image without ever sending the API key', async () => {
    const { server, client } = await media(bytes(200, png, { 'Content-Type': 'application/octet-stream' }))
    const out = await client.client.downloadMedia(`${server.baseUrl}/storage/u/p.png?exp=1&sig=abc`, { maxBytes: 1024 * 1024, accept: ['image'] })
    expect(out.mimeType).toBe('image/png')
    expect(out.data.equals(png)).toBe(true)
    expect(server.requests).toHaveLength(1)
    const headers = server.requests[0].headers
    expect(headers.authorization).toBeUndefined()
    expect(headers.cookie).toBeUndefined()
    expect(JSON.stringify(server.requests)).not.toContain(KEY)
    expect(server.requests[0].url).toBe('/storage/u/p.png?exp=1&sig=abc')
  })

  it('accepts a video only when asked for one', async () => {
    const { server, client } = await media(bytes(200, mp4, { 'Content-Type': 'video/mp4' }))
    const out = await client.client.downloadMedia(`${server.baseUrl}/v.mp4`, { maxBytes: 4096, accept: ['video'] })
    expect(out.mimeType).toBe('video/mp4')
    const err = await caught(client.client.downloadMedia(`${server.baseUrl}/v.mp4`, { maxBytes: 4096, accept: ['image'] }))
    expect(err.code).toBe('invalid_response')
    expect(err.message).toMatch(/did not return an image \(it returned MP4\)/)
  })

  it('refuses plain http and private hosts before connecting', async () => {
    const { server, client } = await media(bytes(200, png))
    for (const url of ['http://cdn.krev.example/a.png', 'file:///etc/passwd', 'https://169.254.169.254/latest', 'https://localhost/a.png']) {
      const err = await caught(client.client.downloadMedia(url, { maxBytes: 4096, accept: ['image'] }))
      expect(err.code, url).toBe('invalid_input')
    }
    // Same host, other port: not the trusted origin.
    const other = server.baseUrl.replace(/:\d+$/, ':1')
    expect((await caught(client.client.downloadMedia(`${other}/a.png`, { maxBytes: 4096, accept: ['image'] }))).code).toBe('invalid_input')
    expect(server.requests).toHaveLength(0)
  })

  it('reports an expired signature (403) as a forbidden "link expired", without retrying', async () => {
    const { server, client } = await media(raw(403, '{"error":"Signed URL has expired"}'))
    const err = await caught(client.client.downloadMedia(`${server.baseUrl}/a.png?exp=1&sig=x`, { maxBytes: 4096, accept: ['image'] }))
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('forbidden')
    expect(err.message).toMatch(/expired/)
    expect(err.retryable).toBe(false)
    expect(server.requests).toHaveLength(1)
  })

  it('refuses an HTML page served as 200', async () => {
    const { server, client } = await media(raw(200, '<!doctype html><html><body>Login</body></html>', 'image/png'))
    const err = await caught(client.client.downloadMedia(`${server.baseUrl}/a.png`, { maxBytes: 4096, accept: ['image'] }))
    expect(err.code).toBe('invalid_response')
    expect(err.message).toMatch(/web page/)
  })

  it('refuses an empty body', async () => {
    const { server, client } = await media(bytes(200, Buffer.alloc(0)))
    expect((await caught(client.client.downloadMedia(`${server.baseUrl}/a.png`, { maxBytes: 4096, accept: ['image'] }))).code).toBe('invalid_response')
  })

  it('refuses a declared size over the cap without reading the body', async () => {
    const { server, client } = await media(bytes(200, Buffer.concat([png, Buffer.alloc(5000)])))
    const err = await caught(client.client.downloadMedia(`${server.baseUrl}/a.png`, { maxBytes: 4096, accept: ['image'] }))
    expect(err.code).toBe('invalid_response')
    expect(err.message).toMatch(/larger than the/)
  })

  it('aborts an endless body at the cap', async () => {
    let written = 0
    let stopped = false
    const endless: Step = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' })
      res.write(png)
      const timer = setInterval(() => {
        if (res.destroyed || res.writableEnded) {
          stopped = true
          return clearInterval(timer)
        }
        res.write(Buffer.alloc(64 * 1024))
        written += 64 * 1024
      }, 1)
      res.on('close', () => {
        stopped = true
        clearInterval(timer)
      })
    }
    const { server, client } = await media(endless)
    const err = await caught(client.client.downloadMedia(`${server.baseUrl}/a.png`, { maxBytes: 256 * 1024, accept: ['image'] }))
    expect(err.code).toBe('invalid_response')
    expect(err.message).toMatch(/larger than the 0.3 MB limit/)
    await expect.poll(() => stopped).toBe(true)
    expect(written).toBeLessThan(16 * 1024 * 1024)
  })

  it('treats a body shorter than its Content-Length as an interrupted download (retried, then network)', async () => {
    const short = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000\r\n\r\n'), png.subarray(0, 40)])
    const base = await rawServer(short)
    const { client, sleeps } = testClient('https://api.krev.example', { trustedMediaOrigins: [base] })
    const err = await caught(client.downloadMedia(`${base}/a.png`, { maxBytes: 4096, accept: ['image'] }))
    expect(err.code).toBe('network')
    expect(sleeps.length).toBe(3)
  })

  it('refuses a body longer than its Content-Length', async () => {
    const head = `HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: ${png.length}\r\n\r\n`
    const base = await rawServer(Buffer.concat([Buffer.from(head), png, Buffer.from('<html>trailing garbage</html>')]))
    const { client } = testClient('https://api.krev.example', { trustedMediaOrigins: [base], retry: { maxAttempts: 1 } })
    const err = await caught(client.downloadMedia(`${base}/a.png`, { maxBytes: 4096, accept: ['image'] }))
    expect(err.code).toBe('invalid_response')
    expect(err.message).toMatch(/more data than it declared/)
  })

  it('retries a 500 once it clears', async () => {
    const { server, client } = await media([raw(500, 'oops', 'text/plain'), bytes(200, png)])
    const out = await client.client.downloadMedia(`${server.baseUrl}/a.png`, { maxBytes: 4096, accept: ['image'] })
    expect(out.mimeType).toBe('image/png')
    expect(server.requests).toHaveLength(2)
  })

  it('follows a redirect only to an allowed place', async () => {
    const redirect =
      (to: string): Step =>
      (_req, res) => {
        res.writeHead(302, { Location: to, 'Content-Length': 0 })
        res.end()
      }
    const { server, client } = await media([redirect('/real.png'), bytes(200, png)])
    const out = await client.client.downloadMedia(`${server.baseUrl}/a.png`, { maxBytes: 4096, accept: ['image'] })
    expect(out.data.equals(png)).toBe(true)
    expect(server.requests.map((r) => r.url)).toEqual(['/a.png', '/real.png'])

    const bad = await media(redirect('http://10.0.0.5/metadata'))
    const err = await caught(bad.client.client.downloadMedia(`${bad.server.baseUrl}/a.png`, { maxBytes: 4096, accept: ['image'] }))
    expect(err.code).toBe('invalid_input')
    expect(bad.server.requests).toHaveLength(1)
  })

  it('stops when cancelled', async () => {
    const hang: Step = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' })
      res.write(png.subarray(0, 10))
    }
    const { server, client } = await media(hang)
    const controller = new AbortController()
    const pending = client.client.downloadMedia(`${server.baseUrl}/a.png`, { maxBytes: 4096, accept: ['image'], signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    expect((await caught(pending)).code).toBe('cancelled')
  })
})
