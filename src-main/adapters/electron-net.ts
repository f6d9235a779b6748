import http from 'node:http'
import type { Session } from 'electron'
import type { AgentFactory } from '../krev/http'
import { ProxyTunnelAgent, systemCertificates } from '../desktop/proxy-tunnel'

/**
 * Krev's connection pools in the Electron app: the proxy Chromium would use for each URL
 * (system settings, PAC, WPAD via session.resolveProxy) and the OS certificate store.
 * See desktop/proxy-tunnel.ts for why this is a Node agent and not net.fetch.
 * Plain http goes direct: the client allows it only for loopback (the embedded sandbox),
 * which Chromium never proxies either.
 */
export function electronAgentFactory(session: Session): AgentFactory {
  const ca = systemCertificates()
  return (protocol, options) =>
    protocol === 'https:'
      ? new ProxyTunnelAgent({ ...options, ...(ca ? { ca } : {}), resolveProxy: (url) => session.resolveProxy(url) })
      : new http.Agent(options)
}
