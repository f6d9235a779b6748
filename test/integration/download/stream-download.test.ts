import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync, WriteStream } from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { metaPathOf } from '../../../src-main/krev/part-file'
import { partialFor } from '../../../src-main/queue/partial-downloads'
import { caught, raw, scriptServer, testClient, type ScriptServer } from '../../unit/krev/helpers'
import { contentHash, mediaServer, type MediaServer } from './fixtures/media-server'

// Downloads stream to a partial file on disk (never the whole body in memory), resume with
// Range + If-Range after a reset or a kill -9, and a file that is the wrong length or the
// wrong type is refused and leaves nothing behind. Against real loopback HTTP servers.
const ROOT = resolve(import.meta.dirname, '../../..')
const CHILD = join(import.meta.dirname, 'fixtures/download-child.ts')
const MB = 1024 * 1024
const dirs: string[] = []
const servers: { close(): Promise<void> }[] = []
const children = new Set<ChildProcess>()

afterEach(async () => {
  vi.restoreAllMocks()
  for (const s of servers.splice(0)) await s.close()
})
afterAll(() => {
  for (const c of children) c.kill('SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function staging(): string {
  const dir = mkdtempSync(join(tmpdir(), 'krev-dl-'))
  dirs.push(dir)
  return dir
}

async function serve(size: number): Promise<MediaServer> {
  const server = await mediaServer(size)
  servers.push(server)
  return server
}

const clientFor = (url: string) => testClient('https://api.krev.example', { trustedMediaOrigins: [new URL(url).origin] }).client

function fileHash(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('end', () => ok(hash.digest('hex')))
      .on('error', fail)
  })
}

