import type { Palette } from './backdrop'

/**
 * When a prompt names no product, the scene still needs a hero object: a simple,
 * shaded packshot (bottle, jar, box or orb) picked from the prompt's words and coloured
 * to sit well on the palette. Returned as SVG with a transparent background.
 */
export type ShapeKind = 'bottle' | 'jar' | 'box' | 'orb'

export function shapeForPrompt(prompt: string): ShapeKind {
  const text = prompt.toLowerCase()
  if (/\b(bottle|serum|perfume|fragrance|wine|drink|shampoo|lotion|oil|supplement)\b/.test(text)) return 'bottle'
  if (/\b(jar|cream|candle|balm|cup|mug|tin)\b/.test(text)) return 'jar'
  if (/\b(wallet|box|bar|book|phone|card|bag|package|case|sneaker|shoe|watch)\b/.test(text)) return 'box'
  return 'orb'
}

/** A body drawn in its flat colour (`#base`), then again under the shading gradient (`#body`). */
const shaded = (element: string, bodyAttrs = ''): string =>
  `${element.replace(/\/>$/, ' fill="url(#base)"/>')}\n${element.replace(/\/>$/, ` fill="url(#body)"${bodyAttrs}/>`)}`

export function productShapeSvg(kind: ShapeKind, size: number, palette: Palette): { svg: string; width: number; height: number } {
  const body = palette.dark ? '#d9b56d' : palette.accent
  const light = '#ffffff'
  const grad = `<linearGradient id="body" x1="0" y1="0" x2="1" y2="0">
<stop offset="0" stop-color="${body}" stop-opacity="1"/><stop offset="0.35" stop-color="${light}" stop-opacity="0.55"/>
<stop offset="0.5" stop-color="${body}" stop-opacity="1"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></linearGradient>
<linearGradient id="base" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${body}"/><stop offset="1" stop-color="${body}"/></linearGradient>`
  let width = size
  let height = size
  let shape: string
  switch (kind) {
    case 'bottle': {
      width = Math.round(size * 0.42)
      const w = width
      const neck = w * 0.34
      shape = `<rect x="${(w - neck) / 2}" y="0" width="${neck}" height="${size * 0.16}" rx="${neck * 0.15}" fill="#222"/>
${shaded(`<path d="M ${(w - neck) / 2} ${size * 0.15} L ${(w + neck) / 2} ${size * 0.15} Q ${w} ${size * 0.22} ${w} ${size * 0.34} L ${w} ${size * 0.96} Q ${w} ${size} ${w * 0.9} ${size} L ${w * 0.1} ${size} Q 0 ${size} 0 ${size * 0.96} L 0 ${size * 0.34} Q 0 ${size * 0.22} ${(w - neck) / 2} ${size * 0.15} Z"/>`)}
<rect x="${w * 0.12}" y="${size * 0.5}" width="${w * 0.76}" height="${size * 0.26}" rx="${w * 0.03}" fill="#fff" opacity="0.85"/>`
      break
    }
    case 'jar': {
      height = Math.round(size * 0.7)
      const h = height
      shape = `<rect x="${size * 0.06}" y="0" width="${size * 0.88}" height="${h * 0.2}" rx="${h * 0.04}" fill="#2b2b2b"/>
${shaded(`<rect x="0" y="${h * 0.18}" width="${size}" height="${h * 0.82}" rx="${h * 0.08}"/>`)}
<rect x="${size * 0.15}" y="${h * 0.45}" width="${size * 0.7}" height="${h * 0.3}" rx="${h * 0.03}" fill="#fff" opacity="0.8"/>`
      break
    }
    case 'box': {
      height = Math.round(size * 0.75)
      const h = height
      shape = `${shaded(`<rect x="0" y="0" width="${size}" height="${h}" rx="${size * 0.04}"/>`, ' opacity="0.7"')}
<rect x="${size * 0.06}" y="${h * 0.08}" width="${size * 0.88}" height="${h * 0.84}" rx="${size * 0.03}" fill="none" stroke="#fff" stroke-opacity="0.5" stroke-width="${Math.max(1, size * 0.01)}" stroke-dasharray="${size * 0.02} ${size * 0.015}"/>`
      break
    }
    default: {
      shape = `<defs><radialGradient id="orb" cx="0.35" cy="0.3" r="0.75"><stop offset="0" stop-color="#fff" stop-opacity="0.9"/>
<stop offset="0.25" stop-color="${body}"/><stop offset="1" stop-color="#000" stop-opacity="0.75"/></radialGradient></defs>
<circle cx="${size / 2}" cy="${size / 2}" r="${size / 2}" fill="${body}"/><circle cx="${size / 2}" cy="${size / 2}" r="${size / 2}" fill="url(#orb)"/>`
    }
  }
  return {
    width,
    height,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${grad}</defs>${shape}</svg>`
  }
}
