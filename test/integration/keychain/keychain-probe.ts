import { createKeytarSecretStore } from '../../../src-main/adapters/keytar-secret-store'
import type { SecretStore } from '../../../src-main/account/secret-store'

/**
 * Whether a real Secret Service answers here. Without one the keychain tests skip with
 * a clear message on a developer machine, but fail in CI (CI runs them under
 * scripts/with-keyring.sh, so a missing keychain there is a broken setup, not a skip).
 */

/** Tests never touch the real "Krev Studio" entry of the person running them. */
export const TEST_SERVICE = `Krev Studio (test ${process.pid})`

export interface KeychainProbe {
  store: SecretStore
  reachable: boolean
  reason: string
}

export async function probeKeychain(): Promise<KeychainProbe> {
  const store = createKeytarSecretStore({ service: TEST_SERVICE })
  const result = await store.get()
  return {
    store,
    reachable: result.ok,
    reason: result.ok ? 'available' : `${result.state}: ${result.message}`
  }
}

export const inCI = (): boolean => process.env.CI === 'true'

/** Call first in a test that needs the real keychain. */
export function requireKeychain(probe: KeychainProbe, ctx: { skip: (note?: string) => void }): void {
  if (probe.reachable) return
  const how = 'Run it with: bash scripts/with-keyring.sh npx vitest run test/integration/keychain'
  if (inCI()) throw new Error(`No Secret Service is reachable in CI (${probe.reason}). ${how}`)
  ctx.skip(`No Secret Service reachable (${probe.reason}); skipping the real-keychain test. ${how}`)
}
