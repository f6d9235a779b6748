// `screen`: "This module cannot be used until the ready event of the app module is
// emitted" (docs, api/screen.md). One 1920×1080 display with a 40 px taskbar.
import { EventEmitter } from 'node:events'
import { record, requireReady } from './record'

const display = {
  id: 1,
  label: 'Double display',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  size: { width: 1920, height: 1080 },
  workAreaSize: { width: 1920, height: 1040 },
  scaleFactor: 1,
  rotation: 0,
  internal: false,
  monochrome: false,
  accelerometerSupport: 'unknown',
  touchSupport: 'unknown',
  colorDepth: 24,
  colorSpace: 'srgb',
  depthPerComponent: 8,
  displayFrequency: 60,
  detected: true
}

function guarded<T>(name: string, fn: () => T): () => T {
  return () => {
    record(`screen.${name}`)
    requireReady(`screen.${name}`, "The 'screen' module can't be used before the app 'ready' event")
    return fn()
  }
}

class Screen extends EventEmitter {
  getAllDisplays = guarded('getAllDisplays', () => [structuredClone(display)])
  getPrimaryDisplay = guarded('getPrimaryDisplay', () => structuredClone(display))
  getCursorScreenPoint = guarded('getCursorScreenPoint', () => ({ x: 960, y: 540 }))
  getDisplayNearestPoint = (_p: unknown) => guarded('getDisplayNearestPoint', () => structuredClone(display))()
  getDisplayMatching = (_r: unknown) => guarded('getDisplayMatching', () => structuredClone(display))()
}

export const screen = new Screen()
