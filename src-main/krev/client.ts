import https from 'node:https'
import type { z } from 'zod'
import { AppError } from '../core/app-error'
import type { BoundKey, KrevClient, KrevClientOptions, KrevProduct } from './types'
import { validateConversionEvent } from './conversion-request'
import { downloadToFile } from './download-file'
import { downloadMedia } from './download-media'
import { endpointPath, ENDPOINTS, type Endpoint } from './endpoints'
import { decode } from './envelope'
import { invalidInput } from './errors'
import { assertKeyOrigin, bindKey } from './key-origin'
import { nodeAgentFactory, send, type HttpBody } from './http'
import { jsonBody, productRequestBody } from './product-request'
import { defaultSleep, resolvePolicy, withRetry, type RequestKind } from './retry'
import {
  assertLimit,
  assertSafeId,
  assertUuid,
  validateAdParams,
  validateChatParams,
  validateImageParams,
  validateVideoParams
} from './validate'

/**
 * The Krev API client. Every operation: validate locally (nothing is sent on bad input),
 * read the key, send through the shared limiter with the retry policy of its kind,
 * decode the envelope with zod. The key lives only in the Authorization header of each
 * request: it is never stored, logged, put in an error, or returned.
 */

export const DEFAULT_BASE_URL = 'https://app.krev.ai'
const API_PREFIX = '/api/v1'
const KEY_SHAPE = /^[\x21-\x7e]{1,512}$/

/** The API root without /api/v1. http is accepted only on loopback (the embedded sandbox). */
export function resolveBaseUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw invalidInput('The Krev API address is not a valid web address.')
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw invalidInput('The Krev API address must start with https://.')
  }
  if (url.username || url.password) throw invalidInput('The Krev API address must not contain a user name or password.')
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')
  url.search = ''
  url.hash = ''
  return url
}

interface CallSpec<S extends z.ZodType> extends Endpoint<S> {
  query?: Record<string, string | number | undefined>
  body?: HttpBody
  kind: RequestKind
}

