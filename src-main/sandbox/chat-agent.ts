import type { ChatAgent, ProductRecord } from './types'
import { AD_ASPECTS, IMAGE_ASPECTS } from '../../src-preload/contract/values'
import { hash32, pick, seededRandom } from './util'

/**
 * The sandbox's creative agent: rule-based, but it writes useful text (concepts with
 * hooks and image ideas, ad-library style research) and decides which generations to
 * queue. Meta campaign/account changes are refused before a run is ever created.
 */
const WINDOW = '(?:\\s+[\\w\'’-]+){0,3}?\\s+'
const META_VERBS = '(?:pause|resume|unpause|stop|turn\\s+off|turn\\s+on|enable|disable|delete|remove|edit|change|modify|update|increase|decrease|raise|lower|set|adjust|publish|launch|boost|scale|duplicate|create)'
const META_OBJECTS = '(?:campaigns?|ad\\s*sets?|ads\\s+manager|ad\\s+accounts?|budgets?|bids?|bidding|targeting|audiences?|(?:meta|facebook|instagram)\\s+ads?)'
const META_MUTATION = new RegExp(`\\b${META_VERBS}${WINDOW}${META_OBJECTS}\\b|\\b(?:publish|launch|post|push)\\b.*\\b(?:to|on)\\s+(?:meta|facebook|instagram|ads\\s+manager)\\b`, 'i')

export const isMetaMutation = (message: string): boolean => META_MUTATION.test(message)

const GEN_VERB = '\\b(?:generate|create|make|render|produce|shoot|design|give\\s+me)\\b'
const SPAN = '(?:\\s+[\\w:\'’-]+){0,4}?\\s+'
const IMAGE_RE = new RegExp(`${GEN_VERB}${SPAN}(?:images?|photos?|pictures?|shots?|visuals?|renders?|packshots?)\\b(?!\\s+(?:ideas?|concepts?|prompts?|directions?))`, 'i')
const VIDEO_RE = new RegExp(`${GEN_VERB}${SPAN}(?:videos?|clips?|reels?|animations?)\\b(?!\\s+(?:ideas?|concepts?|scripts?))`, 'i')
const AD_RE = new RegExp(`${GEN_VERB}${SPAN}(?:ads?|ad\\s+creatives?|creatives?)\\b(?!\\s+(?:ideas?|concepts?|copy|angles?|hooks?))`, 'i')
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, single: 1, two: 2, couple: 2, three: 3, few: 3, four: 4, several: 4 }

export interface PlannedGeneration {
  kind: 'image' | 'video' | 'ad'
  prompt: string
  count: number
  productIds: string[]
  aspectRatio: string
  presetId: string | null
}

export interface AgentPlan {
  text: string
  generations: PlannedGeneration[]
  artifacts: Array<Record<string, unknown>>
}

function requestedCount(message: string, noun: RegExp): number {
  const m = new RegExp(`\\b(\\d+|${Object.keys(NUMBERS).join('|')})\\s+(?:[\\w-]+\\s+){0,2}?${noun.source}`, 'i').exec(message)
  if (!m) return 1
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBERS[m[1].toLowerCase()]
  return Math.min(4, Math.max(1, n))
}

function aspectFrom(message: string, fallback: string, allowed: readonly string[]): string {
  const explicit = /\b(16:9|9:16|1:1|4:3|3:4|4:5)\b/.exec(message)?.[1]
  if (explicit && allowed.includes(explicit)) return explicit
  if (/\b(story|stories|vertical|reel|tiktok)\b/i.test(message) && allowed.includes('9:16')) return '9:16'
  if (/\b(square|feed)\b/i.test(message) && allowed.includes('1:1')) return '1:1'
  if (/\b(landscape|banner|wide|youtube)\b/i.test(message) && allowed.includes('16:9')) return '16:9'
  return fallback
}

function presetFrom(message: string): string | null {
  const m = /\b(flat[\s_-]?lay|lifestyle|studio|outdoor|luxury|minimal)\b/i.exec(message)
  return m ? m[1].toLowerCase().replace(/[\s-]/g, '_').replace('flatlay', 'flat_lay') : null
}

const describe = (p: ProductRecord): string => {
  const colors = Array.isArray(p.metadata.colors) ? (p.metadata.colors as string[]).slice(0, 2).join(' and ') : ''
  return `${p.name}${colors ? ` (${colors})` : ''}`
}

function concepts(products: ProductRecord[], message: string): { text: string; artifact: Record<string, unknown>; ideas: Array<{ title: string; image: string }> } {
  const lead = products[0]
  const name = lead?.name ?? 'your product'
  const type = String(lead?.metadata.productType ?? 'product')
  const rand = seededRandom(hash32(`${message}|${name}`))
  const ideas = [
    {
      title: 'Problem → solution',
      hook: pick(rand, [`Still putting up with a ${type} that lets you down?`, `The ${type} problem nobody talks about`]),
      image: `Split frame: the everyday frustration on the left, ${name} solving it on the right, clean studio light.`,
      cta: 'Shop now'
    },
    {
      title: 'Social proof',
      hook: pick(rand, [`Why 10,000 people switched to ${name}`, `"I didn't expect to love a ${type} this much"`]),
      image: `${name} in a real customer's hands, natural window light, a short quote overlay and star rating.`,
      cta: 'See the reviews'
    },
    {
      title: 'Aspirational lifestyle',
      hook: pick(rand, ['Your mornings, upgraded', 'Made for the way you actually live']),
      image: `${name} on a warm lifestyle set (linen, morning sun, soft shadows), shot at eye level with shallow depth of field.`,
      cta: 'Discover more'
    }
  ]
  const lines = ideas.map((c, i) => `${i + 1}. ${c.title}\n   Hook: ${c.hook}\n   Image idea: ${c.image}\n   CTA: ${c.cta}`)
  const subject = products.length ? products.map(describe).join(', ') : 'your product'
  return {
    text: `Here are three ad concepts for ${subject}:\n\n${lines.join('\n\n')}\n\nWant me to generate images for any of these? Say "generate 2 images of concept 3".`,
    artifact: { type: 'ad_concepts', concepts: ideas },
    ideas
  }
}

