import { describe, expect, it } from 'vitest'
import type { ConnectionService } from '../../../src-main/account/connection'
import type { QueueConnection } from '../../../src-main/queue/queue-service'
import type { QueueFeatureDeps } from '../../../src-main/queue/create-queue'
import type { SettingsService } from '../../../src-main/settings/settings-service'

/** Compile-time checks that create-studio.ts can pass its real services as they are. */
describe('wiring', () => {
  it('the account ConnectionService and SettingsService fit the queue feature', () => {
    const asConnection = (c: ConnectionService): QueueConnection => c
    const asSettings = (s: SettingsService): QueueFeatureDeps['settings'] => s
    expect(typeof asConnection).toBe('function')
    expect(typeof asSettings).toBe('function')
  })
})
