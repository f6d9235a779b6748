import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devCsp } from '../../electron.vite.config'

const html = readFileSync(resolve(import.meta.dirname, '../../src-renderer/index.html'), 'utf8')
const cspOf = (page: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1] ?? ''

describe('the dev-server CSP (electron-vite dev only)', () => {
  const transform = devCsp().transformIndexHtml as (html: string) => string
  const dev = cspOf(transform(html))

  it("lets Vite's injected <style> tags, React's refresh preamble and HMR's websocket in", () => {
    expect(dev).toMatch(/style-src 'self' 'unsafe-inline'/)
    expect(dev).toMatch(/script-src 'self' 'unsafe-inline'/)
    expect(dev).toMatch(/connect-src 'self' ws:\/\/localhost:\*/)
  })

  it('only ever applies to the dev server, never to a build', () => {
    expect(devCsp().apply).toBe('serve')
    expect(cspOf(html)).not.toContain('unsafe-inline')
    expect(dev).not.toContain('unsafe-eval')
  })
})
