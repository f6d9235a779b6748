/**
 * `npm run sandbox -- --port 4010 [--key sk_live_…] [--credits 2500] [--data DIR] [--speed 1] [--no-pixel]`
 * Starts the local Krev API sandbox and prints its base URL and key. The data dir keeps
 * only key hashes, so without --key every start prints a freshly minted key (keys from
 * earlier starts keep working); pass --key to get the same one each time.
 */
import { parseArgs } from 'node:util'
import { startSandbox } from '../src-main/sandbox'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    key: { type: 'string' },
    credits: { type: 'string' },
    data: { type: 'string' },
    speed: { type: 'string', default: '1' },
    'no-pixel': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false }
  },
  strict: true
})

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} must be a non-negative number`)
    process.exit(2)
  }
  return value
}

const sandbox = await startSandbox({
  port: number('port', values.port),
  key: values.key,
  credits: number('credits', values.credits),
  dataDir: values.data,
  speed: number('speed', values.speed) || 1,
  metaPixel: !values['no-pixel'],
  log: values.quiet ? undefined : (line) => console.log(line)
}).catch((error: unknown) => {
  console.error(`Could not start the sandbox: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

console.log(`Krev sandbox ready
  base URL:     ${sandbox.baseUrl}/api/v1
  API key:      ${sandbox.key}
  OpenAPI:      ${sandbox.baseUrl}/api/v1/openapi.json
  admin token:  ${sandbox.adminToken}   (header x-sandbox-admin, for /__sandbox/*)
  session:      krev_session=${sandbox.dashboardSession}   (cookie, for /api/v1/keys)
  data dir:     ${sandbox.dataDir}`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    console.log(`\n${signal}: stopping the sandbox…`)
    void sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      }
    )
  })
}
