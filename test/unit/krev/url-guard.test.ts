import { describe, expect, it } from 'vitest'
import { assertPublicHttpsUrl, checkUrlSyntax, isPublicAddress } from '../../../src-main/krev/url-guard'
import { caught } from './helpers'

const publicDns = async () => ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']

const BAD: [string, string][] = [
  ['file:///etc/passwd', 'file scheme'],
  ['http://example.com/a.jpg', 'plain http'],
  ['javascript:alert(1)', 'javascript scheme'],
  ['data:image/png;base64,iVBORw0KGgo=', 'data URL'],
  ['ftp://example.com/a.jpg', 'ftp'],
  ['https://user:pass@example.com/a.jpg', 'userinfo'],
  ['https://user@example.com/a.jpg', 'user only'],
  ['https://localhost/a.jpg', 'localhost'],
  ['https://LOCALHOST./a.jpg', 'localhost with trailing dot'],
  ['https://media.localhost/a.jpg', '*.localhost'],
  ['https://printer.local/a.jpg', 'mDNS .local'],
  ['https://intranet/a.jpg', 'single-label name'],
  ['https://127.0.0.1/a.jpg', 'IPv4 loopback'],
  ['https://127.1.2.3/a.jpg', 'IPv4 loopback range'],
  ['https://0.0.0.0/a.jpg', 'unspecified'],
  ['https://0/a.jpg', '0 shorthand'],
  ['https://2130706433/a.jpg', 'decimal loopback'],
  ['https://0x7f000001/a.jpg', 'hex loopback'],
  ['https://0x7f.0.0.1/a.jpg', 'hex octet loopback'],
  ['https://0177.0.0.1/a.jpg', 'octal loopback'],
  ['https://127.1/a.jpg', 'short form loopback'],
  ['https://169.254.169.254/latest/meta-data', 'cloud metadata'],
  ['https://169.254.1.1/a.jpg', 'link-local'],
  ['https://10.0.0.5/a.jpg', '10/8'],
  ['https://172.16.0.1/a.jpg', '172.16/12 low'],
  ['https://172.31.255.255/a.jpg', '172.16/12 high'],
  ['https://192.168.1.10/a.jpg', '192.168/16'],
  ['https://100.64.0.1/a.jpg', 'CGNAT low'],
  ['https://100.127.255.254/a.jpg', 'CGNAT high'],
  ['https://224.0.0.1/a.jpg', 'multicast'],
  ['https://255.255.255.255/a.jpg', 'broadcast'],
  ['https://[::1]/a.jpg', 'IPv6 loopback'],
  ['https://[::]/a.jpg', 'IPv6 unspecified'],
  ['https://[fe80::1]/a.jpg', 'IPv6 link-local'],
  ['https://[febf::1]/a.jpg', 'IPv6 link-local upper'],
  ['https://[fc00::1]/a.jpg', 'ULA fc'],
  ['https://[fd12:3456::1]/a.jpg', 'ULA fd'],
  ['https://[ff02::1]/a.jpg', 'IPv6 multicast'],
  ['https://[::ffff:127.0.0.1]/a.jpg', 'IPv4-mapped loopback'],
  ['https://[::ffff:169.254.169.254]/a.jpg', 'IPv4-mapped metadata'],
  ['https://[::ffff:10.0.0.1]/a.jpg', 'IPv4-mapped private'],
  ['https://[::ffff:7f00:1]/a.jpg', 'IPv4-mapped hex form'],
  ['https://[::127.0.0.1]/a.jpg', 'IPv4-compatible loopback'],
  ['https://[64:ff9b::a9fe:a9fe]/a.jpg', 'NAT64 of metadata'],
  ['https://[2002:7f00:1::]/a.jpg', '6to4 of loopback'],
  ['https://[2001:db8::1]/a.jpg', 'documentation range'],
  ['not a url', 'garbage'],
  ['', 'empty'],
  [`https://example.com/${'a'.repeat(2100)}`, 'too long']
]

