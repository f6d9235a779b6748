import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaticServer } from '../../../src-main/bridge/static-server'

let server: Server
let port: number
let root: string
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'krev-static-'))
  writeFileSync(join(root, 'index.html'), '<html><head></head></html>')
  server = createStaticServer(root)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()))
  rmSync(root, { recursive: true, force: true })
})

function get(path: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume()
      ok(res.statusCode ?? 0)
    })
    req.on('error', fail)
    req.end()
  })
}

describe('preview static server', () => {
  it('serves the page on its own loopback names', async () => {
    expect(await get('/')).toBe(200)
    expect(await get('/', `localhost:${port}`)).toBe(200)
  })
  it('answers bad percent-encoding with 400, not 500', async () => {
    expect(await get('/%E0%A4%A')).toBe(400)
    expect(await get('/%')).toBe(400)
  })
  it('refuses a foreign Host (DNS rebinding)', async () => {
    expect(await get('/', 'attacker.example')).toBe(421)
    expect(await get('/', `attacker.example:${port}`)).toBe(421)
  })
})
