import sharp from 'sharp'

/**
 * Background removal for product shots, the simple real way: estimate the backdrop
 * colour from the border, flood-fill inward through pixels close to it, feather the
 * edge, and trim to the product. Works on the usual packshot (product on a plain
 * background); busy photos are kept whole rather than mangled.
 */
const WORK_SIZE = 1024
const THRESHOLD = 42 // RGB distance that still counts as "background"

export interface Segmented {
  png: Buffer
  width: number
  height: number
  /** false when the background was not uniform enough to remove. */
  removed: boolean
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

export async function removeBackground(input: Buffer): Promise<Segmented> {
  const { data, info } = await sharp(input)
    .rotate()
    .resize(WORK_SIZE, WORK_SIZE, { fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const { width: w, height: h } = info
  const border: number[] = []
  for (let x = 0; x < w; x++) border.push(x, (h - 1) * w + x)
  for (let y = 1; y < h - 1; y++) border.push(y * w, y * w + w - 1)

  const transparentBorder = border.filter((i) => data[i * 4 + 3] < 16).length / border.length
  const alpha = Buffer.alloc(w * h, 255)
  let removed = false
  if (transparentBorder > 0.5) {
    // Already a cut-out: keep its alpha.
    for (let i = 0; i < w * h; i++) alpha[i] = data[i * 4 + 3]
    removed = true
  } else {
    const bg = [0, 1, 2].map((c) => median(border.map((i) => data[i * 4 + c])))
    const distance = (i: number) =>
      Math.hypot(data[i * 4] - bg[0], data[i * 4 + 1] - bg[1], data[i * 4 + 2] - bg[2])
    const uniform = border.filter((i) => distance(i) < THRESHOLD).length / border.length
    if (uniform >= 0.6) {
      const visited = new Uint8Array(w * h)
      const stack: number[] = []
      for (const i of border) {
        if (distance(i) < THRESHOLD && !visited[i]) {
          visited[i] = 1
          stack.push(i)
        }
      }
      while (stack.length) {
        const i = stack.pop() as number
        alpha[i] = 0
        const x = i % w
        const neighbours = [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]
        for (const n of neighbours) {
          if (n < 0 || n >= w * h || visited[n]) continue
          visited[n] = 1
          if (distance(n) < THRESHOLD) stack.push(n)
        }
      }
      removed = alpha.some((v) => v === 255) && alpha.some((v) => v === 0)
      if (!removed) alpha.fill(255)
    }
  }

  const feathered = removed
    ? await sharp(alpha, { raw: { width: w, height: h, channels: 1 } }).blur(0.7).extractChannel(0).raw().toBuffer()
    : alpha
  const rgb = await sharp(data, { raw: { width: w, height: h, channels: 4 } }).removeAlpha().raw().toBuffer()
  let cut = sharp(rgb, { raw: { width: w, height: h, channels: 3 } }).joinChannel(feathered, {
    raw: { width: w, height: h, channels: 1 }
  })
  if (removed) {
    const box = boundingBox(feathered, w, h)
    if (box) cut = sharp(await cut.png().toBuffer()).extract(box)
  }
  const { data: png, info: out } = await cut.png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true })
  return { png, width: out.width, height: out.height, removed }
}

function boundingBox(alpha: Buffer, w: number, h: number): { left: number; top: number; width: number; height: number } | null {
  let x0 = w
  let y0 = h
  let x1 = -1
  let y1 = -1
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (alpha[y * w + x] > 8) {
        if (x < x0) x0 = x
        if (x > x1) x1 = x
        if (y < y0) y0 = y
        if (y > y1) y1 = y
      }
    }
  }
  if (x1 < 0) return null
  const pad = Math.round(Math.max(x1 - x0, y1 - y0) * 0.02)
  const left = Math.max(0, x0 - pad)
  const top = Math.max(0, y0 - pad)
  return { left, top, width: Math.min(w, x1 + pad + 1) - left, height: Math.min(h, y1 + pad + 1) - top }
}

/** Colour names as a merchandiser would use them. */
export function nameColor(r: number, g: number, b: number): string {
  const max = Math.max(r, g, b) / 255
  const min = Math.min(r, g, b) / 255
  const l = (max + min) / 2
  const d = max - min
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1))
  if (l < 0.14) return 'black'
  if (l > 0.9 && s < 0.3) return 'white'
  if (s < 0.14) return l > 0.62 ? 'silver' : 'gray'
  const rn = r / 255
  const gn = g / 255
  const bn = b / 255
  let hue = d === 0 ? 0 : max === rn ? ((gn - bn) / d) % 6 : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4
  hue = (hue * 60 + 360) % 360
  if (hue < 15 || hue >= 345) return l > 0.72 ? 'pink' : l < 0.3 ? 'burgundy' : 'red'
  if (hue < 45) return l < 0.4 ? 'brown' : s < 0.62 ? 'tan' : 'orange'
  if (hue < 70) {
    if (l > 0.8 && s < 0.7) return 'beige'
    if (s >= 0.35 && s <= 0.85 && l >= 0.3 && l <= 0.62) return 'gold'
    return l < 0.3 ? 'olive' : 'yellow'
  }
  if (hue < 160) return l < 0.3 ? 'olive' : 'green'
  if (hue < 200) return 'teal'
  if (hue < 250) return l < 0.3 ? 'navy' : 'blue'
  if (hue < 290) return 'purple'
  return 'pink'
}

/** Up to three named colours covering at least 12 % of the product's visible pixels each. */
export async function dominantColors(png: Buffer): Promise<string[]> {
  const { data, info } = await sharp(png).resize(96, 96, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const counts = new Map<string, number>()
  let total = 0
  for (let i = 0; i < info.width * info.height; i++) {
    if (data[i * 4 + 3] < 128) continue
    const name = nameColor(data[i * 4], data[i * 4 + 1], data[i * 4 + 2])
    counts.set(name, (counts.get(name) ?? 0) + 1)
    total++
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1])
  const major = ranked.filter(([, n]) => n / Math.max(1, total) >= 0.12).slice(0, 3).map(([name]) => name)
  return major.length ? major : ranked.slice(0, 1).map(([name]) => name)
}

/** Average colour of an image as #rrggbb (used to tint scenes toward reference images). */
export async function averageColor(image: Buffer): Promise<string> {
  const { dominant } = await sharp(image, { failOn: 'none', limitInputPixels: 50_000_000 }).stats()
  return `#${[dominant.r, dominant.g, dominant.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`
}
