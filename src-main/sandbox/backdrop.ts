import { clamp, hash32, pick, seededRandom } from './util'

/**
 * Scene styling: a preset (studio, flat_lay, lifestyle, …) and a palette chosen from the
 * prompt's words, then varied deterministically per variant so every image of a batch
 * differs while the same request always renders the same picture.
 */
export const PRESETS = ['studio', 'flat_lay', 'lifestyle', 'minimal', 'outdoor', 'luxury'] as const
export type Preset = (typeof PRESETS)[number]

export interface Palette {
  name: string
  top: string
  bottom: string
  floor: string
  accent: string
  dark: boolean
}

const PALETTES: Palette[] = [
  { name: 'warm neutral', top: '#f6f0e8', bottom: '#dccab5', floor: '#cdb89f', accent: '#b08a5f', dark: false },
  { name: 'cool grey', top: '#f1f4f7', bottom: '#c9d0d9', floor: '#b7c0cc', accent: '#5d6b80', dark: false },
  { name: 'sage', top: '#eef2ea', bottom: '#bccab2', floor: '#a9b99d', accent: '#5f7a52', dark: false },
  { name: 'blush', top: '#faece8', bottom: '#e6bfb4', floor: '#d9aa9d', accent: '#b5655a', dark: false },
  { name: 'sand', top: '#f7ecd8', bottom: '#dcc196', floor: '#cfae7b', accent: '#9a6b33', dark: false },
  { name: 'ocean', top: '#e3f1f6', bottom: '#97c1d2', floor: '#84aec0', accent: '#1f6680', dark: false },
  { name: 'lavender', top: '#f1edf8', bottom: '#c7b9e0', floor: '#b6a6d4', accent: '#6a55a3', dark: false },
  { name: 'terracotta', top: '#f5e0d2', bottom: '#cf8d6c', floor: '#bd7856', accent: '#8a3f22', dark: false },
  { name: 'graphite', top: '#3a3d44', bottom: '#15171b', floor: '#24262b', accent: '#c9a45c', dark: true },
  { name: 'midnight', top: '#262b45', bottom: '#0d1020', floor: '#1a1e33', accent: '#8c9bff', dark: true }
]

const KEYWORDS: Array<[RegExp, string[]]> = [
  [/\b(dark|black|night|noir|moody|marble|luxury|premium|elegant)\b/, ['graphite', 'midnight']],
  [/\b(beach|summer|ocean|sea|pool|aqua|water)\b/, ['ocean', 'sand']],
  [/\b(wood|rustic|autumn|fall|earthy|cafe|coffee|leather)\b/, ['terracotta', 'warm neutral', 'sand']],
  [/\b(spring|fresh|green|nature|botanical|garden|organic|plant)\b/, ['sage']],
  [/\b(pink|pastel|soft|beauty|skincare|romantic)\b/, ['blush', 'lavender']],
  [/\b(tech|modern|clean|minimal|white)\b/, ['cool grey', 'warm neutral']]
]

export interface SceneStyle {
  preset: Preset
  palette: Palette
  /** 0..1 across the frame: where the key light comes from. */
  lightX: number
  /** 0..1 down the frame: where the floor meets the wall (ignored for flat lays). */
  horizon: number
  marble: boolean
  props: number
  seed: number
}

export function resolvePreset(presetId: string | null): Preset {
  if (!presetId) return 'studio'
  const normalised = presetId.toLowerCase().replace(/[\s-]+/g, '_')
  if ((PRESETS as readonly string[]).includes(normalised)) return normalised as Preset
  return PRESETS[hash32(normalised) % PRESETS.length]
}

