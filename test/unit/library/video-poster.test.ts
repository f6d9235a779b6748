import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryService } from '../../../src-main/library/library-service'
import { newAsset } from './new-asset'
import { locateFfmpeg } from '../../../src-main/core/locate-ffmpeg'
import { extractPoster, parseVideoInfo } from '../../../src-main/library/video-poster'
import { inProcessMediaOps } from '../../../src-main/media-worker/in-process'
import { openTestLibrary, sandboxLibraryDir } from './open-library'

/** Video assets get a WebP poster and their real size and length; without ffmpeg, the old behaviour. */

function usableFfmpeg(): string | null {
  const path = locateFfmpeg()
  try {
    if (path) accessSync(path, constants.X_OK)
    return path
  } catch {
    return null
  }
}
const ffmpeg = usableFfmpeg()
if (!ffmpeg) console.warn('video-poster.test: SKIPPING the real-ffmpeg tests: @ffmpeg-installer/ffmpeg is not installed or not executable')

let dir: string
const warnings: string[] = []
/** The thumbnail cache, and the Library folder's files (originals and sidecars, temp files if any were left). */
const libDir = () => join(dir, 'media', 'sandbox', 'library')
const cached = () => (existsSync(libDir()) ? readdirSync(libDir()).sort() : [])
const folderFiles = () => readdirSync(join(sandboxLibraryDir(dir), '2026-03')).map((n) => n.replace(/^.* - /, '')).sort()
const video = (id: string) => newAsset(id, { kind: 'video', prompt: 'Slow pan around the bag', aspectRatio: '9:16', durationSec: 4 })

function open(ffmpegPath: string | null): LibraryService {
  return openTestLibrary(dir, {
    ffmpegPath,
    logger: { info: () => undefined, warn: (m) => void warnings.push(m), error: () => undefined }
  })
}

