// Synthetic product photos made with sharp: a bottle on a soft studio backdrop with a
// floor shadow and a little sensor noise, so JPEG size and segmentation work look like a
// real packshot rather than a flat colour.
import sharp from 'sharp'

function productSvg(size: number, hue: number): string {
  const s = size / 1000
  const n = (v: number) => (v * s).toFixed(1)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#f6f3ee"/><stop offset="1" stop-color="#dcd6cc"/>
    </linearGradient>
    <linearGradient id="body" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="hsl(${hue},55%,22%)"/>
      <stop offset="0.35" stop-color="hsl(${hue},60%,48%)"/>
      <stop offset="0.6" stop-color="hsl(${hue},55%,36%)"/>
      <stop offset="1" stop-color="hsl(${hue},50%,16%)"/>
    </linearGradient>
    <radialGradient id="shadow"><stop offset="0" stop-color="#000" stop-opacity="0.35"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <ellipse cx="${n(500)}" cy="${n(842)}" rx="${n(230)}" ry="${n(38)}" fill="url(#shadow)"/>
  <rect x="${n(375)}" y="${n(300)}" width="${n(250)}" height="${n(540)}" rx="${n(60)}" fill="url(#body)"/>
  <rect x="${n(430)}" y="${n(190)}" width="${n(140)}" height="${n(130)}" rx="${n(24)}" fill="#2b2b2b"/>
  <rect x="${n(375)}" y="${n(470)}" width="${n(250)}" height="${n(170)}" fill="#f2efe8" opacity="0.92"/>
  <text x="${n(500)}" y="${n(570)}" font-family="sans-serif" font-size="${n(56)}" font-weight="700" text-anchor="middle" fill="#222">KREV</text>
  <rect x="${n(400)}" y="${n(320)}" width="${n(26)}" height="${n(500)}" rx="${n(13)}" fill="#fff" opacity="0.25"/>
</svg>`
}

/** A size × size JPEG packshot (quality 90, mild gaussian noise). */
export async function productJpeg(size: number, hue = 200): Promise<Buffer> {
  const scene = await sharp(Buffer.from(productSvg(size, hue))).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const noise = await sharp({
    // (sharp's types want a background; with `noise` set it is ignored)
    create: { width: size, height: size, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } }
  })
    .raw()
    .toBuffer()
  // Add (noise − 128) to every channel: a soft, film-like grain that JPEG has to spend bytes on.
  const pixels = scene.data
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, pixels[i] + noise[i] - 128))
  return sharp(pixels, { raw: { width: size, height: size, channels: 3 } }).jpeg({ quality: 90 }).toBuffer()
}

/** A tiny flat PNG, for seeding catalogs where the image itself does not matter. */
export async function tinyPng(seed: number): Promise<Buffer> {
  return sharp({
    create: { width: 48, height: 48, channels: 3, background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: 120 } }
  })
    .png()
    .toBuffer()
}
