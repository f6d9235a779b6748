import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { parseProxyList, ProxyTunnelAgent } from '../../../src-main/desktop/proxy-tunnel'

describe('parseProxyList', () => {
  it('keeps Chromium order: PROXY then DIRECT', () => {
    expect(parseProxyList('PROXY a:1; DIRECT')).toEqual([{ kind: 'http', host: 'a', port: 1 }, { kind: 'direct' }])
  })
  it('DIRECT alone, and an empty answer, mean direct', () => {
    expect(parseProxyList('DIRECT')).toEqual([{ kind: 'direct' }])
    expect(parseProxyList('')).toEqual([{ kind: 'direct' }])
    expect(parseProxyList('  ')).toEqual([{ kind: 'direct' }])
  })
  it('skips SOCKS (unsupported) and uses the next entry', () => {
    expect(parseProxyList('SOCKS5 s:1; PROXY p:2')).toEqual([{ kind: 'http', host: 'p', port: 2 }])
    expect(parseProxyList('HTTPS h:443; DIRECT')).toEqual([{ kind: 'direct' }])
  })
  it('only unsupported proxies → no choice at all (never silently direct past a configured proxy)', () => {
    expect(parseProxyList('SOCKS5 s:1')).toEqual([])
  })
  it('an unparseable answer means direct, as in Chromium', () => {
    expect(parseProxyList('garbage')).toEqual([{ kind: 'direct' }])
    expect(parseProxyList('%%% ;; ???')).toEqual([{ kind: 'direct' }])
  })
  it('drops PROXY entries with a bad address or port', () => {
    expect(parseProxyList('PROXY nohost; DIRECT')).toEqual([{ kind: 'direct' }])
    expect(parseProxyList('PROXY a:0; PROXY b:65536; PROXY c:65535')).toEqual([{ kind: 'http', host: 'c', port: 65535 }])
  })
  it('is case-insensitive on the type and tolerant of spacing', () => {
    expect(parseProxyList('  proxy   a.b-c:8080 ;direct ')).toEqual([{ kind: 'http', host: 'a.b-c', port: 8080 }, { kind: 'direct' }])
  })
  it('parses a bracketed IPv6 proxy', () => {
    expect(parseProxyList('PROXY [::1]:8080')).toEqual([{ kind: 'http', host: '::1', port: 8080 }])
  })
})

// ——— end to end, loopback only ———

interface Proxy {
  port: number
  /** The request line of every CONNECT the proxy received. */
  seen: string[]
  close(): Promise<void>
}

/** A minimal HTTP CONNECT proxy that tunnels to 127.0.0.1 only, or answers every CONNECT with `refuse`; closed when the test ends. */
async function startProxy(refuse?: string, listenHost = '127.0.0.1'): Promise<Proxy> {
  const seen: string[] = []
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => undefined)
    let buffered = Buffer.alloc(0)
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk])
      const end = buffered.indexOf('\r\n\r\n')
      if (end < 0) return
      client.off('data', onData)
      const line = buffered.subarray(0, buffered.indexOf('\r\n')).toString('latin1')
      seen.push(line)
      const [method, authority] = line.split(' ')
      const m = /^127\.0\.0\.1:(\d+)$/.exec(authority ?? '')
      if (refuse || method !== 'CONNECT' || !m) {
        client.end(refuse ?? 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')
        return
      }
      const upstream = net.connect(Number(m[1]), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(buffered.subarray(end + 4))
        client.pipe(upstream).pipe(client)
      })
      sockets.add(upstream)
      upstream.on('close', () => sockets.delete(upstream))
      upstream.on('error', () => client.destroy())
    }
    client.on('data', onData)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, listenHost, resolve)
  })
  const port = (server.address() as net.AddressInfo).port
  const proxy: Proxy = {
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
  onTestFinished(() => proxy.close())
  return proxy
}

/** A ProxyTunnelAgent destroyed when the test ends (before the proxies it went through close). */
function tunnelAgent(options: ConstructorParameters<typeof ProxyTunnelAgent>[0]): ProxyTunnelAgent {
  const agent = new ProxyTunnelAgent(options)
  onTestFinished(() => agent.destroy())
  return agent
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

let dir: string
let cert: string
let target: https.Server
let targetPort: number
const targetHits: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'krev-proxy-test-'))
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', join(dir, 'k'), '-out', join(dir, 'c'), '-days', '1'],
    { stdio: 'ignore' }
  )
  cert = readFileSync(join(dir, 'c'), 'utf8')
  target = https.createServer({ key: readFileSync(join(dir, 'k')), cert }, (req, res) => {
    targetHits.push(`${req.method} ${req.url}`)
    res.end(`hello ${req.url}`)
  })
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
  targetPort = (target.address() as net.AddressInfo).port
})

