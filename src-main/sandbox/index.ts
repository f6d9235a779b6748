import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { adminRoutes, createUserKey, setCredits } from './admin'
import { ChatRunner } from './chat-runner'
import { chatRoutes } from './chat'
import { conversionRoutes } from './conversions'
import { Faults, type FaultController } from './faults'
import { GenerationEngine } from './generations'
import { ok } from './http'
import { defaultFetchRemote } from './image-input'
import { ensureDefaultKey, KEY_PATTERN } from './keys'
import { persistentDefaultKey, sweepStaleRenderDirs } from './startup-housekeeping'
import { Ledger } from './ledger'
import { MediaStore, serveMedia } from './media'
import { openApiDocument } from './openapi'
import { productRoutes } from './products'
import { RateLimiter } from './rate-limit'
import { renderGeneration } from './render-job'
import { locateFfmpeg } from '../core/locate-ffmpeg'
import { EncoderRegistry } from './render-video'
import { Router } from './router'
import { accountRoutes } from './routes-account'
import { generationRoutes } from './routes-generate'
import { createRequestListener } from './server'
import type { Services } from './services'
import { UrlSigner } from './signing'
import { RequestLog } from './request-log'
import { Store } from './store'
import { DEFAULT_USER, type Scope } from './types'
import { randomToken } from './util'

export type { FaultAction, FaultController, FaultRule, FaultRuleState } from './faults'
export { SCOPES, type Scope } from './types'

export interface SandboxOptions {
  /** 0 = random (default). */
  port?: number
  /**
   * The default user's full-scope key, registered if new. If omitted, a fresh random
   * `sk_live_…` is minted on every start (state.json keeps only hashes; earlier keys stay
   * valid), unless `persistKey` is set.
   */
  key?: string
  /**
   * Keep the default key in `<dataDir>/default-key` (0600) and use it on every start: the
   * built-in sandbox answers to one key across restarts. Ignored with `key` or without `dataDir`.
   */
  persistKey?: boolean
  /** Starting balance of the default user (first start of a dataDir only). Default 2500. */
  credits?: number
  /** Persistence (state.json + media/). If omitted, a fresh temp dir that close() deletes. */
  dataDir?: string
  /** Timing multiplier: 1 = realistic (image ~6–12 s, video ~20–40 s); tests use large values. */
  speed?: number
  /** Whether a Meta pixel is configured (default true). */
  metaPixel?: boolean
  /** Per-user token bucket. Default capacity 60, refill 2/s. */
  rateLimit?: { capacity: number; refillPerSecond: number }
  /** Signed media URL lifetime (default 3600; 0 makes every URL expire at once, for tests). */
  urlTtlSeconds?: number
  /** How image_url / reference / source / inspiration https URLs are fetched. */
  fetchRemote?: (url: string) => Promise<Buffer>
  /** ffmpeg binary; undefined = @ffmpeg-installer/ffmpeg, null = none (animated WebP fallback). */
  ffmpegPath?: string | null
  /** Concurrent renders (default 2). */
  renderConcurrency?: number
  log?: (line: string) => void
}

export interface SandboxHandle {
  /** http://127.0.0.1:PORT (the API lives under /api/v1). */
  baseUrl: string
  port: number
  /** The default user's key (plaintext only here, and with `persistKey` in `<dataDir>/default-key`, 0600). */
  key: string
  faults: FaultController
  /** Header value for `x-sandbox-admin` on /__sandbox/* routes. */
  adminToken: string
  /** Cookie value for `krev_session`, which /api/v1/keys requires. */
  dashboardSession: string
  dataDir: string
  /** Extra keys, returned in plaintext once; the same userId shares credits and rate limits. */
  createKey(opts: { scopes: Scope[]; userId?: string }): string
  setCredits(userId: string | 'default', amount: number): void
  close(): Promise<void>
}

