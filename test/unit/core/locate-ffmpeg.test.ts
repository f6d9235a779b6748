import { accessSync, constants } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { locateFfmpeg, unpackedPath } from '../../../src-main/core/locate-ffmpeg'

describe('locateFfmpeg', () => {
  it('maps a binary inside app.asar to its app.asar.unpacked copy, on either separator', () => {
    expect(unpackedPath('/opt/Krev Studio/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')).toBe(
      '/opt/Krev Studio/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg'
    )
    expect(unpackedPath('C:\\Krev\\resources\\app.asar\\node_modules\\ffmpeg.exe')).toBe('C:\\Krev\\resources\\app.asar.unpacked\\node_modules\\ffmpeg.exe')
  })

  it('leaves paths outside an asar, and an already unpacked path, alone', () => {
    expect(unpackedPath('/work/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')).toBe('/work/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')
    expect(unpackedPath('/r/app.asar.unpacked/ffmpeg')).toBe('/r/app.asar.unpacked/ffmpeg')
    expect(unpackedPath('/r/my-app.asarx/ffmpeg')).toBe('/r/my-app.asarx/ffmpeg')
  })

  it('answers an executable binary or null, the same on every call', () => {
    const path = locateFfmpeg()
    if (path !== null) accessSync(path, constants.X_OK)
    expect(locateFfmpeg()).toBe(path)
  })
})
