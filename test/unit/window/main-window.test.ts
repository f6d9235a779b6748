import { describe, expect, it, vi } from 'vitest'

// Electron's binary is not needed: BrowserWindow is replaced by a recorder so the test
// sees exactly the options the app passes.
const created: Array<Record<string, unknown>> = []
const handlers: Record<string, (...args: unknown[]) => unknown> = {}
vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (event: string, fn: (...args: unknown[]) => unknown) => (handlers[event] = fn),
      setWindowOpenHandler: (fn: (...args: unknown[]) => unknown) => (handlers['windowOpen'] = fn)
    }
    constructor(options: Record<string, unknown>) {
      created.push(options)
    }
    on() {}
    once() {}
    maximize() {}
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn() }
  }
})

describe('main window', () => {
  it('is created with the required security settings', async () => {
    const { createMainWindow } = await import('../../../src-main/window/create-main-window')
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', saved: null, onBoundsChanged: () => undefined, backgroundColor: '#f4f4f6' })
    const prefs = created[0]?.['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false
    })
    // Left at Electron's secure defaults, never overridden.
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(prefs).not.toHaveProperty(key)
    }
    expect(prefs['preload']).toMatch(/\.cjs$/)
  })

  it('blocks navigation away from the app, webviews and new windows', async () => {
    const { configureTrustedOrigins } = await import('../../../src-main/window/trusted-origin')
    configureTrustedOrigins({ rendererIndexFile: '/app/out/renderer/index.html' })
    const navigate = { preventDefault: vi.fn() }
    handlers['will-navigate']?.(navigate, 'https://evil.example/')
    expect(navigate.preventDefault).toHaveBeenCalled()
    const inApp = { preventDefault: vi.fn() }
    handlers['will-navigate']?.(inApp, 'file:///app/out/renderer/index.html')
    expect(inApp.preventDefault).not.toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    handlers['will-attach-webview']?.(webview)
    expect(webview.preventDefault).toHaveBeenCalled()
    expect(handlers['windowOpen']?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    const electron = await import('electron')
    expect(handlers['windowOpen']?.({ url: 'https://app.krev.ai/settings/api-keys' })).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://app.krev.ai/settings/api-keys')
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1)
  })
})
