// `protocol` and `session.protocol`. Electron's rules (docs, api/protocol.md):
// - registerSchemesAsPrivileged "can only be used before the ready event of the app
//   module gets emitted and can be called only once";
// - every other method "can only be used after the ready event";
// - handle() on a scheme that already has a handler throws.
// A request reaches the handler with the URL as Chromium canonicalised it: for a
// *standard* scheme `..`, `%2e%2e` and friends are resolved before the handler runs,
// for a non-standard one the path is opaque (like file: without relative resolution).
import { record, requireBeforeReady, requireReady, violate } from './record'

export interface CustomScheme {
  scheme: string
  privileges?: Partial<Record<'standard' | 'secure' | 'bypassCSP' | 'allowServiceWorkers' | 'supportFetchAPI' | 'corsEnabled' | 'stream' | 'codeCache', boolean>>
}

type Handler = (request: Request) => Response | Promise<Response>

const privileged = new Map<string, CustomScheme['privileges']>()
let registeredOnce = false

export function privilegesOf(scheme: string): CustomScheme['privileges'] | undefined {
  return privileged.get(scheme)
}

export function registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
  record('protocol.registerSchemesAsPrivileged', schemes)
  requireBeforeReady('protocol.registerSchemesAsPrivileged', 'should be called before app is ready')
  if (registeredOnce) violate('protocol.registerSchemesAsPrivileged can be called only once')
  registeredOnce = true
  for (const s of schemes) {
    if (!/^[a-z][a-z0-9+.-]*$/.test(s.scheme)) violate(`protocol.registerSchemesAsPrivileged: invalid scheme "${s.scheme}"`)
    privileged.set(s.scheme, { ...s.privileges })
  }
}

export class Protocol {
  readonly handlers = new Map<string, Handler>()

  constructor(private readonly owner: string) {}

  handle(scheme: string, handler: Handler): void {
    record(`${this.owner}.handle`, { scheme })
    requireReady(`${this.owner}.handle`)
    if (this.handlers.has(scheme)) violate(`Failed to register protocol: ${scheme}`)
    this.handlers.set(scheme, handler)
  }

  unhandle(scheme: string): void {
    record(`${this.owner}.unhandle`, { scheme })
    requireReady(`${this.owner}.unhandle`)
    this.handlers.delete(scheme)
  }

  isProtocolHandled(scheme: string): boolean {
    requireReady(`${this.owner}.isProtocolHandled`)
    return this.handlers.has(scheme)
  }

  /**
   * Test control: what the network service does for a page request to a custom scheme.
   * Returns the handler's Response, or Chromium's net error as a thrown Error.
   */
  async request(rawUrl: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const scheme = rawUrl.slice(0, rawUrl.indexOf(':'))
    const handler = this.handlers.get(scheme)
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${rawUrl}`)
    // WHATWG parsing resolves dot segments (and %2e) like Chromium's standard-URL
    // canonicaliser; a scheme that was never registered standard keeps its raw path.
    const url = privileged.get(scheme)?.standard ? new URL(rawUrl).href : rawUrl
    // Electron builds a fetch Request from the URL (lib/browser/api/protocol.ts); one it
    // cannot build (credentials in the URL) fails the load with net::ERR_FAILED, unhandled.
    let request: Request
    try {
      request = new Request(url, { method: init.method ?? 'GET', headers: init.headers ?? {} })
    } catch (error) {
      throw new Error(`net::ERR_FAILED ${rawUrl} (${String(error)})`)
    }
    const reply = await handler(request)
    if (!(reply instanceof Response)) violate(`protocol handler for ${scheme}: must return a Response (got ${typeof reply})`)
    return reply
  }
}
