// The icon containers written by scripts/render-icons.ts: structure a reader relies on.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { icns, ico } from '../../scripts/render-icons'

const root = resolve(import.meta.dirname, '../..')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])

describe('icon containers', () => {
  it('ICNS: header length is the file length and each entry length covers its PNG', () => {
    const file = icns([['ic07', Buffer.concat([PNG, Buffer.alloc(4)])], ['ic10', PNG]])
    expect(file.toString('latin1', 0, 4)).toBe('icns')
    expect(file.readUInt32BE(4)).toBe(file.length)
    expect(file.toString('latin1', 8, 12)).toBe('ic07')
    expect(file.readUInt32BE(12)).toBe(16)
    expect(file.toString('latin1', 24, 28)).toBe('ic10')
  })

  it('ICO: directory entries point at their PNGs; 256 is written as 0', () => {
    const file = ico([[16, PNG], [256, Buffer.concat([PNG, PNG])]])
    expect(file.readUInt16LE(2)).toBe(1)
    expect(file.readUInt16LE(4)).toBe(2)
    expect(file[6]).toBe(16)
    expect(file[6 + 16]).toBe(0)
    const second = file.readUInt32LE(6 + 16 + 12)
    expect(file.subarray(second, second + 4)).toEqual(PNG)
  })

  it('the committed icon set has every size and the window icon', () => {
    const committed = readFileSync(resolve(root, 'build/icon.icns'))
    expect(committed.readUInt32BE(4)).toBe(committed.length)
    for (const s of [16, 32, 48, 256, 512, 1024]) {
      const png = readFileSync(resolve(root, `build/icons/${s}x${s}.png`))
      expect(png.readUInt32BE(16)).toBe(s) // IHDR width
    }
    expect(readFileSync(resolve(root, 'resources/icon.png')).readUInt32BE(16)).toBe(512)
  })
})
