import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KrevClient } from '../../../src-main/krev/types'
import { UUID, UUID2, caught, scriptServer, testClient, type ScriptServer, ok } from './helpers'

/** Every case must fail with invalid_input and the server must see NOTHING. */
let server: ScriptServer
let client: KrevClient

beforeAll(async () => {
  server = await scriptServer(ok({}))
  client = testClient(server.baseUrl).client
})
afterAll(() => server.close())

const cases: [string, (c: KrevClient) => Promise<unknown>, string | RegExp][] = [
  ['empty prompt', (c) => c.generateImages({ prompt: '   ' }), "The prompt can't be empty."],
  ['image aspect', (c) => c.generateImages({ prompt: 'x', aspect_ratio: '4:5' as never }), 'Aspect ratio must be 1:1, 16:9, 9:16, 4:3 or 3:4.'],
  ['image count 3', (c) => c.generateImages({ prompt: 'x', image_count: 3 as never }), 'Number of images must be 1, 2 or 4.'],
  ['hd not boolean', (c) => c.generateImages({ prompt: 'x', hd: 'yes' as never }), '4K (HD) must be on or off.'],
  ['product id not uuid', (c) => c.generateImages({ prompt: 'x', product_id: '../../etc' }), /Product "..\/..\/etc" is not a valid ID/],
  ['product ids not uuid', (c) => c.generateImages({ prompt: 'x', product_ids: [UUID, 'nope'] }), /Product "nope"/],
  ['reference http', (c) => c.generateImages({ prompt: 'x', reference_images: ['https://ok.example/a.png', 'http://x.example/b.png'] }), 'Reference image 2 must be an https:// link to a public website.'],
  ['reference metadata', (c) => c.generateImages({ prompt: 'x', reference_images: ['https://169.254.169.254/'] }), /Reference image 1 points to a local or private network/],
  ['too many references', (c) => c.generateImages({ prompt: 'x', reference_images: new Array(9).fill('https://a.example/x.png') }), /at most 8/],
  ['duration 3', (c) => c.generateVideo({ prompt: 'x', duration: 3 }), 'Duration must be a whole number of seconds from 4 to 15.'],
  ['duration 16', (c) => c.generateVideo({ prompt: 'x', duration: 16 }), 'Duration must be a whole number of seconds from 4 to 15.'],
  ['duration 5.5', (c) => c.generateVideo({ prompt: 'x', duration: 5.5 }), 'Duration must be a whole number of seconds from 4 to 15.'],
  ['duration NaN', (c) => c.generateVideo({ prompt: 'x', duration: Number.NaN }), 'Duration must be a whole number of seconds from 4 to 15.'],
  ['video aspect', (c) => c.generateVideo({ prompt: 'x', aspect_ratio: '4:5' as never }), /Aspect ratio must be/],
  ['audio mode', (c) => c.generateVideo({ prompt: 'x', audio_mode: 'loud' as never }), 'Audio must be auto, off or native.'],
  ['source image file:', (c) => c.generateVideo({ prompt: 'x', source_image: 'file:///C:/x.png' }), 'The source image must be an https:// link to a public website.'],
  ['ad without products', (c) => c.generateAd({ brief: 'b', product_ids: [] }), 'Pick at least one product for an ad.'],
  ['ad products missing', (c) => c.generateAd({ brief: 'b' } as never), 'Pick at least one product for an ad.'],
  ['ad aspect 16:9', (c) => c.generateAd({ brief: 'b', product_ids: [UUID], aspect_ratio: '16:9' as never }), 'Ad aspect ratio must be 1:1, 4:5 or 9:16.'],
  ['ad empty brief', (c) => c.generateAd({ brief: '', product_ids: [UUID] }), "The ad brief can't be empty."],
  ['ad inspiration localhost', (c) => c.generateAd({ brief: 'b', product_ids: [UUID], inspiration_image: 'https://localhost/x.png' }), /inspiration image points to a local/],
  ['chat empty', (c) => c.startChat({ message: '' }), "The message can't be empty."],
  ['chat conversation id', (c) => c.startChat({ message: 'hi', conversation_id: 'conv-1' }), /Conversation "conv-1" is not a valid ID/],
  ['chat agent', (c) => c.startChat({ message: 'hi', agent: 'boss' as never }), 'Agent must be auto, asset or discover.'],
  ['chat reference javascript:', (c) => c.startChat({ message: 'hi', reference_images: ['javascript:alert(1)'] }), /Reference image 1 must be an https/],
  ['list limit 0', (c) => c.listProducts({ limit: 0 }), 'The number of products to list must be a whole number from 1 to 100.'],
  ['list limit 101', (c) => c.listProducts({ limit: 101 }), /from 1 to 100/],
  ['list limit 2.5', (c) => c.listProducts({ limit: 2.5 }), /from 1 to 100/],
  ['get product bad id', (c) => c.getProduct('1 OR 1=1'), /not a valid ID/],
  ['get generation bad id', (c) => c.getGeneration('../credits'), /Generation "..\/credits" is not a valid ID/],
  ['chat run bad id', (c) => c.getChatRun('../../keys'), /Chat run/],
  ['conversation bad id', (c) => c.getConversation('abc'), /Conversation "abc"/],
  ['conversion batch', (c) => c.sendConversion({ data: [{ event_name: 'Purchase' }] }), 'Send one conversion event at a time.'],
  ['conversion no name', (c) => c.sendConversion({ event_time: 1 }), "The event name can't be empty."],
  ['conversion ms time', (c) => c.sendConversion({ event_name: 'Purchase', event_time: 1777632000000 }), 'Event time must be a Unix timestamp in whole seconds.'],
  ['product url http', (c) => c.createProduct({ image_url: 'http://example.com/p.jpg' }), 'The product image link must be an https:// link to a public website.'],
  ['product url private', (c) => c.createProduct({ image_url: 'https://192.168.1.2/p.jpg' }), /private network/],
  ['product data url svg', (c) => c.createProduct({ image_url: 'data:image/svg+xml;base64,PHN2Zz4=' }), 'The product photo must be a JPG, PNG or WebP image.'],
  ['product data url lies', (c) => c.createProduct({ image_url: 'data:image/png;base64,/9j/4AAQSkZJRg==' }), 'The product photo is not the image type it claims to be.'],
  ['product data url bad base64', (c) => c.createProduct({ image_url: 'data:image/png;base64,iVBO!!!' }), /not valid base64/],
  ['product name too long', (c) => c.createProduct({ image_url: 'https://a.example/p.jpg', name: 'n'.repeat(201) }), /at most 200/],
  ['product empty file', (c) => c.createProduct({ file: { data: Buffer.alloc(0), fileName: 'a.jpg', mimeType: 'image/jpeg' } }), 'The product photo is empty.'],
  ['product svg file', (c) => c.createProduct({ file: { data: Buffer.from('<svg/>'), fileName: 'a.png', mimeType: 'image/png' } }), 'The product photo must be a JPG, PNG or WebP image.']
]

