import { z } from 'zod'
import { wireRegistry } from '../krev/wire'

/**
 * The OpenAPI 3.1 document served at /api/v1/openapi.json. Its component schemas are
 * generated from the one wire schema (`krev/wire.ts`) that also types the sandbox's
 * answers and underlies the client's readers, so the three agree by construction; only
 * the paths, error texts and security schemes are written here.
 */
type Schema = Record<string, unknown>

/** Request defaults are part of the document, so the input side of each schema is described. */
function componentSchemas(): Record<string, Schema> {
  const { schemas } = z.toJSONSchema(wireRegistry, { io: 'input', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Schema> }
  // Each component is a fragment of this document, not a standalone JSON Schema resource.
  return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...rest }]) => [name, withoutSafeIntegerBounds(rest)]))
}

/** `z.int()` states JavaScript's safe-integer range; the reference states no bound there. */
function withoutSafeIntegerBounds(node: unknown): Schema {
  if (Array.isArray(node)) return node.map(withoutSafeIntegerBounds) as unknown as Schema
  if (typeof node !== 'object' || node === null) return node as Schema
  const out: Schema = {}
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'minimum' || k === 'maximum') && Math.abs(v as number) === Number.MAX_SAFE_INTEGER) continue
    out[k] = withoutSafeIntegerBounds(v)
  }
  return out
}

const obj = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties, required: Object.keys(properties) })
/** `{success:true,data:…}` */
const envelope = (data: Schema, extra: Record<string, Schema> = {}): Schema => obj({ success: { type: 'boolean', const: true }, data, ...extra })
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ 'application/json': { schema } })

const ERRORS: Record<string, string> = {
  '400': 'Missing or invalid parameters.',
  '401': 'Missing, invalid or revoked API key.',
  '402': 'Insufficient credits; nothing was charged.',
  '403': 'The key lacks the scope, or the action is not available.',
  '404': 'Not found (or not yours).',
  '413': 'Request body too large (JSON 1 MB; uploads, including POST /products JSON with a data URL, 20 MB of image).',
  '429': 'Rate limit exceeded (per user). Wait Retry-After seconds.',
  '500': 'Unexpected error. Credits of a failed generation are refunded.'
}

function responses(ok: Schema, codes: string[], description = 'Success'): Schema {
  const out: Record<string, unknown> = { '200': { description, content: json(ok) } }
  for (const code of ['401', '429', '500', ...codes].sort()) {
    out[code] = {
      description: ERRORS[code],
      content: json(ref('Error')),
      ...(code === '429' ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 }, description: 'Seconds to wait.' } } } : {})
    }
  }
  return out
}

const op = (summary: string, scope: string, extra: Schema): Schema => ({ summary, description: `Scope: ${scope}.`, ...extra })
const jsonBody = (name: string) => ({ required: true, content: json(ref(name)) })
const idParam = (description: string) => [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description }]

export function openApiDocument(baseUrl: string): Schema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Krev API (sandbox)',
      version: '1.0.0',
      description:
        'Generate product images, videos, ads and async chat runs; browse products; send Meta conversions; check credits. ' +
        'Every response has a `success` boolean; errors carry an `error` string. Media URLs are signed and expire.'
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearerAuth: [] }],
    paths: {
      '/images': { post: op('Generate product images', 'images', { requestBody: jsonBody('ImageRequest'), responses: responses(envelope(ref('ImageGenerationStarted')), ['400', '402', '403', '404', '413']) }) },
      '/videos': { post: op('Generate a video', 'videos', { requestBody: jsonBody('VideoRequest'), responses: responses(envelope(ref('VideoGenerationStarted')), ['400', '402', '403', '404', '413']) }) },
      '/ads': { post: op('Generate ad creative', 'ads', { requestBody: jsonBody('AdRequest'), responses: responses(envelope(ref('AdGenerationStarted')), ['400', '402', '403', '404', '413']) }) },
      '/generations/{id}': {
        get: op('Poll a generation', 'images, videos or ads', { parameters: idParam('Generation ID.'), responses: responses(envelope(ref('Generation')), ['400', '403', '404']) })
      },
      '/products': {
        get: op('List products, or one with ?id=', 'products', {
          parameters: [
            { name: 'id', in: 'query', required: false, schema: { type: 'string', format: 'uuid' }, description: 'Return this product only (data is then an object).' },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } }
          ],
          responses: responses(
            { oneOf: [envelope({ type: 'array', items: ref('Product') }, { meta: obj({ count: { type: 'integer' } }) }), envelope(ref('Product'))] },
            ['400', '403', '404']
          )
        }),
        post: op('Upload a product image (analysis pipeline)', 'products', {
          requestBody: {
            required: true,
            content: { ...json(ref('ProductCreateJson')), 'multipart/form-data': { schema: ref('ProductCreateMultipart') } }
          },
          responses: responses(envelope(ref('ProductUploaded')), ['400', '403', '413'])
        })
      },
      '/credits': { get: op('Credit balance, plan and storage', 'credits', { responses: responses(envelope(ref('Credits')), ['403']) }) },
      '/chat': { post: op('Queue an agent run', 'chat', { requestBody: jsonBody('ChatRequest'), responses: responses(envelope(ref('ChatStarted')), ['400', '402', '403', '404', '413']) }) },
      '/chat/runs/{id}': { get: op('Poll an agent run', 'chat', { parameters: idParam('Run ID.'), responses: responses(envelope(ref('ChatRun')), ['400', '403', '404']) }) },
      '/chat/conversations/{id}': {
        get: op('Read a conversation', 'chat', { parameters: idParam('Conversation ID.'), responses: responses(envelope(ref('ChatConversation')), ['400', '403', '404']) })
      },
      '/conversions/meta': {
        post: op('Send a Meta conversion event', 'conversions (and an active Meta pixel)', {
          requestBody: jsonBody('ConversionEvent'),
          responses: responses(ref('ConversionSent'), ['400', '403', '413'])
        })
      },
      '/keys': {
        post: {
          summary: 'Create an API key (dashboard session)',
          security: [{ sessionCookie: [] }],
          requestBody: jsonBody('KeyCreate'),
          responses: responses(envelope(ref('ApiKeyCreated')), ['400'])
        },
        delete: {
          summary: 'Revoke an API key (dashboard session)',
          security: [{ sessionCookie: [] }],
          parameters: [{ name: 'id', in: 'query', required: true, schema: { type: 'string' } }],
          responses: responses(envelope(ref('ApiKeyRevoked')), ['400', '404'])
        }
      },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1 document', content: json({ type: 'object' }) } } } }
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer sk_live_…' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'krev_session' }
      },
      schemas: componentSchemas()
    }
  }
}
