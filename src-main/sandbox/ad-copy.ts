import type { AdCopy } from './types'
import { hash32, pick, seededRandom } from './util'

/**
 * Rule-based ad copy: the brief's intent (direct response, launch, sale, social proof,
 * premium) picks a style and templates; the product's name and type fill them in.
 */
interface Angle {
  style: string
  test: RegExp
  hooks: string[]
  headlines: string[]
  bodies: string[]
  ctas: string[]
}

const ANGLES: Angle[] = [
  {
    style: 'Offer Stack',
    test: /\b(sale|discount|offer|deal|% ?off|black friday|promo|bundle)\b/,
    hooks: ['Today only', 'The deal you waited for', 'Stock up and save'],
    headlines: ['{name}, now for less', 'Save on {name}', '{name} at its best price'],
    bodies: ['Limited-time pricing on the {type} everyone is talking about.', 'Grab {name} while the offer lasts.'],
    ctas: ['Claim offer', 'Get the deal', 'Shop the sale']
  },
  {
    style: 'Launch Spotlight',
    test: /\b(launch|new|introduc|announce|drop|release)\b/,
    hooks: ['Meet the new {name}', 'Just dropped', 'It is finally here'],
    headlines: ['Say hello to {name}', 'The {type} we always wanted', '{name} is here'],
    bodies: ['Designed from scratch for people who notice the details.', 'Our newest {type}, made to be used every day.'],
    ctas: ['Discover now', 'Be first', 'Shop the launch']
  },
  {
    style: 'Social Proof',
    test: /\b(review|testimonial|ugc|customers?|social proof|loved|rated)\b/,
    hooks: ['10,000 happy customers', 'Rated 4.9 by real buyers', 'Why everyone is switching'],
    headlines: ['The {type} people keep recommending', 'Loved for a reason', '{name}: the reviews are in'],
    bodies: ['Join the customers who made {name} their everyday favourite.', 'Real people, real results with {name}.'],
    ctas: ['See why', 'Join them', 'Shop now']
  },
  {
    style: 'Premium Editorial',
    test: /\b(premium|luxury|elegant|crafted|quality|heritage|artisan)\b/,
    hooks: ['Crafted to last', 'Quiet luxury', 'Made the slow way'],
    headlines: ['{name}, refined', 'Quality you can feel', 'The last {type} you will buy'],
    bodies: ['Premium materials and careful craft in every {type}.', 'Considered design for a considered life.'],
    ctas: ['Explore', 'Shop the collection', 'Discover more']
  },
  {
    style: 'Performance Master',
    test: /./,
    hooks: ['Built for long days', 'Your new daily essential', 'Stop settling'],
    headlines: ['{name} that keeps up', 'Meet {name}', 'Upgrade to {name}'],
    bodies: ['A {type} made for busy people who want results.', 'Everything you need, nothing you do not.'],
    ctas: ['Shop now', 'Get yours', 'Try it today']
  }
]

export interface AdProductInfo {
  name: string
  type: string
}

export function writeAdCopy(brief: string, products: AdProductInfo[], styleId: string | null, brandContext: string | null): AdCopy {
  const text = `${brief} ${brandContext ?? ''} ${styleId ?? ''}`.toLowerCase()
  const byStyle = styleId ? ANGLES.find((a) => a.style.toLowerCase().replace(/\s+/g, '_') === styleId.toLowerCase().replace(/[\s-]+/g, '_')) : undefined
  const angle = byStyle ?? ANGLES.find((a) => a.test.test(text)) ?? ANGLES[ANGLES.length - 1]
  const rand = seededRandom(hash32(`${brief}|${products.map((p) => p.name).join(',')}`))
  const lead = products[0] ?? { name: 'Your product', type: 'product' }
  const name = products.length > 1 ? `${lead.name} & more` : lead.name
  const fill = (template: string) => template.replace(/\{name\}/g, name).replace(/\{type\}/g, lead.type)
  return {
    style_name: angle.style,
    hook: fill(pick(rand, angle.hooks)),
    headline: fill(pick(rand, angle.headlines)),
    body_copy: fill(pick(rand, angle.bodies)),
    cta: fill(pick(rand, angle.ctas))
  }
}
