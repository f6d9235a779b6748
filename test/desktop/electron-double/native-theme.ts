// nativeTheme: `themeSource` is writable ('system' | 'light' | 'dark') and decides
// shouldUseDarkColors; a change emits 'updated', like Electron.
import { EventEmitter } from 'node:events'
import { record, violate } from './record'

class NativeTheme extends EventEmitter {
  private source: 'system' | 'light' | 'dark' = 'system'
  systemDark = process.env['KREV_DOUBLE_DARK'] === '1'

  get themeSource(): 'system' | 'light' | 'dark' {
    return this.source
  }

  set themeSource(value: 'system' | 'light' | 'dark') {
    record('nativeTheme.themeSource', { value })
    if (!['system', 'light', 'dark'].includes(value)) violate(`nativeTheme.themeSource: invalid value "${String(value)}"`)
    this.source = value
    this.emit('updated')
  }

  get shouldUseDarkColors(): boolean {
    return this.source === 'dark' || (this.source === 'system' && this.systemDark)
  }

  get shouldUseHighContrastColors(): boolean {
    return false
  }

  get inForcedColorsMode(): boolean {
    return false
  }
}

export const nativeTheme = new NativeTheme()