describe('request validation', () => {
  it.each(cases)('%s → invalid_input with a clear message, nothing sent', async (_name, run, message) => {
    const before = server.requests.length
    const err = await caught(run(client))
    expect(err.code).toBe('invalid_input')
    expect(err.retryable).toBe(false)
    if (typeof message === 'string') expect(err.message).toBe(message)
    else expect(err.message).toMatch(message)
    expect(server.requests.length).toBe(before)
  })

  it('rejects a data URL over 20 MB decoded, and a file over 20 MB, as payload_too_large, nothing sent', async () => {
    const big = 'A'.repeat(Math.ceil(((20 * 1024 * 1024 + 10) * 4) / 3 / 4) * 4)
    const e1 = await caught(client.createProduct({ image_url: `data:image/png;base64,${big}` }))
    expect(e1.code).toBe('payload_too_large')
    const file = Buffer.alloc(20 * 1024 * 1024 + 1)
    file.set([0xff, 0xd8, 0xff], 0)
    const e2 = await caught(client.createProduct({ file: { data: file, fileName: 'big.jpg', mimeType: 'image/jpeg' } }))
    expect(e2.code).toBe('payload_too_large')
    expect(e2.retryable).toBe(false)
    expect(server.requests.length).toBe(0)
  })

  it('sends only known fields, with valid input', async () => {
    await client
      .generateImages({ prompt: 'p', aspect_ratio: '1:1', product_ids: [UUID, UUID2], image_count: 2, extra: 'x' } as never)
      .catch(() => undefined)
    const sent = JSON.parse(server.requests.at(-1)!.body.toString())
    expect(sent).toEqual({ prompt: 'p', aspect_ratio: '1:1', product_ids: [UUID, UUID2], image_count: 2 })
  })
})