afterAll(async () => {
  target.closeAllConnections()
  await new Promise<void>((resolve) => target.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
})

function get(agent: https.Agent, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port: targetPort, path, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

describe('ProxyTunnelAgent', () => {
  it('tunnels through the proxy Chromium names and verifies TLS end to end', async () => {
    const proxy = await startProxy()
    const asked: string[] = []
    const agent = tunnelAgent({
      ca: cert,
      resolveProxy: async (url) => (asked.push(url), `PROXY 127.0.0.1:${proxy.port}; DIRECT`)
    })
    expect(await get(agent, '/via-proxy')).toEqual({ status: 200, body: 'hello /via-proxy' })
    expect(asked).toEqual([`https://127.0.0.1:${targetPort}/`])
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${targetPort} HTTP/1.1`])
    expect(targetHits).toContain('GET /via-proxy')
  })

  it('tunnels through an IPv6 proxy named as [::1]:port', async (ctx) => {
    const proxy = await startProxy(undefined, '::1').catch(() => null)
    if (!proxy) return ctx.skip() // no IPv6 loopback on this machine
    const agent = tunnelAgent({ ca: cert, resolveProxy: async () => `PROXY [::1]:${proxy.port}` })
    expect(await get(agent, '/via-ipv6')).toEqual({ status: 200, body: 'hello /via-ipv6' })
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${targetPort} HTTP/1.1`])
  })

  it('still checks the certificate through the tunnel (an untrusted cert fails)', async () => {
    const proxy = await startProxy()
    const agent = tunnelAgent({ resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` })
    await expect(get(agent, '/untrusted')).rejects.toMatchObject({ code: expect.stringMatching(/CERT|SELF_SIGNED/) })
    expect(proxy.seen).toHaveLength(1)
    expect(targetHits).not.toContain('GET /untrusted')
  })

  it('a proxy answering 407 gives a clear error and does not fall back to DIRECT', async () => {
    const proxy = await startProxy('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n')
    const agent = tunnelAgent({ ca: cert, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}; DIRECT` })
    const error = await get(agent, '/needs-auth').then(
      () => null,
      (e: NodeJS.ErrnoException) => e
    )
    expect(error?.code).toBe('EPROXYAUTH')
    expect(error?.message).toMatch(/407/)
    expect(proxy.seen).toHaveLength(1)
    expect(targetHits).not.toContain('GET /needs-auth')
  })

  it('a proxy refusing the tunnel (403) → EPROXYREFUSED naming the status', async () => {
    const proxy = await startProxy('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')
    const agent = tunnelAgent({ ca: cert, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}; DIRECT` })
    await expect(get(agent, '/forbidden')).rejects.toMatchObject({ code: 'EPROXYREFUSED', message: expect.stringContaining('403') })
    expect(targetHits).not.toContain('GET /forbidden')
  })

  it('DIRECT connects straight to the target: the proxy sees nothing', async () => {
    const proxy = await startProxy()
    const agent = tunnelAgent({ ca: cert, resolveProxy: async () => 'DIRECT' })
    expect(await get(agent, '/direct')).toEqual({ status: 200, body: 'hello /direct' })
    expect(proxy.seen).toEqual([])
  })

  it('an unreachable proxy falls back to the next entry', async () => {
    const dead = await closedPort()
    const proxy = await startProxy()
    const agent = tunnelAgent({
      ca: cert,
      resolveProxy: async () => `PROXY 127.0.0.1:${dead}; PROXY 127.0.0.1:${proxy.port}; DIRECT`
    })
    expect(await get(agent, '/fallback')).toEqual({ status: 200, body: 'hello /fallback' })
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${targetPort} HTTP/1.1`])
  })

  it('every proxy unreachable and no DIRECT → the connection error, not a silent direct connection', async () => {
    const dead = await closedPort()
    const agent = tunnelAgent({ ca: cert, resolveProxy: async () => `PROXY 127.0.0.1:${dead}` })
    await expect(get(agent, '/dead')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(targetHits).not.toContain('GET /dead')
  })

  it('only unsupported proxies → EPROXYUNSUPPORTED, nothing is contacted', async () => {
    const agent = tunnelAgent({ ca: cert, resolveProxy: async () => 'SOCKS5 127.0.0.1:1' })
    await expect(get(agent, '/socks')).rejects.toMatchObject({ code: 'EPROXYUNSUPPORTED' })
    expect(targetHits).not.toContain('GET /socks')
  })

  it('a failing resolveProxy means DIRECT', async () => {
    const agent = tunnelAgent({ ca: cert, resolveProxy: () => Promise.reject(new Error('no session')) })
    expect(await get(agent, '/resolver-failed')).toEqual({ status: 200, body: 'hello /resolver-failed' })
  })

  it('keep-alive reuses the tunnel: one CONNECT for two requests', async () => {
    const proxy = await startProxy()
    const agent = tunnelAgent({ ca: cert, keepAlive: true, maxSockets: 1, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` })
    expect((await get(agent, '/one')).body).toBe('hello /one')
    expect((await get(agent, '/two')).body).toBe('hello /two')
    expect(proxy.seen).toHaveLength(1)
  })
})