export function chooseStyle(prompt: string, presetId: string | null, variant: number, tint?: string | null): SceneStyle {
  const text = prompt.toLowerCase()
  const preset = resolvePreset(presetId)
  const rand = seededRandom(`${text}|${preset}|${variant}`)
  const keyword = KEYWORDS.find(([re]) => re.test(text))
  const names = keyword ? keyword[1] : preset === 'luxury' ? ['graphite', 'midnight'] : PALETTES.filter((p) => !p.dark).map((p) => p.name)
  // Variants walk through the candidate palettes so a batch is visibly different.
  const base = PALETTES.find((p) => p.name === names[(hash32(text) + variant) % names.length]) ?? PALETTES[0]
  const palette = tint ? tintPalette(base, tint) : base
  return {
    preset,
    palette,
    lightX: clamp(0.2 + rand() * 0.6 + (variant % 2 ? 0.1 : -0.1), 0.1, 0.9),
    horizon: preset === 'flat_lay' ? 1 : 0.6 + rand() * 0.1,
    marble: /\bmarble\b/.test(text),
    props: preset === 'minimal' ? 0 : 2 + Math.floor(rand() * 4),
    seed: hash32(`${text}|${variant}`) % 1000
  }
}

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16))
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16))
  return `#${pa.map((v, i) => Math.round(v + (pb[i] - v) * t).toString(16).padStart(2, '0')).join('')}`
}

/** Reference images pull the palette toward their dominant colour. */
function tintPalette(p: Palette, tint: string): Palette {
  return { ...p, name: `${p.name} (referenced)`, bottom: mix(p.bottom, tint, 0.35), floor: mix(p.floor, tint, 0.3), accent: tint }
}

