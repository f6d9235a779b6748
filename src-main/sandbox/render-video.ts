import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { canvasSize } from './render-image'

/**
 * Videos: a slow push-in and pan over a rendered frame, encoded with the ffmpeg binary
 * from @ffmpeg-installer (H.264, yuv420p, +faststart, 12 fps, 480 px long side, so files
 * stay small). Without ffmpeg the same motion becomes an animated WebP.
 */
export const VIDEO_LONG_SIDE = 480
export const VIDEO_FPS = 12

/** One sandbox's running encoders, so its close() can stop them (and only them). */
export class EncoderRegistry {
  readonly running = new Set<ChildProcess>()
  killAll(): void {
    for (const child of this.running) child.kill('SIGKILL')
  }
}

function runFfmpeg(bin: string, args: string[], timeoutMs: number, registry: EncoderRegistry): Promise<void> {
  const running = registry.running
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], shell: false, windowsHide: true })
    running.add(child)
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      running.delete(child)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      running.delete(child)
      if (code === 0) resolve()
      else reject(new Error(`ffmpeg exited with ${code}: ${stderr.split('\n').slice(-3).join(' ')}`))
    })
  })
}

export interface VideoInput {
  aspect: string
  duration: number
  audioMode: 'auto' | 'off' | 'native'
  /** A frame at twice the output size (room for the push-in). */
  frame: Buffer
}

export function videoSize(aspect: string): { width: number; height: number } {
  return canvasSize(aspect, VIDEO_LONG_SIDE)
}

export async function renderMp4(ffmpeg: string, input: VideoInput, registry: EncoderRegistry): Promise<Buffer> {
  const { width, height } = videoSize(input.aspect)
  const frames = input.duration * VIDEO_FPS
  const dir = await mkdtemp(join(tmpdir(), 'krev-sandbox-video-'))
  try {
    const framePath = join(dir, 'frame.png')
    const outPath = join(dir, 'out.mp4')
    await writeFile(framePath, input.frame)
    const motion =
      `zoompan=z='1+0.18*in/${frames}':x='(iw-iw/zoom)*(0.25+0.5*in/${frames})':y='(ih-ih/zoom)*0.45'` +
      `:d=1:s=${width}x${height}:fps=${VIDEO_FPS}`
    const fades = `fade=t=in:st=0:d=0.4,fade=t=out:st=${Math.max(0, input.duration - 0.5)}:d=0.5`
    const args = ['-y', '-hide_banner', '-loglevel', 'error', '-loop', '1', '-framerate', String(VIDEO_FPS), '-i', framePath]
    const withAudio = input.audioMode !== 'off'
    if (withAudio) args.push('-f', 'lavfi', '-i', `sine=frequency=174:sample_rate=44100:duration=${input.duration}`)
    args.push('-vf', `${motion},${fades},format=yuv420p`, '-frames:v', String(frames))
    args.push('-c:v', 'libx264', '-preset', 'veryfast', '-crf', '28', '-pix_fmt', 'yuv420p', '-r', String(VIDEO_FPS))
    if (withAudio) {
      args.push('-af', `volume=0.06,afade=t=in:d=1,afade=t=out:st=${Math.max(0, input.duration - 1)}:d=1`)
      args.push('-c:a', 'aac', '-b:a', '48k', '-t', String(input.duration))
    }
    args.push('-movflags', '+faststart', outPath)
    await runFfmpeg(ffmpeg, args, 120_000, registry)
    return await readFile(outPath)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The fallback: the same push-in as an animated WebP (6 fps, capped at 60 frames). */
export async function renderAnimatedWebp(input: VideoInput): Promise<Buffer> {
  const { width, height } = videoSize(input.aspect)
  const fps = 6
  const count = Math.min(60, input.duration * fps)
  const source = sharp(input.frame)
  const meta = await source.metadata()
  const fw = meta.width ?? width * 2
  const fh = meta.height ?? height * 2
  const frames: Buffer[] = []
  for (let i = 0; i < count; i++) {
    const zoom = 1 + 0.18 * (i / count)
    const w = Math.round(fw / zoom)
    const h = Math.round(fh / zoom)
    const left = Math.round((fw - w) * (0.25 + 0.5 * (i / count)))
    const top = Math.round((fh - h) * 0.45)
    frames.push(await sharp(input.frame).extract({ left, top, width: w, height: h }).resize(width, height).png().toBuffer())
  }
  return sharp(frames, { join: { animated: true } })
    .webp({ quality: 70, effort: 2, loop: 0, delay: frames.map(() => Math.round(1000 / fps)) })
    .toBuffer()
}
