// Krev calls through the system proxy, without Electron: Chromium (session.resolveProxy)
// answers "which proxy for this URL" — PAC scripts and OS settings included — and this
// module opens the connection. Pure Node, so it is unit-tested against a local proxy.
//
// Why not Electron's net.fetch: the client depends on things only a socket gives it —
// knowing whether the TLS handshake with Krev completed before a failure (what makes a
// POST retry safe), a connect timeout apart from the response timeout, the connect-time
// public-address check on media hosts, and destroying the socket the moment a body cap is
// passed. An https.Agent whose connections go DIRECT or through an HTTP CONNECT tunnel
// keeps all of that; the TLS session is still end-to-end with Krev, so the proxy sees only
// the host name, never the key.
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import type { Duplex } from 'node:stream'

export type ProxyChoice = { kind: 'direct' } | { kind: 'http'; host: string; port: number }

/**
 * Chromium's answer, e.g. "PROXY proxy.corp:8080; DIRECT", in order of preference.
 * HTTPS/SOCKS proxies are not supported here and are skipped (the next entry is used);
 * an empty or unparseable answer means DIRECT, as in Chromium.
 */
export function parseProxyList(raw: string): ProxyChoice[] {
  const out: ProxyChoice[] = []
  let recognised = false
  for (const entry of raw.split(';')) {
    const [type = '', address = ''] = entry.trim().split(/\s+/, 2)
    const kind = type.toUpperCase()
    if (PROXY_TYPES.has(kind)) recognised = true
    if (kind === 'DIRECT') out.push({ kind: 'direct' })
    else if (kind === 'PROXY') {
      const parsed = parseHostPort(address)
      if (parsed) out.push({ kind: 'http', ...parsed })
    }
  }
  // Nothing Chromium could have meant (empty or garbage) → DIRECT. Known-but-unsupported
  // entries only (e.g. "SOCKS5 s:1") stay empty: never go around a configured proxy.
  if (!recognised) out.push({ kind: 'direct' })
  return out
}

/** Chromium's proxy-list entry types (net/base/proxy_server.cc). */
const PROXY_TYPES = new Set(['DIRECT', 'PROXY', 'HTTPS', 'SOCKS', 'SOCKS4', 'SOCKS5', 'QUIC'])

function parseHostPort(address: string): { host: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(address)
  if (!m) return null
  const port = Number(m[2])
  if (port < 1 || port > 65535) return null
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port }
}

/** Opens a CONNECT tunnel to host:port through an HTTP proxy; resolves with the raw socket. */
export function connectTunnel(proxy: { host: string; port: number }, host: string, port: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
    const req = http.request({ host: proxy.host, port: proxy.port, method: 'CONNECT', path: authority, headers: { Host: authority } })
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket)
      socket.destroy()
      const error: NodeJS.ErrnoException = new Error(`proxy refused the tunnel (HTTP ${res.statusCode})`)
      // 407: the proxy wants credentials we do not have (see the report: no proxy auth yet).
      error.code = res.statusCode === 407 ? 'EPROXYAUTH' : 'EPROXYREFUSED'
      reject(error)
    })
    req.once('error', reject)
    req.end()
  })
}

function isProxyAnswer(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'EPROXYAUTH' || code === 'EPROXYREFUSED'
}

export interface ProxyAgentOptions extends https.AgentOptions {
  /** Chromium's proxy answer for a URL ("PROXY h:p; DIRECT"). */
  resolveProxy(url: string): Promise<string>
}

/**
 * An https.Agent that asks `resolveProxy` for every new connection and goes DIRECT or
 * through a CONNECT tunnel, trying entries in order as Chromium does when one fails.
 * Kept-alive sockets are pooled as usual.
 */
export class ProxyTunnelAgent extends https.Agent {
  readonly #resolveProxy: (url: string) => Promise<string>

  constructor({ resolveProxy, ...options }: ProxyAgentOptions) {
    super(options)
    this.#resolveProxy = resolveProxy
  }

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const done = callback ?? (() => undefined)
    const host = String(options.host ?? options.hostname ?? 'localhost')
    const port = Number(options.port ?? 443)
    const direct = (): Duplex => super.createConnection(options) as Duplex
    void this.#resolveProxy(`https://${host.includes(':') ? `[${host}]` : host}:${port}/`)
      .then(parseProxyList, () => [{ kind: 'direct' } as ProxyChoice])
      .then(async (choices) => {
        let last: unknown = Object.assign(new Error('no usable proxy for this address'), { code: 'EPROXYUNSUPPORTED' })
        for (const choice of choices) {
          if (choice.kind === 'direct') return direct()
          try {
            const raw = await connectTunnel(choice, host, port)
            // TLS with Krev itself over the tunnel: certificate checks as for a direct socket.
            return tls.connect({ ...(options as tls.ConnectionOptions), socket: raw as net.Socket, servername: options.servername ?? (net.isIP(host) ? undefined : host) })
          } catch (error) {
            // A proxy that answered (407, 403…) is authoritative: falling through to DIRECT
            // would bury its clear error under a firewall timeout. Only an unreachable proxy
            // moves on to the next entry, as in Chromium.
            if (isProxyAnswer(error)) throw error
            last = error
          }
        }
        throw last
      })
      .then(
        (socket) => done(null, socket),
        (error: Error) => done(error, undefined as unknown as Duplex)
      )
    return undefined
  }
}

/**
 * The OS certificate store added to Node's bundled roots, where this Node can read it
 * (tls.getCACertificates('system'), Node ≥ 22.15): a corporate TLS-inspecting proxy's root,
 * installed in the OS, is then trusted as Chromium trusts it. Undefined means "Node's roots".
 */
export function systemCertificates(): string[] | undefined {
  const get = (tls as unknown as { getCACertificates?: (type: string) => string[] }).getCACertificates
  if (typeof get !== 'function') return undefined
  try {
    const system = get('system')
    return system.length > 0 ? [...get('default'), ...system] : undefined
  } catch {
    return undefined
  }
}
