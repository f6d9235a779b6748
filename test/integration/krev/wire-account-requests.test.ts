import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateConversionEvent } from '../../../src-main/krev/conversion-request'
import type { HttpBody } from '../../../src-main/krev/http'
import { productRequestBody } from '../../../src-main/krev/product-request'
import type { CreateProductInput } from '../../../src-main/krev/types'
import * as wire from '../../../src-main/krev/wire'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox/index'

/**
 * The account side of the one wire schema (conversions, keys, the product form in both
 * encodings): each body below is accepted by the schema, the client (where the client
 * sends it) and the sandbox, or refused by all of them.
 */

const guard = { resolveHost: async () => ['93.184.216.34'] }
const now = () => Math.floor(Date.now() / 1000)
const event = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  event_name: 'Purchase',
  event_time: now() - 60,
  action_source: 'website',
  user_data: { email: 'customer@example.com' },
  ...over
})

let sb: SandboxHandle
let photo: Buffer
beforeAll(async () => {
  photo = await sharp({ create: { width: 24, height: 24, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer()
  sb = await startSandbox({ ffmpegPath: null, fetchRemote: async () => photo })
})
afterAll(async () => {
  await sb?.close()
})

const send = async (path: string, init: RequestInit): Promise<{ status: number; error?: string }> => {
  const res = await fetch(`${sb.baseUrl}/api/v1${path}`, { method: 'POST', ...init })
  const body = (await res.json()) as { error?: string }
  return { status: res.status, ...(body.error !== undefined ? { error: body.error } : {}) }
}
const json = (body: unknown, auth: Record<string, string>) => ({
  headers: { ...auth, 'content-type': 'application/json' },
  body: JSON.stringify(body)
})
const bearer = () => ({ authorization: `Bearer ${sb.key}` })
const session = () => ({ cookie: `krev_session=${sb.dashboardSession}` })

describe('conversion events: client, sandbox and schema agree', () => {
  const accepted: [string, Record<string, unknown>][] = [
    ['the reference example', event({ event_id: 'order_123', event_source_url: 'https://example.com/p', custom_data: { currency: 'USD', value: 79 } })],
    ['an app event with a phone number only', event({ action_source: 'app', user_data: { phone: '4915112345678' } })],
    ['an event five minutes ahead (clock drift)', event({ event_time: now() + 300 })]
  ]
  const refused: [string, Record<string, unknown>][] = [
    ['a blank event name', event({ event_name: '  ' })],
    ['an event name over 100 characters', event({ event_name: 'x'.repeat(101) })],
    ['no event time', event({ event_time: undefined })],
    ['an event time in milliseconds', event({ event_time: now() * 1000 })],
    ['a fractional event time', event({ event_time: now() - 0.5 })],
    ['an event 8 days old', event({ event_time: now() - 8 * 86_400 })],
    ['an event an hour ahead', event({ event_time: now() + 3600 })],
    ['an event id over 200 characters', event({ event_id: 'i'.repeat(201) })],
    ['an unknown action source', event({ action_source: 'billboard' })],
    ['an ftp event page', event({ event_source_url: 'ftp://example.com/p' })],
    ['no customer details', event({ user_data: {} })],
    ['customer details as text', event({ user_data: 'me@example.com' })],
    ['a value as text', event({ custom_data: { value: '79' } })],
    ['a currency that is not ISO 4217', event({ custom_data: { currency: 'dollars' } })]
  ]

  it.each(accepted)('%s is accepted by all three', async (_what, body) => {
    expect(wire.conversionEvent.safeParse(body).success).toBe(true)
    const sent = validateConversionEvent(body)
    expect(await send('/conversions/meta', json(sent, bearer()))).toEqual({ status: 200 })
  })

  it.each(refused)('%s is refused by all three', async (_what, body) => {
    expect(wire.conversionEvent.safeParse(body).success).toBe(false)
    expect(() => validateConversionEvent(body)).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    const answer = await send('/conversions/meta', json(body, bearer()))
    expect(answer.status).toBe(400)
    // The reference's wording names the field that is wrong.
    expect(answer.error).toMatch(/^(event_name|event_time|event_id|action_source|event_source_url|user_data|custom_data)/)
  })
})

describe('POST /keys: sandbox and schema agree (the dashboard, not the client, sends it)', () => {
  const accepted: [string, Record<string, unknown>][] = [
    ['a name (every scope by default)', { name: 'Automation key' }],
    ['one scope', { name: 'Images only', scopes: ['images'] }],
    ['a 100-character name with every scope', { name: 'k'.repeat(100), scopes: [...wire.SCOPES] }]
  ]
  const refused: [string, Record<string, unknown>][] = [
    ['no name', { scopes: ['images'] }],
    ['a blank name', { name: '   ' }],
    ['a name over 100 characters', { name: 'k'.repeat(101) }],
    ['no scopes at all', { name: 'k', scopes: [] }],
    ['an unknown scope', { name: 'k', scopes: ['images', 'root'] }],
    ['scopes as text', { name: 'k', scopes: 'images' }]
  ]

  it.each(accepted)('%s is accepted by both', async (_what, body) => {
    expect(wire.keyCreate.safeParse(body).success).toBe(true)
    expect((await send('/keys', json(body, session()))).status).toBe(200)
  })

  it.each(refused)('%s is refused by both', async (_what, body) => {
    expect(wire.keyCreate.safeParse(body).success).toBe(false)
    expect((await send('/keys', json(body, session()))).status).toBe(400)
  })

  it("the sandbox's test keys follow the same scopes rule", () => {
    expect(() => sb.createKey({ scopes: ['images'] })).not.toThrow()
    for (const scopes of [[], ['images', 'root'], 'images']) {
      expect(wire.keyScopes.safeParse(scopes).success).toBe(false)
      expect(() => sb.createKey({ scopes: scopes as never })).toThrow(/scopes must be a non-empty array/)
    }
  })
})

describe('the product form, JSON and multipart: client, sandbox and schema agree', () => {
  type Fields = { name?: unknown; skip_segmentation?: unknown }
  const accepted: [string, Fields][] = [
    ['a name, background kept', { name: 'Premium Leather Wallet', skip_segmentation: true }],
    ['no name', { skip_segmentation: true }],
    ['a 200-character name, background removed', { name: 'n'.repeat(200) }]
  ]
  const refused: [string, Fields][] = [
    ['a name over 200 characters', { name: 'n'.repeat(201), skip_segmentation: true }],
    ['a flag that is neither on nor off', { skip_segmentation: 'maybe' }]
  ]
  const IMAGE_URL = 'https://example.com/wallet.png'
  const file = () => ({ data: photo, fileName: 'wallet.png', mimeType: 'image/png' })
  /** The form's text fields as a browser or curl -F would send them. */
  const formText = (f: Fields): Record<string, string | undefined> => ({
    name: f.name === undefined ? undefined : String(f.name),
    skip_segmentation: f.skip_segmentation === undefined ? undefined : String(f.skip_segmentation)
  })
  const form = (f: Fields): FormData => {
    const data = new FormData()
    data.set('file', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'wallet.png')
    for (const [k, v] of Object.entries(formText(f))) if (v !== undefined) data.set(k, v)
    return data
  }
  const bytes = (body: HttpBody): Buffer => Buffer.concat(body.chunks as Buffer[])
  const fromClient = (body: HttpBody): RequestInit => ({
    headers: { ...bearer(), 'content-type': body.contentType },
    body: new Uint8Array(bytes(body))
  })

  it.each(accepted)('%s is accepted in both encodings', async (_what, f) => {
    expect(wire.productCreateJson.safeParse({ image_url: IMAGE_URL, ...f }).success).toBe(true)
    expect(wire.productFormFields.safeParse(formText(f)).success).toBe(true)
    const asJson = await productRequestBody({ image_url: IMAGE_URL, ...f } as CreateProductInput, guard)
    expect((await send('/products', fromClient(asJson))).status).toBe(200)
    const asForm = await productRequestBody({ file: file(), ...f } as CreateProductInput, guard)
    expect(asForm.contentType).toMatch(/^multipart\/form-data/)
    expect((await send('/products', fromClient(asForm))).status).toBe(200)
  })

  it.each(refused)('%s is refused in both encodings', async (_what, f) => {
    expect(wire.productCreateJson.safeParse({ image_url: IMAGE_URL, ...f }).success).toBe(false)
    expect(wire.productFormFields.safeParse(formText(f)).success).toBe(false)
    for (const input of [{ image_url: IMAGE_URL, ...f }, { file: file(), ...f }]) {
      await expect(productRequestBody(input as CreateProductInput, guard)).rejects.toMatchObject({ code: 'invalid_input' })
    }
    expect((await send('/products', json({ image_url: IMAGE_URL, ...f }, bearer()))).status).toBe(400)
    expect((await send('/products', { headers: bearer(), body: form(f) })).status).toBe(400)
  })

  it('the multipart flag is the text "true" or "false" only, as documented', async () => {
    for (const flag of ['1', 'TRUE', 'yes']) {
      expect(wire.productFormFields.safeParse({ skip_segmentation: flag }).success).toBe(false)
      expect(await send('/products', { headers: bearer(), body: form({ skip_segmentation: flag }) })).toEqual({
        status: 400,
        error: 'skip_segmentation must be one of "true", "false"'
      })
    }
  })
})