export function createKrevClient(opts: KrevClientOptions): KrevClient {
  // `||`, not `??`: an empty setting or variable means "the default".
  const root = resolveBaseUrl(opts.baseUrl || process.env.KREV_API_BASE || DEFAULT_BASE_URL)
  const baseUrl = root.toString().replace(/\/$/, '')
  const connectTimeoutMs = opts.connectTimeoutMs ?? 10_000
  const responseTimeoutMs = opts.responseTimeoutMs ?? 30_000
  const maxJsonBytes = opts.maxJsonBytes ?? 5 * 1024 * 1024
  const policy = resolvePolicy(opts.retry)
  const sleep = opts.sleep ?? defaultSleep
  const random = opts.random ?? Math.random
  const now = opts.now ?? Date.now
  // The studio passes its version; package.json is not bundled into main for it.
  const userAgent = `KrevStudio/${opts.appVersion ?? 'dev'}`
  const guard = { resolveHost: opts.resolveHost, trustedOrigins: opts.trustedMediaOrigins }
  const agentFor = opts.agentFactory ?? nodeAgentFactory
  const apiProtocol = root.protocol === 'https:' ? 'https:' : 'http:'
  // Reads reuse connections. Creating POSTs always get a fresh one: a POST written to a
  // kept-alive socket the server just closed fails AFTER sending, which would make a
  // harmless race look like a maybe-processed generation.
  const readAgent = agentFor(apiProtocol, { keepAlive: true, maxSockets: 8 })
  const createAgent = agentFor(apiProtocol, { keepAlive: false })
  // Media hosts are not the API host: their own pools, and never the key (download-media.ts).
  const mediaAgents = {
    http: agentFor('http:', { keepAlive: true, maxSockets: 4 }),
    https: agentFor('https:', { keepAlive: true, maxSockets: 4 }) as https.Agent
  }

  const mediaDeps = { ...guard, userAgent, connectTimeoutMs, idleTimeoutMs: responseTimeoutMs, agents: mediaAgents }

  async function readKey(requestUrl: URL): Promise<string> {
    let supplied: BoundKey | string | null
    try {
      supplied = await opts.getKey()
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('keychain_unavailable', 'Could not read your Krev API key. Enter it again in Settings.', {
        retryable: false
      })
    }
    const bound = supplied ? bindKey(supplied, root.origin) : null
    if (bound) assertKeyOrigin(bound, requestUrl)
    const key = typeof bound?.key === 'string' ? bound.key.trim() : null
    if (!key) throw new AppError('unauthorized', 'Add your Krev API key in Settings to continue.', { retryable: false })
    if (!KEY_SHAPE.test(key)) {
      throw new AppError('unauthorized', 'Your Krev API key contains characters that are not allowed. Paste it again in Settings.', {
        retryable: false
      })
    }
    return key
  }

  const report = (info: Parameters<NonNullable<KrevClientOptions['onRequest']>>[0]) => {
    try {
      opts.onRequest?.(info)
    } catch {
      // Logging must never break a request.
    }
  }

  function call<S extends z.ZodType>(spec: CallSpec<S>, signal?: AbortSignal): Promise<z.output<S>> {
    const url = new URL(root.origin)
    url.pathname = `${root.pathname.replace(/\/+$/, '')}${API_PREFIX}${spec.path}`
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
    const logPath = `${url.pathname}${url.search}`

    return withRetry(
      spec.kind,
      async (attempt) => {
        const key = await readKey(url)
        const started = now()
        let status: number | undefined
        try {
          const res = await send({
            method: spec.method,
            url,
            headers: { Authorization: `Bearer ${key}`, Accept: 'application/json', 'User-Agent': userAgent },
            ...(spec.body ? { body: spec.body } : {}),
            idempotent: spec.kind === 'read',
            connectTimeoutMs,
            responseTimeoutMs,
            maxBodyBytes: maxJsonBytes,
            ...(signal ? { signal } : {}),
            agent: spec.kind === 'read' ? readAgent : createAgent
          })
          status = res.status
          return decode(res, spec.schema, { key, now: now(), maxRetryAfterMs: policy.maxRetryAfterMs }, spec.what, spec.dataKey === undefined ? 'data' : spec.dataKey)
        } finally {
          report({ method: spec.method, path: logPath, ...(status !== undefined ? { status } : {}), attempt, ms: now() - started })
        }
      },
      { policy, sleep, random, ...(opts.limiter ? { limiter: opts.limiter } : {}) },
      signal
    )
  }

  /** A GET of `e`; `id` fills the path's `{id}`. */
  const read = <S extends z.ZodType>(e: Endpoint<S>, signal?: AbortSignal, at: { id?: string; query?: CallSpec<S>['query'] } = {}) =>
    call({ ...e, path: endpointPath(e, at.id), ...(at.query ? { query: at.query } : {}), kind: 'read' }, signal)
  const create = <S extends z.ZodType>(e: Endpoint<S>, body: HttpBody, signal?: AbortSignal) => call({ ...e, body, kind: 'create' }, signal)

  const client: KrevClient = {
    baseUrl,

    credits: (signal) => read(ENDPOINTS.credits, signal),

    listProducts: async ({ limit, signal } = {}) => read(ENDPOINTS.listProducts, signal, { query: { limit: assertLimit(limit) } }),

    async getProduct(id, signal) {
      const pid = assertUuid(id, 'Product')
      const found = await read(ENDPOINTS.getProduct, signal, { query: { id: pid } })
      const product: KrevProduct | undefined = Array.isArray(found)
        ? found.find((p) => p.id.toLowerCase() === pid.toLowerCase())
        : found
      if (!product) throw new AppError('not_found', "Krev couldn't find that product. It may have been deleted.", { retryable: false })
      return product
    },

    async createProduct(input, signal, onSent) {
      const body = { ...(await productRequestBody(input, guard)), ...(onSent ? { onSent } : {}) }
      return create(ENDPOINTS.createProduct, body, signal)
    },

    async generateImages(params, signal) {
      return create(ENDPOINTS.generateImages, jsonBody(await validateImageParams(params, guard)), signal)
    },

    async generateVideo(params, signal) {
      return create(ENDPOINTS.generateVideo, jsonBody(await validateVideoParams(params, guard)), signal)
    },

    async generateAd(params, signal) {
      return create(ENDPOINTS.generateAd, jsonBody(await validateAdParams(params, guard)), signal)
    },

    getGeneration: async (id, signal) => read(ENDPOINTS.getGeneration, signal, { id: assertUuid(id, 'Generation') }),

    async startChat(params, signal) {
      return create(ENDPOINTS.startChat, jsonBody(await validateChatParams(params, guard)), signal)
    },

    getChatRun: async (runId, signal) => read(ENDPOINTS.getChatRun, signal, { id: assertSafeId(runId, 'Chat run') }),

    getConversation: async (id, signal) => read(ENDPOINTS.getConversation, signal, { id: assertUuid(id, 'Conversation') }),

    sendConversion: async (event, signal) => create(ENDPOINTS.sendConversion, jsonBody(validateConversionEvent(event)), signal),

    downloadMedia(url, mediaOpts) {
      // Retried like any read (network, timeouts, 5xx), but outside the API's rate limiter.
      return withRetry('read', () => downloadMedia(url, mediaOpts, mediaDeps), { policy, sleep, random }, mediaOpts.signal)
    },

    downloadMediaFile(url, fileOpts) {
      // Each retry continues from the bytes the last one left on disk.
      return withRetry('read', () => downloadToFile(url, fileOpts, mediaDeps), { policy, sleep, random }, fileOpts.signal)
    }
  }
  return client
}
