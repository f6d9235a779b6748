import type { z } from 'zod'
import {
  chatRunSchema,
  chatStartedSchema,
  conversationSchema,
  conversionSchema,
  creditsSchema,
  generationSchema,
  generationStartedSchema,
  productListSchema,
  productOrListSchema,
  productSchema
} from './schemas'

/**
 * Each client operation's endpoint and the lenient reader its 200 answer is decoded with,
 * declared once: the client calls through these, and the OpenAPI agreement test checks
 * each reader against the sandbox's document. Paths are written as the document writes
 * them (`{id}` where an id goes).
 */
export interface Endpoint<S extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST'
  path: string
  schema: S
  /** For messages: "Krev's answer with <what> was incomplete". */
  what: string
  /** Where the answer sits in the envelope: under `data` (default) or at its top level (null). */
  dataKey?: 'data' | null
}

const endpoint = <S extends z.ZodType>(e: Endpoint<S>): Endpoint<S> => e

export const ENDPOINTS = {
  credits: endpoint({ method: 'GET', path: '/credits', schema: creditsSchema, what: 'your credit balance' }),
  listProducts: endpoint({ method: 'GET', path: '/products', schema: productListSchema, what: 'your products' }),
  getProduct: endpoint({ method: 'GET', path: '/products', schema: productOrListSchema, what: 'the product' }),
  createProduct: endpoint({ method: 'POST', path: '/products', schema: productSchema, what: 'the new product' }),
  generateImages: endpoint({ method: 'POST', path: '/images', schema: generationStartedSchema, what: 'the image generation' }),
  generateVideo: endpoint({ method: 'POST', path: '/videos', schema: generationStartedSchema, what: 'the video generation' }),
  generateAd: endpoint({ method: 'POST', path: '/ads', schema: generationStartedSchema, what: 'the ad generation' }),
  getGeneration: endpoint({ method: 'GET', path: '/generations/{id}', schema: generationSchema, what: 'the generation' }),
  startChat: endpoint({ method: 'POST', path: '/chat', schema: chatStartedSchema, what: 'the chat run' }),
  getChatRun: endpoint({ method: 'GET', path: '/chat/runs/{id}', schema: chatRunSchema, what: 'the chat run' }),
  getConversation: endpoint({ method: 'GET', path: '/chat/conversations/{id}', schema: conversationSchema, what: 'the conversation' }),
  sendConversion: endpoint({ method: 'POST', path: '/conversions/meta', schema: conversionSchema, what: 'the conversion event', dataKey: null })
} as const

/** The request path: `{id}` filled in, encoded (the id was checked to be path-safe before). */
export const endpointPath = (e: Endpoint, id?: string): string => (id === undefined ? e.path : e.path.replace('{id}', encodeURIComponent(id)))
