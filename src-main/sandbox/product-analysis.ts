import { titleCase } from './util'

/**
 * The "AI metadata extraction" of the pipeline, rule-based: product type, category and
 * materials from the name's words (or the cut-out's shape), colours from the pixels,
 * brand from "X by Brand", and a name when none was given.
 */
interface TypeRule {
  test: RegExp
  type: string
  category: string | null
  materials: string[]
}

const TYPES: TypeRule[] = [
  { test: /\bwallets?\b/, type: 'wallet', category: 'accessories', materials: ['leather'] },
  { test: /\b(bag|tote|crossbody|backpack|handbag|purse|clutch)s?\b/, type: 'bag', category: 'bags', materials: ['leather'] },
  { test: /\b(sneaker|shoe|boot|trainer|sandal|loafer)s?\b/, type: 'sneakers', category: 'footwear', materials: ['leather', 'rubber'] },
  { test: /\b(protein|snack|granola|energy)\b.*\bbar\b|\bbars?\b/, type: 'protein bar', category: 'food', materials: ['paper wrapper'] },
  { test: /\b(supplement|vitamin|capsule|gumm(y|ies)|pre-?workout)s?\b/, type: 'supplement', category: 'health', materials: ['plastic bottle'] },
  { test: /\b(serum|cream|moisturi[sz]er|cleanser|lotion|skincare|balm)s?\b/, type: 'skincare', category: 'beauty', materials: ['glass bottle'] },
  { test: /\b(perfume|fragrance|cologne|eau de)\b/, type: 'fragrance', category: 'beauty', materials: ['glass bottle'] },
  { test: /\bcandles?\b/, type: 'candle', category: 'home', materials: ['wax', 'glass jar'] },
  { test: /\b(mug|cup|tumbler)s?\b/, type: 'mug', category: 'home', materials: ['ceramic'] },
  { test: /\bwatch(es)?\b/, type: 'watch', category: 'accessories', materials: ['stainless steel', 'glass'] },
  { test: /\b(sunglasses|glasses|eyewear)\b/, type: 'eyewear', category: 'accessories', materials: ['acetate'] },
  { test: /\b(shirt|tee|t-shirt|hoodie|sweater|jacket|dress)s?\b/, type: 'apparel', category: 'apparel', materials: ['cotton'] },
  { test: /\b(headphones?|earbuds?|speaker|phone|charger)s?\b/, type: 'electronics', category: 'electronics', materials: ['plastic', 'aluminium'] },
  { test: /\b(bottle|flask)s?\b/, type: 'bottle', category: null, materials: ['plastic bottle'] }
]

const MATERIALS = ['leather', 'suede', 'canvas', 'cotton', 'linen', 'wool', 'silk', 'denim', 'glass', 'ceramic', 'wood', 'bamboo',
  'steel', 'stainless steel', 'aluminium', 'aluminum', 'gold', 'silver', 'brass', 'plastic', 'paper', 'rubber', 'marble']

export interface ProductAnalysis {
  name: string
  category: string | null
  metadata: {
    brandName: string | null
    productName: string
    productType: string
    colors: string[]
    materials: string[]
  }
}

export function analyseProduct(input: {
  name: string | null
  fileName: string | null
  colors: string[]
  width: number
  height: number
}): ProductAnalysis {
  const byMatch = input.name ? /^(.+?)\s+by\s+(.+)$/i.exec(input.name.trim()) : null
  const usefulFileName = input.fileName
    ?.replace(/\.[a-z0-9]+$/i, '')
    .replace(/[_-]+/g, ' ')
    .replace(/\b(img|image|photo|product|dsc|pxl|final|copy|\d+)\b/gi, '')
    .trim()
  const words = `${input.name ?? ''} ${usefulFileName ?? ''}`.toLowerCase()
  const rule = TYPES.find((t) => t.test.test(words))
  const ratio = input.height / Math.max(1, input.width)
  const type = rule?.type ?? (ratio > 1.5 ? 'bottle' : ratio < 0.67 ? 'accessory' : 'product')
  const named = MATERIALS.filter((m) => new RegExp(`\\b${m}\\b`).test(words))
  const metallic = input.colors.find((c) => c === 'gold' || c === 'silver')
  const materials = named.length ? named : rule?.materials ?? (metallic ? ['metal'] : ['mixed materials'])
  const colourWords = input.colors.slice(0, 2).map(titleCase).join(' & ')
  const productName = byMatch?.[1].trim() ?? input.name?.trim() ?? (usefulFileName ? titleCase(usefulFileName) : `${colourWords} ${titleCase(type)}`.trim())
  return {
    name: input.name?.trim() || productName,
    category: rule?.category ?? null,
    metadata: {
      brandName: byMatch?.[2].trim() ?? null,
      productName,
      productType: type,
      colors: input.colors,
      materials
    }
  }
}
