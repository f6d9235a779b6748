import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { send } from '../../../src-main/krev/http'
import { buildMultipart } from '../../../src-main/krev/multipart'

/**
 * A body part that is a file on disk is read as it is written (product imports stream
 * photos, never holding them whole): the server gets exactly the bytes, Content-Length
 * matches, and `onSent` counts up to the full length in slices.
 */

let dir: string
let server: http.Server
let received: Buffer[] = []
let base: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-http-file-'))
  server = http.createServer((req, res) => {
    const parts: Buffer[] = []
    req.on('data', (c: Buffer) => parts.push(c))
    req.on('end', () => {
      received.push(Buffer.concat(parts))
      res.writeHead(200, { 'content-type': 'application/json', 'x-length': String(req.headers['content-length']) })
      res.end('{}')
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((ok) => server.close(ok))
  await rm(dir, { recursive: true, force: true })
})

describe('a file streamed as part of a request body', () => {
  it('arrives byte for byte with progress in slices', async () => {
    received = []
    const data = randomBytes(600 * 1024)
    const path = join(dir, 'photo.bin')
    await writeFile(path, data)
    const body = buildMultipart([{ name: 'name', value: 'Bag' }], { name: 'file', fileName: 'photo.jpg', contentType: 'image/jpeg', data: { path, size: data.length } })
    const sent: number[] = []
    const res = await send({
      method: 'POST',
      url: new URL(`${base}/upload`),
      headers: {},
      body: { ...body, onSent: (n) => sent.push(n) },
      idempotent: false,
      connectTimeoutMs: 5_000,
      responseTimeoutMs: 5_000,
      maxBodyBytes: 1024
    })
    expect(res.status).toBe(200)
    expect(Number(res.headers['x-length'])).toBe(body.length)
    const got = received[0]!
    expect(got.length).toBe(body.length)
    expect(got.includes(data)).toBe(true)
    expect(sent.at(-1)).toBe(body.length)
    expect(sent.length).toBeGreaterThan(5)
    expect(sent).toEqual([...sent].sort((a, b) => a - b))
  })
})
