import { describe, expect, it } from 'vitest'
import { configureTrustedOrigins, isTrustedFrameUrl } from '../../../src-main/window/trusted-origin'
import { isAllowedExternalUrl } from '../../../src-main/core/external-links'

describe('trusted frame urls', () => {
  it('trusts only the bundled renderer', () => {
    configureTrustedOrigins({ rendererIndexFile: '/opt/Krev Studio/resources/out/renderer/index.html' })
    expect(isTrustedFrameUrl('file:///opt/Krev%20Studio/resources/out/renderer/index.html')).toBe(true)
    expect(isTrustedFrameUrl('file:///opt/Krev%20Studio/resources/out/renderer/index.html#/library')).toBe(true)
    expect(isTrustedFrameUrl('file:///etc/passwd')).toBe(false)
    expect(isTrustedFrameUrl('file:///opt/Krev%20Studio/resources/out/renderer-evil/index.html')).toBe(false)
    expect(isTrustedFrameUrl('https://app.krev.ai/')).toBe(false)
    expect(isTrustedFrameUrl('http://localhost:5173/')).toBe(false)
    expect(isTrustedFrameUrl('not a url')).toBe(false)
  })

  it('trusts the dev server origin only in dev', () => {
    configureTrustedOrigins({ devServerUrl: 'http://localhost:5173/', rendererIndexFile: '/app/out/renderer/index.html' })
    expect(isTrustedFrameUrl('http://localhost:5173/index.html')).toBe(true)
    expect(isTrustedFrameUrl('http://localhost:5174/')).toBe(false)
  })

  it('escapes # and % in the install folder as Chromium does, without widening the root', () => {
    configureTrustedOrigins({ rendererIndexFile: '/home/ana/Apps #2/100% Krev/out/renderer/index.html' })
    expect(isTrustedFrameUrl('file:///home/ana/Apps%20%232/100%25%20Krev/out/renderer/index.html')).toBe(true)
    expect(isTrustedFrameUrl('file:///home/ana/Apps%20%232/100%25%20Krev/out/renderer/index.html#/queue')).toBe(true)
    expect(isTrustedFrameUrl('file:///home/ana/Apps%20/other/index.html')).toBe(false)
    expect(isTrustedFrameUrl('file:///home/ana/index.html')).toBe(false)
    configureTrustedOrigins({ rendererIndexFile: 'C:\\Users\\ana\\Krev #1\\out\\renderer\\index.html' })
    expect(isTrustedFrameUrl('file:///C:/Users/ana/Krev%20%231/out/renderer/index.html')).toBe(true)
    expect(isTrustedFrameUrl('file:///C:/Users/ana/Krev%20/x.html')).toBe(false)
  })

  it('handles Windows paths', () => {
    configureTrustedOrigins({ rendererIndexFile: 'C:\\Program Files\\Krev Studio\\out\\renderer\\index.html' })
    expect(isTrustedFrameUrl('file:///C:/Program%20Files/Krev%20Studio/out/renderer/index.html')).toBe(true)
    expect(isTrustedFrameUrl('file:///C:/Windows/system32/')).toBe(false)
  })
})

describe('external links', () => {
  it.each([
    ['https://app.krev.ai/settings/api-keys', true],
    ['https://krev.ai/', true],
    ['http://app.krev.ai/', false],
    ['https://app.krev.ai.evil.com/', false],
    ['https://evil.com/?x=app.krev.ai', false],
    ['https://user:pw@app.krev.ai/', false],
    ['https://app.krev.ai:8443/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['krev-media://asset/1', false],
    ['', false]
  ])('%s → %s', (url, ok) => {
    expect(isAllowedExternalUrl(url)).toBe(ok)
  })
})
