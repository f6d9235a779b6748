import { promises as dns } from 'node:dns'
import { isIP } from 'node:net'
import { AppError } from '../core/app-error'
import { invalidInput } from './errors'

/**
 * User-supplied URLs are handed to Krev, whose servers fetch them. A URL pointing at a
 * loopback, link-local (cloud metadata), private or otherwise non-public address would
 * let a pasted link probe networks it should never see, and file:/javascript:/http: are
 * never what a creator means. So: https only, no credentials, public host by name AND
 * by every address it resolves to. The embedded sandbox's own media origin is the one
 * exception (trustedOrigins).
 *
 * Numeric host forms (2130706433, 0x7f.1, 0177.0.0.1) are normalised to dotted IPv4 by
 * the WHATWG URL parser before we look at them, so one IPv4 check covers them all.
 */

export const MAX_URL_LENGTH = 2048

export interface UrlGuardOptions {
  resolveHost?: (host: string) => Promise<string[]>
  trustedOrigins?: readonly string[]
  /** How the field is named in messages, e.g. "Reference image 2". */
  label?: string
}

export const defaultResolveHost = async (host: string): Promise<string[]> =>
  (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address)

// ---- IPv4 -------------------------------------------------------------------------

function parseIPv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s)
  if (!m) return null
  const octets = m.slice(1).map(Number)
  if (octets.some((o) => o > 255)) return null
  return ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0
}

const v4 = (cidr: string): [number, number] => {
  const [ip, bits] = cidr.split('/')
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0
  return [((parseIPv4(ip) as number) & mask) >>> 0, mask]
}

/** Everything that is not globally reachable unicast (IANA special-purpose registry). */
const NON_PUBLIC_V4 = [
  '0.0.0.0/8', // "this network", includes 0.0.0.0
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local, incl. 169.254.169.254 cloud metadata
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4' // reserved, incl. 255.255.255.255
].map(v4)

const isPublicV4 = (n: number): boolean => !NON_PUBLIC_V4.some(([net, mask]) => ((n & mask) >>> 0) === net)

// ---- IPv6 -------------------------------------------------------------------------

/** Eight 16-bit groups, or null. Accepts "::" compression and a trailing dotted IPv4. */
function parseIPv6(input: string): number[] | null {
  let s = input.toLowerCase()
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1)
  const zone = s.indexOf('%')
  if (zone >= 0) s = s.slice(0, zone)
  if (s.includes('.')) {
    const at = s.lastIndexOf(':')
    const n = parseIPv4(s.slice(at + 1))
    if (n === null) return null
    s = `${s.slice(0, at + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`
  }
  const halves = s.split('::')
  if (halves.length > 2) return null
  const parse = (part: string): number[] | null => {
    if (part === '') return []
    const groups = part.split(':')
    if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null
    return groups.map((g) => parseInt(g, 16))
  }
  const head = parse(halves[0])
  const tail = halves.length === 2 ? parse(halves[1]) : []
  if (!head || !tail) return null
  if (halves.length === 1) return head.length === 8 ? head : null
  const missing = 8 - head.length - tail.length
  if (missing < 1) return null
  return [...head, ...new Array<number>(missing).fill(0), ...tail]
}

function isPublicV6(g: number[]): boolean {
  const embeddedV4 = ((g[6] << 16) | g[7]) >>> 0
  const zeroPrefix = (n: number) => g.slice(0, n).every((x) => x === 0)
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compat, incl. :: and ::1): judge the IPv4.
  if (zeroPrefix(5) && g[5] === 0xffff) return isPublicV4(embeddedV4)
  if (zeroPrefix(6)) return isPublicV4(embeddedV4) && embeddedV4 > 1
  // 64:ff9b::/96 NAT64 embeds an IPv4 too; 64:ff9b:1::/48 is local-use.
  if (g[0] === 0x64 && g[1] === 0xff9b) return g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0 && isPublicV4(embeddedV4)
  // 2002::/16 (6to4) embeds the IPv4 in groups 1..2.
  if (g[0] === 0x2002) return isPublicV4(((g[1] << 16) | g[2]) >>> 0)
  // Global unicast is 2000::/3; everything else (fc00::/7, fe80::/10, ff00::/8, …) is not.
  if ((g[0] & 0xe000) !== 0x2000) return false
  if (g[0] === 0x2001 && g[1] === 0x0db8) return false // documentation
  if (g[0] === 0x2001 && g[1] < 0x0200) return false // Teredo, benchmarking, ORCHID…
  return true
}

