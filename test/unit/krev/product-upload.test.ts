import { afterEach, describe, expect, it } from 'vitest'
import { safeFileName } from '../../../src-main/krev/multipart'
import { sniffImageType } from '../../../src-main/krev/product-image'
import { caught, json, ok, scriptServer, testClient, UUID, type ScriptServer } from './helpers'

let server: ScriptServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200_000, 7)])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(50)])

const product = {
  id: UUID,
  name: 'Day Shift by Vysionary',
  image_url: 'https://app.krev.ai/storage/p.webp',
  segmented_image_url: 'https://app.krev.ai/storage/p-seg.webp',
  category: null,
  metadata: { brandName: 'Vysionary' },
  source: 'api',
  created_at: '2026-02-25T23:00:00Z'
}

describe('sniffImageType', () => {
  it('recognises JPG, PNG, WebP by magic bytes and nothing else', () => {
    expect(sniffImageType(JPEG)).toBe('image/jpeg')
    expect(sniffImageType(PNG)).toBe('image/png')
    expect(sniffImageType(WEBP)).toBe('image/webp')
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull()
    expect(sniffImageType(PNG.subarray(0, 4))).toBeNull() // truncated
  })
})

describe('createProduct', () => {
  it('uploads a file as multipart with the sniffed type, streamed with an exact Content-Length', async () => {
    server = await scriptServer(ok(product))
    const { client } = testClient(server.baseUrl)
    const p = await client.createProduct({
      file: { data: PNG, fileName: '../../"evil"\r\nname.jpg', mimeType: 'image/jpeg' },
      name: 'Day Shift',
      skip_segmentation: true
    })
    expect(p).toEqual(product)
    const req = server.requests[0]
    expect(req.method).toBe('POST')
    const type = String(req.headers['content-type'])
    expect(type).toMatch(/^multipart\/form-data; boundary=/)
    expect(Number(req.headers['content-length'])).toBe(req.body.length)
    const boundary = type.split('boundary=')[1]
    const text = req.body.toString('latin1')
    expect(text).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nDay Shift\r\n`)
    expect(text).toContain('name="skip_segmentation"\r\n\r\ntrue\r\n')
    expect(text).toContain('filename="_evil___name.jpg"\r\nContent-Type: image/png\r\n\r\n')
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true)
    // The file bytes arrive intact.
    const start = req.body.indexOf(PNG.subarray(0, 8))
    expect(req.body.subarray(start, start + PNG.length).equals(PNG)).toBe(true)
  })

  it('a 413 is payload_too_large and never retried', async () => {
    server = await scriptServer(json(413, { success: false, error: 'File too large' }))
    const { client, sleeps } = testClient(server.baseUrl)
    const err = await caught(client.createProduct({ file: { data: JPEG, fileName: 'a.jpg', mimeType: 'image/jpeg' } }))
    expect(err.code).toBe('payload_too_large')
    expect(err.retryable).toBe(false)
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('sends a base64 data URL as JSON image_url', async () => {
    server = await scriptServer(ok(product))
    const { client } = testClient(server.baseUrl)
    const dataUrl = `data:image/webp;base64,${WEBP.toString('base64')}`
    await client.createProduct({ image_url: dataUrl, name: 'W' })
    expect(server.requests[0].headers['content-type']).toBe('application/json')
    expect(JSON.parse(server.requests[0].body.toString())).toEqual({ image_url: dataUrl, name: 'W' })
  })

  it('sends a public https URL after checking its host resolves publicly', async () => {
    server = await scriptServer(ok(product))
    const looked: string[] = []
    const { client } = testClient(server.baseUrl, {
      resolveHost: async (h) => {
        looked.push(h)
        return ['93.184.216.34']
      }
    })
    await client.createProduct({ image_url: 'https://shop.example/p.jpg' })
    expect(looked).toEqual(['shop.example'])
    expect(JSON.parse(server.requests[0].body.toString())).toEqual({ image_url: 'https://shop.example/p.jpg' })
  })

  it('refuses a URL whose host resolves to a private address, sending nothing', async () => {
    server = await scriptServer(ok(product))
    const { client } = testClient(server.baseUrl, { resolveHost: async () => ['10.0.0.7'] })
    const err = await caught(client.createProduct({ image_url: 'https://rebind.example/p.jpg' }))
    expect(err.code).toBe('invalid_input')
    expect(server.requests).toHaveLength(0)
  })
})

describe('safeFileName', () => {
  it('keeps names header-safe', () => {
    expect(safeFileName('C:\\Users\\me\\photo.png', 'x.png')).toBe('photo.png')
    expect(safeFileName('a"b\r\n.png', 'x.png')).toBe('a_b__.png')
    expect(safeFileName('', 'product.jpg')).toBe('product.jpg')
    expect(safeFileName('产品.png', 'x.png')).toBe('__.png')
  })
})
