import { create } from 'zustand'
import type { Product } from '../../../../src-preload/contract'
import type { Agent } from '../../stores/chat'

/** `chat.send` takes at most this many products. */
export const MAX_BRIEF_PRODUCTS = 10

/** Adds or removes an id; adding past the cap is ignored. */
export function toggleId(ids: readonly string[], id: string, max = MAX_BRIEF_PRODUCTS): string[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id)
  return ids.length >= max ? [...ids] : [...ids, id]
}

/**
 * The picked products that still exist, in the order picked: what the chips show and
 * what is sent — a product deleted meanwhile is never sent unseen.
 */
export function briefProducts(ids: readonly string[], items: readonly Product[]): Product[] {
  const byId = new Map(items.map((p) => [p.id, p]))
  return ids.flatMap((id) => {
    const p = byId.get(id)
    return p ? [p] : []
  })
}

/** `chat.send` takes at most this many reference images. */
export const MAX_REFERENCES = 8

export const initialComposerState = {
  text: '',
  agent: 'auto' as Agent,
  productIds: [] as string[],
  referenceImages: [] as string[],
  referenceAssetIds: [] as string[]
}

/** The brief being written, shared by the intro's suggestions and the composer. */
export const useComposerStore = create<{
  text: string
  agent: Agent
  productIds: string[]
  /** Image links sent as visual references (main's URL guard checks them on send). */
  referenceImages: string[]
  /** Library outputs as references (main asks Krev for their links on send). */
  referenceAssetIds: string[]
  addReferenceAsset(id: string): void
  removeReferenceAsset(id: string): void
  addReference(url: string): void
  removeReference(url: string): void
  setText(text: string): void
  setAgent(agent: Agent): void
  toggleProduct(id: string): void
  removeProduct(id: string): void
  clearProducts(): void
}>()((set) => ({
  ...initialComposerState,
  setText: (text) => set({ text }),
  setAgent: (agent) => set({ agent }),
  toggleProduct: (id) => set((s) => ({ productIds: toggleId(s.productIds, id) })),
  removeProduct: (id) => set((s) => ({ productIds: s.productIds.filter((x) => x !== id) })),
  clearProducts: () => set({ productIds: [], referenceImages: [], referenceAssetIds: [] }),
  addReferenceAsset: (id) =>
    set((s) =>
      s.referenceAssetIds.includes(id) || s.referenceImages.length + s.referenceAssetIds.length >= MAX_REFERENCES
        ? s
        : { referenceAssetIds: [...s.referenceAssetIds, id] }
    ),
  removeReferenceAsset: (id) => set((s) => ({ referenceAssetIds: s.referenceAssetIds.filter((x) => x !== id) })),
  addReference: (url) =>
    set((s) =>
      s.referenceImages.includes(url) || s.referenceImages.length + s.referenceAssetIds.length >= MAX_REFERENCES
        ? s
        : { referenceImages: [...s.referenceImages, url] }
    ),
  removeReference: (url) => set((s) => ({ referenceImages: s.referenceImages.filter((x) => x !== url) }))
}))
