import sharp from 'sharp'
import { canvasSize, renderScene } from './render-image'
import type { AdCopy } from './types'
import { escapeXml } from './util'

/**
 * Ads: the product scene with room left for copy, then the hook, headline, body and a
 * CTA button set in SVG text on top. Variants alternate light/dark type treatments.
 */
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"

/** Greedy word wrap by estimated glyph width (≈0.56 em for sans, 0.62 em bold). */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold: boolean, maxLines: number): string[] {
  const perLine = Math.max(4, Math.floor(maxWidth / (fontSize * (bold ? 0.62 : 0.56))))
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (next.length <= perLine) line = next
    else {
      if (line) lines.push(line)
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word
    }
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    lines.length = maxLines
    lines[maxLines - 1] = `${lines[maxLines - 1].replace(/[\s.,;:!?]*$/, '')}…`
  }
  return lines
}

function copySvg(w: number, h: number, copy: AdCopy, variant: number): string {
  const dark = variant % 2 === 0
  const ink = dark ? '#ffffff' : '#111111'
  const scrim = dark ? '#000000' : '#ffffff'
  const accent = ['#ff5a36', '#1f6feb', '#12a150', '#c9a45c'][variant % 4]
  const pad = Math.round(w * 0.07)
  const unit = Math.min(w, h * 0.8)
  const hookSize = Math.round(unit * 0.035)
  const headSize = Math.round(unit * 0.075)
  const bodySize = Math.round(unit * 0.036)
  const ctaSize = Math.round(unit * 0.04)
  const text: string[] = []
  let y = pad + hookSize
  text.push(`<text x="${pad}" y="${y}" font-family="${FONT}" font-size="${hookSize}" font-weight="bold" letter-spacing="${hookSize * 0.08}" fill="${accent}">${escapeXml(copy.hook.toUpperCase())}</text>`)
  y += Math.round(headSize * 1.25)
  for (const line of wrapText(copy.headline, w - pad * 2, headSize, true, 2)) {
    text.push(`<text x="${pad}" y="${y}" font-family="${FONT}" font-size="${headSize}" font-weight="bold" fill="${ink}">${escapeXml(line)}</text>`)
    y += Math.round(headSize * 1.12)
  }
  const ctaH = Math.round(ctaSize * 2.2)
  const ctaW = Math.round(Math.min(w - pad * 2, copy.cta.length * ctaSize * 0.66 + ctaSize * 2.4))
  const ctaY = h - pad - ctaH
  const bodyLines = wrapText(copy.body_copy, w - pad * 2, bodySize, false, 2)
  let by = ctaY - Math.round(bodySize * 0.9) - (bodyLines.length - 1) * Math.round(bodySize * 1.3)
  for (const line of bodyLines) {
    text.push(`<text x="${pad}" y="${by}" font-family="${FONT}" font-size="${bodySize}" fill="${ink}" opacity="0.92">${escapeXml(line)}</text>`)
    by += Math.round(bodySize * 1.3)
  }
  text.push(`<rect x="${pad}" y="${ctaY}" width="${ctaW}" height="${ctaH}" rx="${ctaH / 2}" fill="${accent}"/>`)
  text.push(`<text x="${pad + ctaW / 2}" y="${ctaY + ctaH / 2 + ctaSize * 0.36}" text-anchor="middle" font-family="${FONT}" font-size="${ctaSize}" font-weight="bold" fill="#ffffff">${escapeXml(copy.cta)}</text>`)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs>
<linearGradient id="top" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scrim}" stop-opacity="${dark ? 0.55 : 0.7}"/><stop offset="1" stop-color="${scrim}" stop-opacity="0"/></linearGradient>
<linearGradient id="bottom" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="${scrim}" stop-opacity="${dark ? 0.6 : 0.75}"/><stop offset="1" stop-color="${scrim}" stop-opacity="0"/></linearGradient>
</defs><rect width="${w}" height="${Math.round(h * 0.36)}" fill="url(#top)"/><rect y="${Math.round(h * 0.7)}" width="${w}" height="${Math.round(h * 0.3)}" fill="url(#bottom)"/>${text.join('')}</svg>`
}

export async function renderAd(input: {
  aspect: string
  brief: string
  presetId: string | null
  variant: number
  products: Buffer[]
  copy: AdCopy
  tint?: string | null
}): Promise<Buffer> {
  const { width, height } = canvasSize(input.aspect, 1024)
  const tall = height / width
  const box = { x0: 0.1, y0: tall > 1.4 ? 0.3 : 0.32, x1: 0.9, y1: tall > 1.4 ? 0.74 : 0.7 }
  const scene = await renderScene({
    width,
    height,
    prompt: input.brief,
    presetId: input.presetId,
    variant: input.variant,
    products: input.products,
    tint: input.tint,
    box
  })
  return sharp(scene)
    .composite([{ input: Buffer.from(copySvg(width, height, input.copy, input.variant)), left: 0, top: 0 }])
    .webp({ quality: 88, effort: 3 })
    .toBuffer()
}