/** True only for a literal IP address that is globally routable unicast. */
export function isPublicAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address
  const family = isIP(bare.split('%')[0])
  if (family === 4) {
    const n = parseIPv4(bare)
    return n !== null && isPublicV4(n)
  }
  if (family === 6) {
    const g = parseIPv6(bare)
    return g !== null && isPublicV6(g)
  }
  return false
}

// ---- URLs -------------------------------------------------------------------------

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|home\.arpa|localdomain)$/

function normaliseOrigins(origins: readonly string[] | undefined): Set<string> {
  const set = new Set<string>()
  for (const o of origins ?? []) {
    try {
      set.add(new URL(o).origin)
    } catch {
      // A bad entry trusts nothing.
    }
  }
  return set
}

/** True when `url` belongs to one of the trusted origins (exact scheme, host and port). */
export function isTrustedOrigin(url: string, trustedOrigins: readonly string[] | undefined): boolean {
  try {
    return normaliseOrigins(trustedOrigins).has(new URL(url).origin)
  } catch {
    return false
  }
}

/**
 * Checks everything that can be checked without the network. Returns the parsed URL and,
 * when the host is a name rather than an address, that name for DNS.
 */
export function checkUrlSyntax(raw: unknown, opts: UrlGuardOptions = {}): { url: URL; hostToResolve: string | null } {
  const label = opts.label ?? 'The image link'
  if (typeof raw !== 'string' || raw.trim() === '') throw invalidInput(`${label} is empty.`)
  if (raw.length > MAX_URL_LENGTH) throw invalidInput(`${label} is too long (at most ${MAX_URL_LENGTH} characters).`)
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw invalidInput(`${label} is not a valid web address.`)
  }
  if (normaliseOrigins(opts.trustedOrigins).has(url.origin) && !url.username && !url.password) {
    return { url, hostToResolve: null }
  }
  if (url.protocol !== 'https:') throw invalidInput(`${label} must be an https:// link to a public website.`)
  if (url.username || url.password) throw invalidInput(`${label} must not contain a user name or password.`)
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (!host) throw invalidInput(`${label} has no website name.`)
  const literal = host.startsWith('[') ? host.slice(1, -1) : host
  if (isIP(literal)) {
    if (!isPublicAddress(literal)) throw privateHost(label)
    return { url, hostToResolve: null }
  }
  if (LOCAL_NAMES.test(host) || !host.includes('.')) throw privateHost(label)
  return { url, hostToResolve: host }
}

const privateHost = (label: string): AppError =>
  invalidInput(`${label} points to a local or private network address. Use a public https:// link.`)

/**
 * Refuses anything but https to a public host, including after DNS resolution: every
 * address the name resolves to must be public (a single private answer is enough to
 * refuse). Throws AppError('invalid_input'); DNS outages throw a retryable 'network'.
 */
export async function assertPublicHttpsUrl(raw: unknown, opts: UrlGuardOptions = {}): Promise<URL> {
  const label = opts.label ?? 'The image link'
  const { url, hostToResolve } = checkUrlSyntax(raw, opts)
  if (hostToResolve === null) return url
  const resolve = opts.resolveHost ?? defaultResolveHost
  let addresses: string[]
  try {
    addresses = await resolve(hostToResolve)
  } catch (e) {
    const code = (e as { code?: unknown })?.code
    if (code === 'ENOTFOUND' || code === 'ENODATA') {
      throw invalidInput(`${label} points to a website that could not be found (${hostToResolve}).`)
    }
    throw new AppError('network', `Could not look up ${hostToResolve}. Check your internet connection.`, {
      cause: new Error(typeof code === 'string' ? code : 'DNS lookup failed')
    })
  }
  if (addresses.length === 0) {
    throw invalidInput(`${label} points to a website that could not be found (${hostToResolve}).`)
  }
  if (!addresses.every(isPublicAddress)) throw privateHost(label)
  return url
}