describe('downloadMediaFile', () => {
  it('streams a 50 MB body to disk in chunks, never holding it whole', async () => {
    const size = 50 * MB
    const server = await serve(size)
    const dir = staging()
    const part = await partialFor(dir, 'job-1-0')
    const writes: number[] = []
    const realWrite = WriteStream.prototype.write
    vi.spyOn(WriteStream.prototype, 'write').mockImplementation(function (this: WriteStream, chunk: unknown, ...rest: unknown[]) {
      if (this.path === part) writes.push((chunk as Buffer).length)
      return (realWrite as (...a: unknown[]) => boolean).call(this, chunk, ...rest)
    })
    const concat = vi.spyOn(Buffer, 'concat')

    const done = await clientFor(server.url).downloadMediaFile(server.url, { part, maxBytes: 64 * MB, accept: ['video'] })

    expect(done).toEqual({ file: part, mimeType: 'video/mp4', size })
    expect(statSync(part).size).toBe(size)
    expect(writes.reduce((a, b) => a + b, 0)).toBe(size)
    // Socket-sized pieces, hundreds of them: the body was never assembled in memory.
    expect(Math.max(...writes)).toBeLessThanOrEqual(MB)
    expect(writes.length).toBeGreaterThan(50)
    expect(concat.mock.calls.every(([list]) => (list as Buffer[]).reduce((a, b) => a + b.length, 0) < MB)).toBe(true)
    expect(await fileHash(part)).toBe(contentHash(size))
    expect(existsSync(metaPathOf(part))).toBe(false)
  })

  it('resumes a connection reset mid-body with Range + If-Range; the file is byte-identical', async () => {
    const size = 12 * MB
    const server = await serve(size)
    server.resetAfter = 5 * MB
    const part = await partialFor(staging(), 'job-2-0')

    await clientFor(server.url).downloadMediaFile(server.url, { part, maxBytes: 64 * MB, accept: ['video'] })

    expect(server.seen).toHaveLength(2)
    const [first, second] = server.seen
    expect(first).toMatchObject({ range: undefined, status: 200 })
    const from = Number(/^bytes=(\d+)-$/.exec(second.range ?? '')?.[1])
    expect(from).toBeGreaterThan(0)
    expect(from).toBeLessThanOrEqual(5 * MB)
    expect(second).toMatchObject({ ifRange: '"v1"', status: 206 })
    // Only the missing bytes crossed the wire again.
    expect(server.sent).toBe(5 * MB + size - from)
    expect(await fileHash(part)).toBe(contentHash(size))
  })

  it('starts over when the file changed between attempts (If-Range mismatch → 200)', async () => {
    const size = 6 * MB
    const server = await serve(size)
    server.resetAfter = 2 * MB
    server.beforeResponse = (n) => {
      if (n === 1) server.etag = '"v2"'
    }
    const part = await partialFor(staging(), 'job-3-0')

    const done = await clientFor(server.url).downloadMediaFile(server.url, { part, maxBytes: 64 * MB, accept: ['video'] })

    expect(server.seen[1]).toMatchObject({ ifRange: '"v1"', status: 200 })
    expect(done.size).toBe(size)
    expect(statSync(part).size).toBe(size)
    expect(await fileHash(part)).toBe(contentHash(size))
  })

  it('refuses a web page served as media and leaves no file', async () => {
    const html: ScriptServer = await scriptServer(raw(200, '<!doctype html><html><body>Sign in</body></html>', 'text/html'))
    servers.push(html)
    const dir = staging()
    const part = await partialFor(dir, 'job-4-0')
    const url = `${html.baseUrl}/a.mp4`
    const err = await caught(clientFor(url).downloadMediaFile(url, { part, maxBytes: MB, accept: ['video', 'image'] }))
    expect(err.code).toBe('invalid_response')
    expect(err.message).toBe('The link did not return an image or video (it returned a web page).')
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses a body longer than its Content-Length and leaves no file', async () => {
    const body = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(500)])
    const head = `HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nETag: "x"\r\nContent-Length: 100\r\n\r\n`
    const sock = net.createServer((s) => s.once('data', () => s.end(Buffer.concat([Buffer.from(head), body]))))
    await new Promise<void>((ok) => sock.listen(0, '127.0.0.1', ok))
    servers.push({ close: () => new Promise((ok) => sock.close(() => ok())) })
    const url = `http://127.0.0.1:${(sock.address() as AddressInfo).port}/v.mp4`
    const dir = staging()
    const part = await partialFor(dir, 'job-5-0')
    const err = await caught(clientFor(url).downloadMediaFile(url, { part, maxBytes: MB, accept: ['video'] }))
    expect(err.code).toBe('invalid_response')
    expect(err.message).toMatch(/more data than it declared/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('a studio killed -9 mid-download', () => {
  function run(url: string, dir: string): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, dir, 'job-9-0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    const lines: string[] = []
    let err = ''
    child.stdout!.on('data', (c: Buffer) => lines.push(...c.toString().trim().split('\n')))
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
    const exited = new Promise<number | null>((ok) =>
      child.once('exit', (code) => {
        children.delete(child)
        if (code) console.error(err)
        ok(code)
      })
    )
    return { child, lines, exited }
  }

  it('continues the partial it left on restart instead of downloading again', async () => {
    const size = 16 * MB
    const server = await serve(size)
    server.stallAfter = 3 * MB
    const dir = staging()

    const first = run(server.url, dir)
    await expect.poll(() => first.lines.find((l) => l.startsWith('PART ')), { timeout: 30_000 }).toBeTruthy()
    const part = (first.lines.find((l) => l.startsWith('PART ')) as string).slice(5)
    await expect.poll(() => (existsSync(part) ? statSync(part).size : 0), { timeout: 30_000 }).toBe(3 * MB)
    await expect.poll(() => existsSync(metaPathOf(part)), { timeout: 30_000 }).toBe(true)
    first.child.kill('SIGKILL')
    await first.exited
    const kept = statSync(part).size

    server.stallAfter = null
    const second = run(server.url, dir)
    expect(await second.exited).toBe(0)
    expect(second.lines).toContain(`PART ${part}`)
    expect(second.lines).toContain(`DONE ${part} ${size}`)
    expect(kept).toBeGreaterThan(0)
    expect(server.seen.at(-1)).toEqual({ range: `bytes=${kept}-`, ifRange: '"v1"', status: 206 })
    expect(await fileHash(part)).toBe(contentHash(size))
    expect(readdirSync(dir)).toEqual([part.slice(dir.length + 1)])
  })
})
