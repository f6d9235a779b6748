// clipboard and nativeImage, for context-menu actions ("Copy image"): recorded.
import { readFileSync } from 'node:fs'
import { record } from './record'

class NativeImage {
  constructor(readonly bytes: Buffer) {}
  isEmpty(): boolean {
    return this.bytes.length === 0
  }
  toPNG(): Buffer {
    return this.bytes
  }
  getSize(): { width: number; height: number } {
    return { width: 0, height: 0 }
  }
  /** Electron returns a new image; an empty one stays empty. */
  resize(options: { width?: number; height?: number }): NativeImage {
    record('nativeImage.resize', options)
    return new NativeImage(this.bytes)
  }
}

export type { NativeImage }

export const nativeImage = {
  createEmpty: () => new NativeImage(Buffer.alloc(0)),
  createFromPath: (path: string) => {
    try {
      return new NativeImage(readFileSync(path))
    } catch {
      return new NativeImage(Buffer.alloc(0))
    }
  },
  createFromBuffer: (buffer: Buffer) => new NativeImage(buffer)
}

let text = ''

export const clipboard = {
  writeText(value: string): void {
    record('clipboard.writeText', { length: value.length })
    text = value
  },
  readText(): string {
    return text
  },
  writeImage(image: NativeImage): void {
    record('clipboard.writeImage', { empty: image.isEmpty() })
  }
}