/** Starts the local Krev API on 127.0.0.1. Never imports electron: it also runs under tsx and vitest. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const log = opts.log ?? (() => undefined)
  const speed = opts.speed ?? 1
  if (!(speed > 0)) throw new Error('speed must be a positive number')
  if (opts.key !== undefined && !KEY_PATTERN.test(opts.key)) throw new Error('key must be sk_live_ followed by 32 letters or digits')
  const ephemeral = opts.dataDir === undefined
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'krev-sandbox-')))
  const store = await Store.open(dataDir, log)
  const startingCredits = opts.credits ?? 2500
  if (!store.users.has(DEFAULT_USER)) {
    store.users.set(DEFAULT_USER, { id: DEFAULT_USER, credits: startingCredits, limit: 2500, plan: 'pro', planName: 'Pro' })
    store.changed()
  }
  const keep = opts.persistKey === true && !ephemeral
  const defaultKey = ensureDefaultKey(store, opts.key ?? (keep ? await persistentDefaultKey(dataDir, KEY_PATTERN) : undefined))
  void sweepStaleRenderDirs().then((n) => n > 0 && log(`sandbox: removed ${n} stale video render folder(s)`))

  let baseUrl = ''
  const media = new MediaStore(dataDir)
  const signer = new UrlSigner(store.secret, opts.urlTtlSeconds ?? 3600, () => baseUrl)
  const ledger = new Ledger(store)
  const fetchRemote = opts.fetchRemote ?? defaultFetchRemote
  const ffmpeg = opts.ffmpegPath === undefined ? locateFfmpeg() : opts.ffmpegPath
  const encoders = new EncoderRegistry()
  const generations = new GenerationEngine({
    store,
    ledger,
    media,
    speed,
    concurrency: opts.renderConcurrency ?? 2,
    render: (generation) => renderGeneration(generation, { store, media, fetchRemote, ffmpeg, encoders, log }),
    log
  })
  const chat = new ChatRunner({ store, media, generations, speed, log })
  const faults = new Faults()
  const services: Services = {
    store,
    ledger,
    media,
    signer,
    faults,
    limiter: new RateLimiter(opts.rateLimit ?? { capacity: 60, refillPerSecond: 2 }),
    requests: new RequestLog(),
    generations,
    chat,
    fetchRemote,
    metaPixel: opts.metaPixel ?? true,
    adminToken: randomToken(24),
    defaultCredits: startingCredits,
    baseUrl: () => baseUrl,
    log
  }

  const router = new Router()
  for (const route of [
    ...generationRoutes(services),
    ...productRoutes(services),
    ...accountRoutes(services),
    ...chatRoutes(services),
    ...conversionRoutes(services),
    ...adminRoutes(services)
  ]) {
    router.add(route)
  }
  router.add({ method: 'GET', pattern: '/api/v1/openapi.json', auth: 'none', handler: async () => ({ kind: 'json', status: 200, body: openApiDocument(baseUrl) }) })
  router.add({ method: 'GET', pattern: '/storage/*', auth: 'signed', handler: (ctx) => serveMedia(ctx, media, signer) })
  router.add({ method: 'GET', pattern: '/', auth: 'none', handler: async () => ok({ name: 'Krev API sandbox', api: `${baseUrl}/api/v1`, openapi: `${baseUrl}/api/v1/openapi.json` }) })

  const server = createServer(createRequestListener(router, services))
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`
  generations.resume()
  chat.resume()
  await store.flush()
  log(`sandbox: listening on ${baseUrl} (data: ${dataDir}, ffmpeg: ${ffmpeg ? 'yes' : 'no'})`)

  let closing: Promise<void> | null = null
  return {
    baseUrl,
    port,
    key: defaultKey,
    faults,
    adminToken: services.adminToken,
    dashboardSession: store.dashboardSession,
    dataDir,
    createKey: (o) => createUserKey(services, o),
    setCredits: (userId, amount) => setCredits(services, userId, amount),
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeAllConnections()
        chat.close()
        encoders.killAll()
        await generations.close()
        await stopped
        await store.close()
        if (ephemeral) await rm(dataDir, { recursive: true, force: true })
      })())
  }
}
