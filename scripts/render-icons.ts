// `npm run icons`: renders build/icon.svg into every icon the installers and the window
// need. Outputs are committed; rerun after changing the SVG.
//   build/icon.icns        macOS (ICNS container written here: PNG entries ic04..ic14)
//   build/icon.ico         Windows (PNG-in-ICO, 16..256)
//   build/icons/NxN.png    Linux hicolor sizes for electron-builder (16..1024)
//   resources/icon.png     the BrowserWindow icon on Linux (512)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import sharp from 'sharp'

const root = resolve(import.meta.dirname, '..')
const svg = readFileSync(join(root, 'build/icon.svg'))

async function png(size: number): Promise<Buffer> {
  // Render at a high density so small sizes are downsampled, not rasterised blurry.
  return sharp(svg, { density: Math.max(72, Math.ceil((72 * size * 4) / 1024)) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer()
}

/** ICNS: 'icns' + total length, then (OSType, length incl. 8-byte header, PNG data) entries. */
export function icns(entries: Array<[string, Buffer]>): Buffer {
  const chunks = entries.map(([type, data]) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4)
  return Buffer.concat([head, ...chunks])
}

/** ICO with PNG images: ICONDIR, one ICONDIRENTRY per image, then the PNGs. */
export function ico(images: Array<[number, Buffer]>): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const dir = images.map(([size, data]) => {
    const e = Buffer.alloc(16)
    e.writeUInt8(size >= 256 ? 0 : size, 0) // 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1)
    e.writeUInt16LE(1, 4) // colour planes
    e.writeUInt16LE(32, 6) // bits per pixel
    e.writeUInt32LE(data.length, 8)
    e.writeUInt32LE(offset, 12)
    offset += data.length
    return e
  })
  return Buffer.concat([header, ...dir, ...images.map(([, d]) => d)])
}

const ICNS_TYPES: Array<[string, number]> = [
  ['ic04', 16], ['ic05', 32], ['ic11', 32], ['ic12', 64], ['ic07', 128], ['ic13', 256],
  ['ic08', 256], ['ic14', 512], ['ic09', 512], ['ic10', 1024]
]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

async function main(): Promise<void> {
  const sizes = [...new Set([...ICNS_TYPES.map(([, s]) => s), ...ICO_SIZES, ...LINUX_SIZES])]
  const rendered = new Map(await Promise.all(sizes.map(async (s) => [s, await png(s)] as const)))
  const get = (s: number) => rendered.get(s)!
  mkdirSync(join(root, 'build/icons'), { recursive: true })
  mkdirSync(join(root, 'resources'), { recursive: true })
  writeFileSync(join(root, 'build/icon.icns'), icns(ICNS_TYPES.map(([t, s]) => [t, get(s)])))
  writeFileSync(join(root, 'build/icon.ico'), ico(ICO_SIZES.map((s) => [s, get(s)])))
  for (const s of LINUX_SIZES) writeFileSync(join(root, `build/icons/${s}x${s}.png`), get(s))
  writeFileSync(join(root, 'build/icon.png'), get(1024))
  writeFileSync(join(root, 'resources/icon.png'), get(512))
  console.log(`icons: build/icon.icns, build/icon.ico, build/icons/{${LINUX_SIZES.join(',')}}, resources/icon.png`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main()
