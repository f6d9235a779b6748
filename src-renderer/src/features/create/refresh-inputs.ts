import type { Asset, Product } from '../../../../src-preload/contract'
import { invoke } from '../../api/client'
import type { CreateDraft } from './draft'
import { needsRefresh, type ImageInput } from './image-input'

/**
 * Library outputs and catalogue pictures go to Krev as their Krev URLs, which are signed
 * and expire. Main hands out a fresh one (`products.get` asks Krev for the product,
 * `generation.outputUrl` for the generation); this is asked when one is picked, and again
 * before sending when the one held has expired.
 */

export function productInput(product: Product, url: string): ImageInput {
  return { origin: 'product', url, label: product.name, thumbUrl: product.thumbUrl, sourceId: product.id }
}

export function assetInput(asset: Asset, url: string): ImageInput {
  const words = asset.prompt.trim().replace(/\s+/g, ' ')
  const label = words ? (words.length > 40 ? `${words.slice(0, 39)}…` : words) : 'Library image'
  return { origin: 'library', url, label, thumbUrl: asset.thumbUrl, sourceId: asset.id }
}

const pathOf = (raw: string | null): string | null => {
  try {
    return raw ? new URL(raw).pathname : null
  } catch {
    return null
  }
}

/** The draft with every plain link (any kind's: a Remix loads them all) passed through `as`. */
function mapLinks(d: CreateDraft, as: (link: ImageInput) => ImageInput): CreateDraft {
  const match = (i: ImageInput | null): ImageInput | null => (i && i.origin === 'url' ? as(i) : i)
  return { ...d, references: d.references.map((r) => match(r) as ImageInput), sourceImage: match(d.sourceImage), inspiration: match(d.inspiration) }
}

/**
 * A link from an earlier request (a Remix) that is a catalogue picture, by its path (the
 * signature changes, the file does not): shown as that product again, and fetched fresh
 * before sending if its signature has expired since.
 */
export function recogniseProducts(d: CreateDraft, products: readonly Product[]): CreateDraft {
  return mapLinks(d, (i) => {
    const path = pathOf(i.url)
    const product = path ? products.find((p) => pathOf(p.imageUrl) === path) : undefined
    return product ? productInput(product, i.url) : i
  })
}

/** The draft's plain links, for main to say which are Library outputs. */
export function plainLinks(d: CreateDraft): string[] {
  return [...d.references, d.sourceImage, d.inspiration].filter((i): i is ImageInput => i?.origin === 'url').map((i) => i.url)
}

/**
 * The links main recognised as Library outputs (`generation.findOutputs`), held as those
 * outputs again: an expired one is then fetched fresh from its generation before sending.
 */
export function recogniseOutputs(d: CreateDraft, matches: ReadonlyArray<{ url: string; asset: Asset }>): CreateDraft {
  const byUrl = new Map(matches.map((m) => [m.url, m.asset]))
  return mapLinks(d, (i) => {
    const asset = byUrl.get(i.url)
    return asset ? assetInput(asset, i.url) : i
  })
}

/** Asks main which of the draft's plain links are Library outputs; null when it has none. */
export function findLibraryOutputs(d: CreateDraft): Promise<(current: CreateDraft) => CreateDraft> | null {
  const urls = plainLinks(d)
  if (urls.length === 0) return null
  return invoke('generation.findOutputs', { urls }).then(({ matches }) => (current: CreateDraft) => recogniseOutputs(current, matches))
}

/** A product's picture as an input: its Krev URL, fetched again if it has expired. */
export async function resolveProduct(product: Product, now = Date.now()): Promise<ImageInput> {
  const current = product.imageUrl ? productInput(product, product.imageUrl) : null
  if (current && !needsRefresh(current, now)) return current
  const fresh = await invoke('products.get', { id: product.id })
  if (!fresh.imageUrl) throw new Error(`${product.name} has no picture on Krev yet.`)
  return productInput(fresh, fresh.imageUrl)
}

/** A Library output as an input: the Krev URL of that output, fresh from its generation. */
export async function resolveAsset(asset: Asset): Promise<ImageInput> {
  const { url } = await invoke('generation.outputUrl', { assetId: asset.id })
  return assetInput(asset, url)
}

async function refreshed(input: ImageInput): Promise<ImageInput> {
  if (input.origin === 'product') {
    const fresh = await invoke('products.get', { id: input.sourceId as string })
    if (!fresh.imageUrl) throw new Error(`${input.label} has no picture on Krev any more. Remove it and pick another.`)
    return { ...input, url: fresh.imageUrl }
  }
  const { url } = await invoke('generation.outputUrl', { assetId: input.sourceId as string })
  return { ...input, url }
}

/** The current kind's inputs whose signed URL expired, fetched again; null when none has. */
export function refreshInputs(d: CreateDraft, now: number): Promise<Partial<CreateDraft>> | null {
  const stale = (i: ImageInput | null): i is ImageInput => i !== null && needsRefresh(i, now)
  if (d.kind === 'image' && d.references.some(stale)) {
    return Promise.all(d.references.map((r) => (stale(r) ? refreshed(r) : r))).then((references) => ({ references }))
  }
  if (d.kind === 'video' && stale(d.sourceImage)) return refreshed(d.sourceImage).then((sourceImage) => ({ sourceImage }))
  if (d.kind === 'ad' && stale(d.inspiration)) return refreshed(d.inspiration).then((inspiration) => ({ inspiration }))
  return null
}