function research(products: ProductRecord[], message: string): { text: string; artifact: Record<string, unknown> } {
  const type = String(products[0]?.metadata.productType ?? (/\b(\w+)\s+(?:brands?|ads?|market)\b/i.exec(message)?.[1] ?? 'product'))
  const angles = ['before/after transformation', 'founder story', 'UGC unboxing', 'comparison vs. the usual alternative', 'bundle and save offer']
  const rand = seededRandom(hash32(message))
  const top = [...angles].sort(() => rand() - 0.5).slice(0, 3)
  const text = [
    `Ad-library research for ${type} advertisers (sandbox: patterns, not live ad-library data).`,
    '',
    `Most-used angles: ${top.join('; ')}.`,
    'Hooks that recur in long-running ads: a question in the first 2 seconds, a bold number ("3x longer", "10,000 reviews"), and a visible product in the first frame.',
    'Formats: 9:16 UGC video leads, then 4:5 static carousels; ads that run longer than 30 days are mostly creator-style video with captions.',
    'Gaps: few competitors show the product in use at close range; clean studio statics with a single benefit line are under-used.',
    'Suggested tests: (1) UGC hook vs. studio static, (2) offer-led vs. benefit-led headline, (3) 9:16 vs. 4:5 placement.'
  ].join('\n')
  return { text, artifact: { type: 'research', product_type: type, angles: top } }
}

export function planReply(input: {
  message: string
  agent: ChatAgent
  products: ProductRecord[]
  credits: number
}): AgentPlan {
  const { message, agent, products } = input
  const ids = products.map((p) => p.id)
  const generations: PlannedGeneration[] = []
  const parts: string[] = []
  const artifacts: Array<Record<string, unknown>> = []
  if (agent === 'discover' || /\b(research|ad library|competitors?|what are .* running|trends?)\b/i.test(message)) {
    const r = research(products, message)
    return { text: r.text, generations: [], artifacts: [r.artifact] }
  }
  // "… of concept 3": the image idea of that concept is what gets rendered.
  const conceptNo = Number(/\bconcept\s*#?([1-3])\b/i.exec(message)?.[1] ?? 0)
  const concept = conceptNo ? concepts(products, message).ideas[conceptNo - 1] : undefined
  if (IMAGE_RE.test(message)) {
    const count = requestedCount(message, /(?:images?|photos?|pictures?|shots?|visuals?|renders?|packshots?)/)
    generations.push({ kind: 'image', prompt: concept ? `${concept.image} (${message})` : message, count, productIds: ids.slice(0, 4), aspectRatio: aspectFrom(message, '1:1', IMAGE_ASPECTS), presetId: presetFrom(message) })
    const subject = concept ? ` of concept ${conceptNo}, **${concept.title}**` : products.length ? ` of ${products.map((p) => p.name).join(' and ')}` : ''
    parts.push(`Generating ${count} image${count > 1 ? 's' : ''}${subject}. They will appear below as soon as they are ready.`)
  }
  if (VIDEO_RE.test(message)) {
    generations.push({ kind: 'video', prompt: message, count: 1, productIds: ids.slice(0, 1), aspectRatio: aspectFrom(message, '9:16', IMAGE_ASPECTS), presetId: presetFrom(message) })
    parts.push('Rendering a 5-second video with a slow push-in on the product.')
  }
  if (AD_RE.test(message)) {
    if (!ids.length) parts.push('To generate an ad creative, select at least one product first.')
    else {
      generations.push({ kind: 'ad', prompt: message, count: requestedCount(message, /(?:ads?|creatives?)/), productIds: ids, aspectRatio: aspectFrom(message, '4:5', AD_ASPECTS), presetId: null })
      parts.push('Creating ad creative with copy for the selected products.')
    }
  }
  const wantsConcepts = /\b(concepts?|hooks?|angles?|ideas?)\b/i.test(message) && !concept
  if (wantsConcepts || (!generations.length && !parts.length && products.length)) {
    const c = concepts(products, message)
    parts.push(c.text)
    artifacts.push(c.artifact)
  }
  if (/\b(credits?|balance)\b/i.test(message)) parts.push(`You have ${input.credits.toLocaleString('en-US')} credits left.`)
  if (!parts.length) {
    parts.push(
      'I can write ad concepts and hooks for your products, generate product images, videos and ad creative, and research what is working in the ad library. ' +
        'Select a product and try "make three ad concepts" or "generate 2 lifestyle images".'
    )
  }
  return { text: parts.join('\n\n'), generations, artifacts }
}
