import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ENDPOINTS } from '../../../src-main/krev/endpoints'
import * as wire from '../../../src-main/krev/wire'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox/index'
import { compareSchemas, countRequired } from './schema-compare'

/**
 * The sandbox's OpenAPI document is generated from the wire schema (`krev/wire.ts`); these
 * check the generation (every component is a wire schema), that the sandbox's answers parse
 * with it, and that the client's lenient readers agree with it: every field the client
 * requires is a required, compatibly typed field of the documented 200 response, and every
 * enum value the document allows is accepted.
 */

type JS = Record<string, unknown>
let sb: SandboxHandle
let doc: JS

beforeAll(async () => {
  sb = await startSandbox({ ffmpegPath: null })
  const res = await fetch(`${sb.baseUrl}/api/v1/openapi.json`)
  expect(res.status).toBe(200)
  doc = (await res.json()) as JS
})

afterAll(async () => {
  await sb?.close()
})

const clientJson = (schema: z.ZodType): JS => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JS

function okSchema(path: string, method: string): JS {
  const op = (doc.paths as JS)[path] as JS | undefined
  expect(op, `${method.toUpperCase()} ${path} is documented`).toBeDefined()
  const responses = (op?.[method] as JS | undefined)?.responses as JS | undefined
  const ok = responses?.['200'] as JS | undefined
  const schema = ((ok?.content as JS)?.['application/json'] as JS)?.schema as JS | undefined
  expect(schema, `${method.toUpperCase()} ${path} documents a 200 JSON body`).toBeDefined()
  return schema as JS
}

/** The `data` member of the envelope, per alternative (GET /products has two envelopes). */
function dataOf(envelope: JS): JS {
  const resolve = (s: JS): JS => {
    const ref = s.$ref
    if (typeof ref !== 'string') return s
    let node: unknown = doc
    for (const p of ref.replace(/^#\//, '').split('/')) node = (node as JS)[p]
    return resolve(node as JS)
  }
  const e = resolve(envelope)
  if (Array.isArray(e.oneOf)) return { oneOf: (e.oneOf as JS[]).map(dataOf) }
  const props = e.properties as JS
  expect(props?.success, 'the envelope documents success').toBeDefined()
  expect(((e.required as string[]) ?? []).includes('data')).toBe(true)
  return props.data as JS
}

/** GET /products without ?id always answers with the list alternative. */
function listAlternative(data: JS): JS {
  const alts = (data.oneOf as JS[] | undefined) ?? [data]
  const list = alts.find((a) => a.type === 'array')
  expect(list, 'GET /products documents a list').toBeDefined()
  return list as JS
}

/**
 * Every endpoint the client calls, with the reader it decodes the answer with (the client's
 * own table). GET /products by id is read as a list or one product; the plain listing
 * always answers with the list alternative.
 */
const cases: [string, string, string, z.ZodType, 'data' | 'list' | 'top'][] = Object.entries(ENDPOINTS).map(([name, e]) => [
  e.method,
  e.path,
  name,
  e.schema,
  e.dataKey === null ? 'top' : name === 'listProducts' ? 'list' : 'data'
])

describe('client schemas vs the sandbox OpenAPI document', () => {
  it('is an OpenAPI 3.1 document served under /api/v1', () => {
    expect(String(doc.openapi)).toMatch(/^3\.1/)
    expect(((doc.servers as JS[])[0] as JS).url).toBe(`${sb.baseUrl}/api/v1`)
  })

  it.each(cases)('%s %s (%s)', (method, path, _what, schema, where) => {
    const documented = okSchema(path, method.toLowerCase())
    const target = where === 'top' ? documented : where === 'list' ? listAlternative(dataOf(documented)) : dataOf(documented)
    const client = clientJson(schema)
    // The walk must see the client's requirements, or the test would pass vacuously.
    expect(countRequired(client, client)).toBeGreaterThan(0)
    const problems: string[] = []
    compareSchemas(client, doc, client, target, '', problems)
    expect(problems).toEqual([])
  })

  it('is generated: every component schema is the wire schema of that name, converted', () => {
    const components = (doc.components as JS).schemas as Record<string, JS>
    expect(Object.keys(components).sort()).toEqual([...wire.wireRegistry._idmap.keys()].sort())
    const generated = z.toJSONSchema(wire.wireRegistry, { io: 'input', uri: (id) => `#/components/schemas/${id}` }).schemas
    for (const [name, schema] of Object.entries(components)) {
      // Only the standalone-resource keywords and z.int()'s safe-integer bounds are dropped.
      expect(Object.keys(schema).sort(), name).toEqual(Object.keys(generated[name] ?? {}).filter((k) => k !== '$schema' && k !== '$id').sort())
    }
  })

  it("the sandbox's answers parse with the wire schema the document is generated from", async () => {
    const call = async (path: string, init: RequestInit = {}): Promise<unknown> => {
      const res = await fetch(`${sb.baseUrl}/api/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${sb.key}`, 'content-type': 'application/json' }
      })
      expect(res.status, path).toBe(200)
      return ((await res.json()) as { data: unknown }).data
    }
    const started = wire.imageGenerationStarted.parse(await call('/images', { method: 'POST', body: JSON.stringify({ prompt: 'a bag' }) }))
    expect(wire.generation.parse(await call(`/generations/${started.generation_id}`)).id).toBe(started.generation_id)
    expect(wire.credits.parse(await call('/credits')).credits.current).toBeGreaterThanOrEqual(0)
    const video = wire.videoGenerationStarted.parse(await call('/videos', { method: 'POST', body: JSON.stringify({ prompt: 'pan' }) }))
    expect(video.duration).toBe(5)
  })

  it('the comparison catches a disagreement (self-test)', () => {
    const client = clientJson(z.object({ id: z.string(), status: z.enum(['queued']), missing: z.number() }))
    const problems: string[] = []
    compareSchemas(client, doc, client, dataOf(okSchema('/generations/{id}', 'get')), '', problems)
    expect(problems.some((p) => p.startsWith('missing:'))).toBe(true)
    expect(problems.some((p) => p.includes('"succeeded"'))).toBe(true)
  })
})
