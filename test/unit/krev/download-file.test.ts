import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { metaPathOf } from '../../../src-main/krev/part-file'
import { caught, scriptServer, testClient, type ScriptServer, type Step } from './helpers'

/** client.downloadMediaFile: when a partial may be continued, and when it must start over. */

const file = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12), Buffer.from('0123456789'.repeat(100))])
const servers: ScriptServer[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function partIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'krev-part-'))
  dirs.push(dir)
  return join(dir, '.job-0.0123456789ab.part')
}

const whole =
  (headers: Record<string, string>): Step =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': file.length, ...headers })
    res.end(file)
  }

async function get(steps: Step[], part: string) {
  const server = await scriptServer(steps)
  servers.push(server)
  const url = `${server.baseUrl}/v.mp4`
  const { client } = testClient('https://api.krev.example', { trustedMediaOrigins: [server.baseUrl] })
  return { server, run: () => client.downloadMediaFile(url, { part, maxBytes: 1 << 20, accept: ['video'] }) }
}

describe('client.downloadMediaFile', () => {
  it('continues a partial with its validator, and starts over on 416', async () => {
    const part = partIn()
    writeFileSync(part, file.subarray(0, 300))
    writeFileSync(metaPathOf(part), JSON.stringify({ validator: 'Tue, 01 Dec 2026 10:00:00 GMT', size: file.length }))
    const refused: Step = (_req, res) => {
      res.writeHead(416, { 'Content-Range': `bytes */${file.length}` })
      res.end()
    }
    const { server, run } = await get([refused, whole({ 'Last-Modified': 'Wed, 02 Dec 2026 10:00:00 GMT' })], part)
    const done = await run()
    expect(server.requests[0].headers).toMatchObject({ range: 'bytes=300-', 'if-range': 'Tue, 01 Dec 2026 10:00:00 GMT' })
    expect(server.requests[1].headers.range).toBeUndefined()
    expect(done.size).toBe(file.length)
    expect(readFileSync(part).equals(file)).toBe(true)
    expect(existsSync(metaPathOf(part))).toBe(false)
  })

  it('starts over when a 206 is not the continuation asked for', async () => {
    const part = partIn()
    writeFileSync(part, file.subarray(0, 300))
    writeFileSync(metaPathOf(part), JSON.stringify({ validator: '"v1"', size: file.length }))
    const elsewhere: Step = (_req, res) => {
      res.writeHead(206, { 'Content-Range': `bytes 0-99/${file.length}`, 'Content-Length': 100, ETag: '"v1"' })
      res.end(file.subarray(0, 100))
    }
    const { server, run } = await get([elsewhere, whole({ ETag: '"v1"' })], part)
    await run()
    expect(server.requests).toHaveLength(2)
    expect(server.requests[1].headers.range).toBeUndefined()
    expect(readFileSync(part).equals(file)).toBe(true)
  })

  it('never asks for a range it could not validate: no meta, or only a weak ETag', async () => {
    const part = partIn()
    writeFileSync(part, file.subarray(0, 300)) // a partial whose meta never got written
    const cut: Step = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': file.length, ETag: 'W/"weak"' })
      res.write(file.subarray(0, 500))
      setImmediate(() => res.socket?.destroy())
    }
    const { server, run } = await get([cut, whole({ ETag: 'W/"weak"' })], part)
    await run()
    expect(server.requests.map((r) => r.headers.range)).toEqual([undefined, undefined])
    expect(readFileSync(part).equals(file)).toBe(true)
  })

  it('keeps the bytes of an interrupted download for the next attempt, and its validator', async () => {
    const part = partIn()
    const cut: Step = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': file.length, ETag: '"v7"' })
      res.write(file.subarray(0, 500))
      setImmediate(() => res.socket?.destroy())
    }
    const server = await scriptServer(cut)
    servers.push(server)
    const { client } = testClient('https://api.krev.example', { trustedMediaOrigins: [server.baseUrl], retry: { maxAttempts: 1 } })
    const err = await caught(client.downloadMediaFile(`${server.baseUrl}/v.mp4`, { part, maxBytes: 1 << 20, accept: ['video'] }))
    expect(err.code).toBe('network')
    const kept = readFileSync(part)
    expect(kept.length).toBe(500)
    expect(kept.equals(file.subarray(0, 500))).toBe(true)
    expect(JSON.parse(readFileSync(metaPathOf(part), 'utf8'))).toEqual({ validator: '"v7"', size: file.length })
  })
})