const GOOD = [
  'https://example.com/product.jpg',
  'https://cdn.example.co.uk:8443/a/b.png?x=1',
  'https://93.184.216.34/a.jpg',
  'https://[2606:2800:220:1:248:1893:25c8:1946]/a.jpg',
  'https://[::ffff:93.184.216.34]/a.jpg',
  'https://100.128.0.1/a.jpg', // just outside CGNAT
  'https://172.32.0.1/a.jpg', // just outside 172.16/12
  'https://xn--bcher-kva.example/a.jpg'
]

describe('assertPublicHttpsUrl', () => {
  it.each(BAD)('refuses %s (%s)', async (url) => {
    const err = await caught(assertPublicHttpsUrl(url, { resolveHost: publicDns }))
    expect(err.code).toBe('invalid_input')
    expect(err.retryable).toBe(false)
    expect(err.message).toMatch(/link|address|empty|long/i)
  })

  it.each(GOOD)('accepts %s', async (url) => {
    await expect(assertPublicHttpsUrl(url, { resolveHost: publicDns })).resolves.toBeInstanceOf(URL)
  })

  it('refuses a public-looking name that resolves to a private address', async () => {
    const err = await caught(
      assertPublicHttpsUrl('https://evil.example/a.jpg', { resolveHost: async () => ['169.254.169.254'] })
    )
    expect(err.code).toBe('invalid_input')
    expect(err.message).toMatch(/private network/)
  })

  it('refuses when any one of several resolved addresses is private', async () => {
    const err = await caught(
      assertPublicHttpsUrl('https://evil.example/a.jpg', {
        resolveHost: async () => ['93.184.216.34', '::ffff:192.168.0.1']
      })
    )
    expect(err.code).toBe('invalid_input')
  })

  it('refuses a name that resolves to nothing, and reports DNS outages as network', async () => {
    expect((await caught(assertPublicHttpsUrl('https://a.example/x', { resolveHost: async () => [] }))).code).toBe(
      'invalid_input'
    )
    const notFound = Object.assign(new Error('nf'), { code: 'ENOTFOUND' })
    expect(
      (await caught(assertPublicHttpsUrl('https://a.example/x', { resolveHost: () => Promise.reject(notFound) }))).code
    ).toBe('invalid_input')
    const again = Object.assign(new Error('try again'), { code: 'EAI_AGAIN' })
    const err = await caught(assertPublicHttpsUrl('https://a.example/x', { resolveHost: () => Promise.reject(again) }))
    expect(err.code).toBe('network')
    expect(err.retryable).toBe(true)
  })

  it('does not resolve IP literals', async () => {
    let calls = 0
    await assertPublicHttpsUrl('https://93.184.216.34/a.jpg', {
      resolveHost: async () => {
        calls++
        return []
      }
    })
    expect(calls).toBe(0)
  })

  it('accepts trusted media origins (the sandbox) even on loopback http, and only those', async () => {
    const trustedOrigins = ['http://127.0.0.1:4567']
    await expect(
      assertPublicHttpsUrl('http://127.0.0.1:4567/media/x.png?sig=1', { trustedOrigins, resolveHost: publicDns })
    ).resolves.toBeInstanceOf(URL)
    expect((await caught(assertPublicHttpsUrl('http://127.0.0.1:4568/media/x.png', { trustedOrigins }))).code).toBe(
      'invalid_input'
    )
    expect(
      (await caught(assertPublicHttpsUrl('http://u:p@127.0.0.1:4567/media/x.png', { trustedOrigins }))).code
    ).toBe('invalid_input')
  })

  it('names the field in its message', () => {
    expect(() => checkUrlSyntax('http://x.example', { label: 'Reference image 2' })).toThrow(
      'Reference image 2 must be an https:// link to a public website.'
    )
  })
})

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['192.168.0.1', false],
    ['169.254.169.254', false],
    ['100.64.0.0', false],
    ['0.0.0.0', false],
    ['2001:4860:4860::8888', true],
    ['::1', false],
    ['fe80::1%eth0', false],
    ['fc00::', false],
    ['::ffff:8.8.8.8', true],
    ['::ffff:127.0.0.1', false],
    ['not-an-ip', false]
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected)
  })
})
