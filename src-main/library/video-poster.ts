import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { MediaOps } from '../media-worker/media-ops'

/**
 * A poster frame for a video, so the library grid shows a small WebP instead of loading
 * every MP4, and the video's real frame size and length instead of nominal ones. Uses the
 * optional ffmpeg binary from @ffmpeg-installer; everything here is best effort: without
 * ffmpeg, or when it fails, the caller keeps the video as its own thumbnail.
 */

export const POSTER_TIMEOUT_MS = 10_000
/** ffmpeg prints the stream info first; the rest (progress lines) is not needed. */
const STDERR_LIMIT = 64 * 1024

export interface VideoInfo {
  width: number
  height: number
  /** Seconds, or null when ffmpeg printed no usable duration (e.g. a live stream). */
  durationSec: number | null
}

export interface Poster {
  /** The frame as WebP, at most `size` px on its long side. */
  thumb: Buffer
  info: VideoInfo
}

/** Frame size and duration from ffmpeg's banner (`Duration: 00:00:05.00`, `Video: … 480x270`). */
export function parseVideoInfo(stderr: string): VideoInfo | null {
  // Only the input's description: the output section repeats "Video:" for the PNG we write.
  const input = stderr.split(/^Output #/m)[0] ?? ''
  const stream = /^\s*Stream #\d+:\d+.*?: Video: .*$/m.exec(input)?.[0]
  const size = stream && /[\s,](\d{2,5})x(\d{2,5})[\s,[]/.exec(`${stream} `)
  if (!size) return null
  let width = Number(size[1])
  let height = Number(size[2])
  // Phone videos are often stored sideways with a rotation flag; the player shows them upright.
  const rotation = /rotate\s*:\s*(-?\d+)/.exec(input)?.[1] ?? /rotation of (-?[\d.]+) degrees/.exec(input)?.[1]
  if (rotation && Math.abs(Math.round(Number(rotation))) % 180 === 90) [width, height] = [height, width]
  const d = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(input)
  const durationSec = d ? Math.round((Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3])) * 100) / 100 : null
  return width > 0 && height > 0 ? { width, height, durationSec } : null
}

/** Runs ffmpeg (no shell, arguments as an array) and answers its stderr; rejects on failure or timeout. */
function runFfmpeg(bin: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], shell: false, windowsHide: true })
    let stderr = ''
    let settled = false
    const settle = (error: Error | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (error) reject(error)
      else resolve(stderr)
    }
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8')
    })
    // A damaged or hostile file must not hold an ingest (and its job) forever. The answer
    // comes at once: a grandchild still holding the pipe must not delay it either.
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      settle(new Error(`ffmpeg failed (timed out after ${timeoutMs} ms)`))
    }, timeoutMs)
    child.on('error', settle)
    child.on('close', (code, signal) => {
      if (code === 0) settle(null)
      else settle(new Error(`ffmpeg failed (${signal ?? code}): ${stderr.trim().split('\n').slice(-2).join(' ')}`))
    })
  })
}

/**
 * Extracts a representative early frame of the video at `input` (a file in the media
 * store) into a temp file next to it, and answers it as a WebP thumbnail with the video's
 * real size and length. The temp name (`.<name>.<hex>.tmp`) is the one the media store's
 * temp sweep removes, so a crash mid-extraction leaves nothing behind for long.
 */
export async function extractPoster(
  ffmpeg: string,
  input: string,
  size: number,
  mediaOps: MediaOps,
  timeoutMs = POSTER_TIMEOUT_MS
): Promise<Poster> {
  const output = join(dirname(input), `.${basename(input)}.poster.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const stderr = await runFfmpeg(
      ffmpeg,
      // thumbnail: the most typical of the first frames, not a black frame from a fade-in.
      // image2 + png are explicit because the temp name has no extension to guess from.
      ['-hide_banner', '-nostdin', '-i', input, '-map', '0:v:0', '-an', '-sn', '-vf', 'thumbnail=n=24', '-frames:v', '1', '-f', 'image2', '-c:v', 'png', '-y', output],
      timeoutMs
    )
    const info = parseVideoInfo(stderr)
    if (!info) throw new Error('ffmpeg printed no video stream')
    // The frame is decoded in the media worker, like every image (by path: no bytes cross).
    const { webp } = await mediaOps.thumbnail(output, size, { maxPixels: 100_000_000 })
    return { thumb: Buffer.from(webp.buffer, webp.byteOffset, webp.byteLength), info }
  } finally {
    await fs.rm(output, { force: true }).catch(() => undefined)
  }
}
