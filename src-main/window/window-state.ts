import { join } from 'node:path'
import { readJsonOr, writeJsonAtomic } from '../core/atomic-file'

export interface Bounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized?: boolean
}

export interface Display {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_BOUNDS: Bounds = { width: 1320, height: 860 }
const MIN = { width: 900, height: 600 }

/**
 * Remembered window bounds, made safe for the displays present now: a window saved on a
 * monitor that is gone must not reopen off-screen.
 */
export function fitBounds(saved: Partial<Bounds> | null, displays: Display[]): Bounds {
  const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
  if (!saved || !num(saved.width) || !num(saved.height)) return { ...DEFAULT_BOUNDS }
  const width = Math.max(MIN.width, Math.round(saved.width))
  const height = Math.max(MIN.height, Math.round(saved.height))
  const base: Bounds = { width, height, maximized: saved.maximized === true }
  if (!num(saved.x) || !num(saved.y)) return base
  const x = saved.x
  const y = saved.y
  const visible = displays.some(
    (d) => x + 100 > d.x && x < d.x + d.width - 100 && y >= d.y - 10 && y < d.y + d.height - 100
  )
  return visible ? { ...base, x: Math.round(x), y: Math.round(y) } : base
}

export function windowStateStore(dir: string): { load(): Promise<Partial<Bounds> | null>; save(b: Bounds): Promise<void> } {
  const file = join(dir, 'window-state.json')
  return {
    load: () => readJsonOr<Partial<Bounds> | null>(file, null),
    save: (b) => writeJsonAtomic(file, b)
  }
}
