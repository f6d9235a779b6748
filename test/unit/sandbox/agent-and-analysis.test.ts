import { describe, expect, it } from 'vitest'
import { writeAdCopy } from '../../../src-main/sandbox/ad-copy'
import { isMetaMutation, planReply } from '../../../src-main/sandbox/chat-agent'
import { sniffImageType } from '../../../src-main/sandbox/image-input'
import { analyseProduct } from '../../../src-main/sandbox/product-analysis'
import { wrapText } from '../../../src-main/sandbox/render-ad'
import { nameColor } from '../../../src-main/sandbox/segment'
import type { ProductRecord } from '../../../src-main/sandbox/types'

const product = (name: string, type = 'wallet'): ProductRecord => ({
  id: '11111111-1111-4111-8111-111111111111',
  userId: 'default',
  name,
  category: null,
  metadata: { productType: type, colors: ['tan'] },
  source: 'api',
  originalFile: 'x-original.png',
  segmentedFile: null,
  createdAt: '2026-01-01T00:00:00Z'
})

describe('chat agent', () => {
  it.each([
    'pause my Meta campaign',
    'Increase budget',
    'increase the daily budget on my ads',
    'publish to ads manager',
    'please turn off the retargeting ad set',
    'launch it on Instagram',
    'create a new campaign in ads manager'
  ])('treats "%s" as a Meta mutation', (message) => expect(isMetaMutation(message)).toBe(true))

  it.each([
    'Make three ad concepts for this product and include image ideas',
    'write copy for my summer campaign',
    'generate 2 images for the campaign',
    'what budget do competitors spend? research it'
  ])('does not refuse "%s"', (message) => expect(isMetaMutation(message)).toBe(false))

  it('plans concepts without generations for "image ideas"', () => {
    const plan = planReply({ message: 'Make three ad concepts for this product and include image ideas', agent: 'asset', products: [product('Tan Wallet')], credits: 100 })
    expect(plan.generations).toEqual([])
    expect(plan.text.match(/Hook:/g)).toHaveLength(3)
    expect(plan.text).toContain('Tan Wallet')
  })

  it('plans image, video and ad generations with counts, aspect and preset', () => {
    const images = planReply({ message: 'generate 2 flat lay images in 9:16', agent: 'auto', products: [product('W')], credits: 1000 })
    expect(images.generations).toEqual([expect.objectContaining({ kind: 'image', count: 2, aspectRatio: '9:16', presetId: 'flat_lay', productIds: [product('W').id] })])
    const video = planReply({ message: 'make a short video for stories', agent: 'auto', products: [product('W')], credits: 1000 })
    expect(video.generations[0]).toMatchObject({ kind: 'video', aspectRatio: '9:16' })
    const ad = planReply({ message: 'create an ad for this', agent: 'auto', products: [], credits: 1000 })
    expect(ad.generations).toEqual([])
    expect(ad.text).toMatch(/select at least one product/)
  })

  it('"2 lifestyle images of concept 3" renders that concept’s image idea, without listing the concepts again', () => {
    const plan = planReply({ message: 'Generate 2 lifestyle images of concept 3', agent: 'auto', products: [product('Tan Wallet')], credits: 1000 })
    expect(plan.generations).toEqual([expect.objectContaining({ kind: 'image', count: 2, presetId: 'lifestyle', prompt: expect.stringContaining('warm lifestyle set') })])
    expect(plan.text).toContain('concept 3, **Aspirational lifestyle**')
    expect(plan.text).not.toContain('Here are three ad concepts')
    expect(plan.artifacts).toEqual([])
  })

  it('discover writes research', () => {
    expect(planReply({ message: 'anything', agent: 'discover', products: [], credits: 0 }).text).toMatch(/Ad-library research/)
  })
})

describe('ad copy', () => {
  it('picks the angle from the brief and fills in the product', () => {
    expect(writeAdCopy('Create a direct response ad for this protein bar', [{ name: 'Peak Bar', type: 'protein bar' }], null, null).style_name).toBe('Performance Master')
    expect(writeAdCopy('Black Friday sale, 30% off', [{ name: 'Peak Bar', type: 'protein bar' }], null, null).style_name).toBe('Offer Stack')
    const copy = writeAdCopy('launch', [{ name: 'Peak Bar', type: 'protein bar' }], 'social_proof', null)
    expect(copy.style_name).toBe('Social Proof')
    expect(Object.values(copy).every((v) => typeof v === 'string' && v.length > 0)).toBe(true)
  })

  it('wraps text to the width and ellipsises overflow', () => {
    const lines = wrapText('one two three four five six seven eight nine ten eleven twelve', 200, 20, false, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1].endsWith('…')).toBe(true)
    expect(lines.every((l) => l.length <= Math.floor(200 / (20 * 0.56)))).toBe(true)
  })
})

describe('product analysis', () => {
  it('names colours like a merchandiser', () => {
    expect(nameColor(10, 10, 10)).toBe('black')
    expect(nameColor(250, 250, 250)).toBe('white')
    expect(nameColor(210, 180, 140)).toBe('tan')
    expect(nameColor(212, 175, 55)).toBe('gold')
    expect(nameColor(200, 30, 30)).toBe('red')
    expect(nameColor(20, 40, 100)).toBe('navy')
    expect(nameColor(128, 128, 128)).toBe('gray')
  })

  it('reads brand, type, category and materials from the name, or names the product', () => {
    expect(analyseProduct({ name: 'Day Shift by Vysionary', fileName: null, colors: ['black', 'gold'], width: 100, height: 300 })).toMatchObject({
      name: 'Day Shift by Vysionary',
      metadata: { brandName: 'Vysionary', productName: 'Day Shift', productType: 'bottle', colors: ['black', 'gold'] }
    })
    expect(analyseProduct({ name: 'Leather Crossbody Bag', fileName: null, colors: ['tan'], width: 100, height: 100 })).toMatchObject({
      category: 'bags',
      metadata: { productType: 'bag', materials: ['leather'] }
    })
    expect(analyseProduct({ name: null, fileName: 'IMG_2041.jpg', colors: ['red'], width: 300, height: 100 }).name).toBe('Red Accessory')
  })

  it('sniffs types by magic bytes, not by claims', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg')
    expect(sniffImageType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('png')
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
    expect(sniffImageType(Buffer.from('GIF89a....'))).toBe('gif')
    expect(sniffImageType(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="x">'))).toBe('svg')
    expect(sniffImageType(Buffer.from('hello'))).toBe('unknown')
  })
})