/** A real MP4 made by the same ffmpeg: a solid colour, yuv420p so every decoder reads it. */
async function makeMp4(size: string, seconds: number): Promise<Buffer> {
  const out = join(dir, `made-${size}.mp4`)
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=red:s=${size}:d=${seconds}`, '-pix_fmt', 'yuv420p', '-y', out]
  const run = spawnSync(ffmpeg as string, args, { timeout: 20_000 })
  if (run.status !== 0) throw new Error(`could not make the test video: ${String(run.stderr)}`)
  return readFile(out)
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-poster-'))
  warnings.length = 0
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.skipIf(!ffmpeg)('video poster with ffmpeg', () => {
  it('a video gets a WebP poster and its real size and duration', async () => {
    const asset = await open(ffmpeg).add('sandbox', video('v1'), await makeMp4('320x180', 1))
    expect(asset).toMatchObject({ width: 320, height: 180, durationSec: 1, mimeType: 'video/mp4' })
    expect(asset.thumbUrl).toBe('/__krev/media/sandbox/library/v1/thumb')
    expect(asset.mediaUrl).toBe('/__krev/media/sandbox/library/v1/original')
    const thumb = sharp(join(libDir(), 'v1.thumb.webp'))
    expect(await thumb.metadata()).toMatchObject({ format: 'webp', width: 320, height: 180 })
    const { data } = await thumb.raw().toBuffer({ resolveWithObject: true })
    expect(data[0]).toBeGreaterThan(200)
    expect(data[1]).toBeLessThan(60)
    // The temp frame is gone: only the original and the thumbnail remain.
    expect(cached()).toEqual(['v1.thumb.webp'])
    expect(folderFiles()).toEqual(['v1.krev.json', 'v1.mp4'])
    expect(warnings).toEqual([])
  })

  it('a large video gets a 512 px thumbnail', async () => {
    const asset = await open(ffmpeg).add('sandbox', video('v2'), await makeMp4('1280x720', 1))
    expect(asset).toMatchObject({ width: 1280, height: 720 })
    expect(await sharp(join(libDir(), 'v2.thumb.webp')).metadata()).toMatchObject({ width: 512, height: 288 })
  })

  it('a file ffmpeg cannot decode keeps the video as its own thumbnail', async () => {
    const mp4 = await makeMp4('320x180', 1)
    const broken = Buffer.concat([mp4.subarray(0, 40), Buffer.alloc(2000, 7)])
    const asset = await open(ffmpeg).add('sandbox', video('v3'), broken)
    expect(asset.thumbUrl).toBe('/__krev/media/sandbox/library/v3/original')
    expect(cached()).toEqual([])
    expect(folderFiles()).toEqual(['v3.krev.json', 'v3.mp4'])
    expect(warnings).toEqual(['library: no poster frame for a video'])
  })
})

describe('video poster fallback', () => {
  // Any MP4-shaped bytes will do: the failing ffmpeg never reads them.
  const fakeMp4 = () => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64)])
  const nominal = { width: 720, height: 1280, durationSec: 4 }

  it('ffmpeg missing: the video is its own thumbnail, nominal size, the job is not failed', async () => {
    const asset = await open(join(dir, 'no-such-ffmpeg')).add('sandbox', video('v4'), fakeMp4())
    expect(asset).toMatchObject({ ...nominal, thumbUrl: '/__krev/media/sandbox/library/v4/original' })
    expect(warnings).toHaveLength(1)
    expect(existsSync(join(libDir(), 'v4.thumb.webp'))).toBe(false)
  })

  it('ffmpeg exits with an error: same fallback, and no temp file is left', async () => {
    // node rejects ffmpeg's first option and exits non-zero: a stand-in for a broken binary.
    const asset = await open(process.execPath).add('sandbox', video('v5'), fakeMp4())
    expect(asset).toMatchObject({ ...nominal, thumbUrl: '/__krev/media/sandbox/library/v5/original' })
    expect(cached()).toEqual([])
    expect(folderFiles()).toEqual(['v5.krev.json', 'v5.mp4'])
  })

  it('no ffmpeg at all (null): today’s behaviour, no warning', async () => {
    const asset = await open(null).add('sandbox', video('v6'), fakeMp4())
    expect(asset).toMatchObject({ ...nominal, thumbUrl: '/__krev/media/sandbox/library/v6/original' })
    expect(warnings).toEqual([])
  })

  it.skipIf(process.platform === 'win32')('an ffmpeg that hangs is stopped by the timeout', async () => {
    const hang = join(dir, 'hang.sh')
    await writeFile(hang, '#!/bin/sh\nexec sleep 30\n')
    await chmod(hang, 0o755)
    // `sleep 30` outlives the test's timeout: only the 200 ms kill lets this settle in time.
    await expect(extractPoster(hang, join(dir, 'in.mp4'), 512, inProcessMediaOps(), 200)).rejects.toThrow(/ffmpeg failed/)
  })
})

describe('parseVideoInfo', () => {
  const banner = (stream: string, extra = '') =>
    [
      "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'in.mp4':",
      '  Duration: 00:01:05.50, start: 0.000000, bitrate: 18 kb/s',
      `    Stream #0:0(und): ${stream}`,
      extra,
      "Output #0, image2, to 'out':",
      '    Stream #0:0(und): Video: png, rgb24, 99x99, q=2-31'
    ].join('\n')

  it('reads the input stream, not the output', () => {
    const info = parseVideoInfo(banner('Video: h264 (High) (avc1 / 0x31637661), yuv420p, 480x270 [SAR 1:1 DAR 16:9], 25 fps'))
    expect(info).toEqual({ width: 480, height: 270, durationSec: 65.5 })
  })

  it('shows a sideways phone video upright', () => {
    const stream = 'Video: h264 (avc1 / 0x31637661), yuv420p(tv, bt709), 1920x1080, 30 fps'
    expect(parseVideoInfo(banner(stream, '      rotate          : 90'))).toMatchObject({ width: 1080, height: 1920 })
    expect(parseVideoInfo(banner(stream, '      displaymatrix: rotation of -90.00 degrees'))).toMatchObject({ width: 1080, height: 1920 })
  })

  it('no video stream or no duration', () => {
    expect(parseVideoInfo(banner('Audio: aac (LC), 44100 Hz, stereo'))).toBeNull()
    expect(parseVideoInfo(banner('Video: vp9, yuv420p, 640x360').replace('00:01:05.50', 'N/A'))).toEqual({ width: 640, height: 360, durationSec: null })
  })
})