/** The wall, floor, light and props behind the products, as SVG (rendered by librsvg via sharp). */
export function backdropSvg(
  w: number,
  h: number,
  style: SceneStyle,
  shadows: Array<{ cx: number; cy: number; rx: number }>,
  /** Render scale: backdrops are soft, so they are rasterised small and upscaled (blurs are costly). */
  scale = 1
): string {
  const { palette: p, preset } = style
  const rand = seededRandom(style.seed + 7)
  const horizonY = Math.round(h * style.horizon)
  const lightCx = Math.round(w * style.lightX)
  const parts: string[] = []
  const defs: string[] = [
    `<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.top}"/><stop offset="1" stop-color="${p.bottom}"/></linearGradient>`,
    `<linearGradient id="floor" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.floor}"/><stop offset="1" stop-color="${mix(p.floor, '#000000', 0.18)}"/></linearGradient>`,
    `<radialGradient id="spot" cx="${style.lightX}" cy="0.2" r="0.7"><stop offset="0" stop-color="#ffffff" stop-opacity="${p.dark ? 0.22 : 0.55}"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`,
    `<filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${Math.max(2, w / 90)}"/></filter>`,
    `<filter id="haze" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${Math.max(4, w / 40)}"/></filter>`
  ]
  parts.push(`<rect width="${w}" height="${h}" fill="url(#wall)"/>`)
  if (preset === 'outdoor') {
    parts.push(`<circle cx="${lightCx}" cy="${Math.round(h * 0.22)}" r="${Math.round(w * 0.09)}" fill="#fff6dc" opacity="0.85" filter="url(#haze)"/>`)
    for (let i = 0; i < 3; i++) {
      const y = horizonY - h * (0.05 + i * 0.05)
      parts.push(`<path d="M0 ${y} Q ${w * (0.3 + rand() * 0.4)} ${y - h * 0.12} ${w} ${y + h * 0.02} L ${w} ${h} L 0 ${h} Z" fill="${mix(p.accent, p.top, 0.55 + i * 0.12)}" opacity="0.55"/>`)
    }
  }
  if (preset === 'lifestyle') {
    // Window light falling across the wall.
    for (let i = 0; i < 3; i++) {
      const x = w * (style.lightX - 0.25 + i * 0.18)
      parts.push(`<polygon points="${x},0 ${x + w * 0.1},0 ${x + w * 0.3},${horizonY} ${x + w * 0.18},${horizonY}" fill="#fffaf0" opacity="0.22" filter="url(#haze)"/>`)
    }
    for (let i = 0; i < style.props + 3; i++) {
      parts.push(`<circle cx="${Math.round(rand() * w)}" cy="${Math.round(rand() * horizonY * 0.9)}" r="${Math.round(w * (0.02 + rand() * 0.05))}" fill="#ffffff" opacity="${(0.08 + rand() * 0.12).toFixed(2)}" filter="url(#soft)"/>`)
    }
  }
  if (style.marble || preset === 'flat_lay') {
    defs.push(`<filter id="veins"><feTurbulence type="fractalNoise" baseFrequency="${style.marble ? '0.004 0.012' : '0.6'}" numOctaves="${style.marble ? 4 : 2}" seed="${style.seed}"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="${style.marble ? 0.35 : 0.12}"/></feComponentTransfer></filter>`)
  }
  if (preset !== 'flat_lay') {
    parts.push(`<rect y="${horizonY}" width="${w}" height="${h - horizonY}" fill="url(#floor)"/>`)
    parts.push(`<rect y="${horizonY - h * 0.04}" width="${w}" height="${h * 0.08}" fill="${p.bottom}" opacity="0.6" filter="url(#haze)"/>`)
    if (style.marble) parts.push(`<rect y="${horizonY}" width="${w}" height="${h - horizonY}" filter="url(#veins)" opacity="0.8"/>`)
  } else {
    parts.push(`<rect width="${w}" height="${h}" filter="url(#veins)" opacity="0.7"/>`)
    for (let i = 0; i < style.props; i++) {
      const x = Math.round(rand() * w)
      const y = Math.round(rand() * h)
      const r = Math.round(Math.min(w, h) * (0.03 + rand() * 0.05))
      const shape = pick(rand, ['circle', 'leaf', 'square'])
      if (shape === 'circle') parts.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${p.accent}" opacity="0.28"/>`)
      else if (shape === 'leaf') parts.push(`<ellipse cx="${x}" cy="${y}" rx="${r * 1.8}" ry="${r * 0.7}" transform="rotate(${Math.round(rand() * 180)} ${x} ${y})" fill="${mix(p.accent, '#2f5d3a', 0.5)}" opacity="0.3"/>`)
      else parts.push(`<rect x="${x}" y="${y}" width="${r * 2}" height="${r * 2}" rx="${r * 0.3}" transform="rotate(${Math.round(rand() * 90)} ${x} ${y})" fill="${mix(p.top, '#ffffff', 0.6)}" opacity="0.6"/>`)
    }
  }
  if (preset === 'luxury' || p.dark) {
    parts.push(`<ellipse cx="${lightCx}" cy="${horizonY}" rx="${w * 0.35}" ry="${h * 0.05}" fill="${p.accent}" opacity="0.18" filter="url(#haze)"/>`)
  }
  parts.push(`<rect width="${w}" height="${h}" fill="url(#spot)"/>`)
  for (const s of shadows) {
    const opacity = p.dark ? 0.55 : 0.32
    parts.push(`<ellipse cx="${s.cx}" cy="${s.cy}" rx="${s.rx}" ry="${Math.max(3, s.rx * 0.14)}" fill="#000" opacity="${opacity}" filter="url(#soft)"/>`)
  }
  const outW = Math.max(1, Math.round(w * scale))
  const outH = Math.max(1, Math.round(h * scale))
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${outW}" height="${outH}" viewBox="0 0 ${w} ${h}"><defs>${defs.join('')}</defs>${parts.join('')}</svg>`
}

/** Vignette and a touch of light wrap laid over the finished composition. */
export function lightOverlaySvg(w: number, h: number, style: SceneStyle): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs>
<radialGradient id="v" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${style.palette.dark ? 0.45 : 0.2}"/></radialGradient>
<radialGradient id="g" cx="${style.lightX}" cy="0.1" r="0.5"><stop offset="0" stop-color="#fff" stop-opacity="0.18"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
</defs><rect width="${w}" height="${h}" fill="url(#v)"/><rect width="${w}" height="${h}" fill="url(#g)"/></svg>`
}
