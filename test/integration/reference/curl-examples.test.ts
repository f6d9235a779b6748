import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The reference's own curl examples, unchanged but for host, key and placeholder ids,
// against `npm run sandbox` as a separate process: what a developer would paste.
describe('reference curl examples against npm run sandbox', () => {
  it('all succeed in the documented shapes', () => {
    const run = spawnSync('bash', [resolve(import.meta.dirname, '../../../scripts/curl-examples.sh')], {
      encoding: 'utf8',
      timeout: 120_000
    })
    expect(run.stderr + run.stdout).toContain('All reference examples answered in the documented shapes.')
    expect(run.status).toBe(0)
    expect(run.stdout.match(/^ok {2}/gm)?.length).toBe(13)
  }, 150_000)
})
