import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src-main/sandbox'

import type { ChatRun, Envelope, Generation, Product } from './wire'
import { waitFor } from '../../support/wait-for'

/** Shared by the sandbox integration tests: boot on a fresh data dir, talk plain fetch. */

export type RequestOptions = RequestInit & { key?: string | null; json?: unknown }

export interface Reply<B> {
  status: number
  body: B
  headers: Headers
}

export interface Booted {
  sb: SandboxHandle
  dataDir: string
  /** fetch against /api/v1 with the default key unless `key` is given (null = no auth). */
  api: (path: string, init?: RequestOptions) => Promise<Response>
  /** api() then parse the `{success, data}` envelope, `data` typed as the test expects it. */
  call: <T = unknown>(path: string, init?: RequestOptions) => Promise<Reply<Envelope<T>>>
  /** api() then parse a body that is not enveloped (openapi.json, conversions). */
  json: <B>(path: string, init?: RequestOptions) => Promise<Reply<B>>
  close: () => Promise<void>
}

/** Tests never touch the network: remote images come from injected fixtures. */
const offline = async (url: string): Promise<Buffer> => {
  throw new Error(`network disabled in tests (${url})`)
}

export const FAST_LIMITS = { capacity: 1_000_000, refillPerSecond: 1_000_000 }

export async function freshDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'krev-sbx-test-'))
}

/** Every file below `dir`, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await filesUnder(full)))
    else out.push(full)
  }
  return out
}

/** `file: secret` for every file below `dir` that contains one of `secrets` (byte-wise). */
export async function filesHolding(dir: string, secrets: string[]): Promise<string[]> {
  const hits: string[] = []
  for (const file of await filesUnder(dir)) {
    const data = await readFile(file)
    for (const secret of secrets) if (data.includes(secret)) hits.push(`${file}: ${secret.slice(0, 12)}…`)
  }
  return hits
}

export async function boot(opts: SandboxOptions = {}): Promise<Booted> {
  const dataDir = opts.dataDir ?? (await freshDir())
  const sb = await startSandbox({ port: 0, speed: 50, rateLimit: FAST_LIMITS, fetchRemote: offline, ...opts, dataDir })
  const api: Booted['api'] = (path, init = {}) => {
    const { key, json, ...rest } = init
    const headers = new Headers(rest.headers)
    const auth = key === undefined ? sb.key : key
    if (auth !== null) headers.set('authorization', `Bearer ${auth}`)
    if (json !== undefined) headers.set('content-type', 'application/json')
    return fetch(`${sb.baseUrl}/api/v1${path}`, {
      ...rest,
      headers,
      method: rest.method ?? (json !== undefined ? 'POST' : 'GET'),
      body: json !== undefined ? JSON.stringify(json) : rest.body
    })
  }
  const json = async <B>(path: string, init?: RequestOptions): Promise<Reply<B>> => {
    const res = await api(path, init)
    return { status: res.status, body: (await res.json()) as B, headers: res.headers }
  }
  const call = <T = unknown>(path: string, init?: RequestOptions) => json<Envelope<T>>(path, init)
  return {
    sb,
    dataDir,
    api,
    call,
    json,
    close: async () => {
      await sb.close()
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true })
    }
  }
}

/** Polls a generation until it settles (the test timeout bounds it, no timing asserts). */
export async function settle(b: Booted, id: string, onPoll?: (data: Generation) => void): Promise<Generation> {
  let last: Generation | undefined
  await waitFor(
    async () => {
      const { status, body } = await b.call<Generation>(`/generations/${id}`)
      if (status !== 200) throw new Error(`poll answered ${status}: ${JSON.stringify(body)}`)
      onPoll?.(body.data)
      last = body.data
      return last.status === 'succeeded' || last.status === 'failed'
    },
    { timeoutMs: 60_000, everyMs: 25, message: `generation ${id} did not settle` }
  )
  return last as Generation
}

/** A settled generation's output URLs; a readable failure (not a TypeError) when there are none. */
export function urls(generation: Generation): string[] {
  if (!generation.output) throw new Error(`generation ${generation.id} has no output (${generation.status}: ${generation.error})`)
  return generation.output.urls
}

export async function settleRun(b: Booted, runId: string): Promise<ChatRun> {
  let last: ChatRun | undefined
  await waitFor(
    async () => {
      const { status, body } = await b.call<ChatRun>(`/chat/runs/${runId}`)
      if (status !== 200) throw new Error(`run poll answered ${status}: ${JSON.stringify(body)}`)
      last = body.data
      return last.status === 'succeeded' || last.status === 'failed'
    },
    { timeoutMs: 60_000, everyMs: 25, message: `run ${runId} did not settle` }
  )
  return last as ChatRun
}

export async function download(url: string, init?: RequestInit): Promise<{ status: number; data: Buffer; headers: Headers }> {
  const res = await fetch(url, init)
  return { status: res.status, data: Buffer.from(await res.arrayBuffer()), headers: res.headers }
}

/** A packshot: a black bottle with a gold label on a white backdrop. */
export async function bottlePng(width = 600, height = 800): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#ffffff"/>
<rect x="${width * 0.35}" y="${height * 0.12}" width="${width * 0.3}" height="${height * 0.76}" rx="20" fill="#111111"/>
<rect x="${width * 0.35}" y="${height * 0.45}" width="${width * 0.3}" height="${height * 0.2}" fill="#d4af37"/></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

export const dataUrl = (data: Buffer, mime = 'image/png'): string => `data:${mime};base64,${data.toString('base64')}`

/** Uploads the bottle fixture and returns the product. */
export async function createProduct(b: Booted, name?: string): Promise<Product> {
  const { status, body } = await b.call<Product>('/products', { json: { image_url: dataUrl(await bottlePng()), ...(name ? { name } : {}) } })
  if (status !== 200) throw new Error(`product upload answered ${status}: ${JSON.stringify(body)}`)
  return body.data
}

/** Every field of `example` is present in `actual` with the same JSON type (null in the example = any). */
export function expectShape(example: unknown, actual: unknown, path = '$'): string[] {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)
  if (example === null) return []
  if (kind(example) !== kind(actual)) return [`${path}: expected ${kind(example)}, got ${kind(actual)}`]
  if (Array.isArray(example)) {
    const items = actual as unknown[]
    return example.length && items.length ? items.flatMap((item, i) => expectShape(example[0], item, `${path}[${i}]`)) : []
  }
  if (kind(example) === 'object') {
    return Object.entries(example as Record<string, unknown>).flatMap(([k, v]) =>
      k in (actual as object) ? expectShape(v, (actual as Record<string, unknown>)[k], `${path}.${k}`) : [`${path}.${k}: missing`]
    )
  }
  return []
}
