import { afterEach, describe, expect, it } from 'vitest'
import { eventHandlers, unwireEvents, wireEvents } from '../../../src-renderer/src/app/wire-events'
import { useAccountStore } from '../../../src-renderer/src/stores/account'
import { useAppStore } from '../../../src-renderer/src/stores/app'
import { useQueueStore } from '../../../src-renderer/src/stores/queue'
import { useSettingsStore } from '../../../src-renderer/src/stores/settings'
import { events } from '../../../src-preload/contract'
import { installFakeBridge, removeBridge } from './fake-bridge'
import { credits, job, settings, status } from './fixtures'

/** Every pushed event the contract declares: a new one without a renderer handler fails here. */
const EVENTS = Object.keys(events)

afterEach(() => {
  unwireEvents()
  removeBridge()
})

describe('wire events', () => {
  it('handles every event in the contract', () => {
    expect(Object.keys(eventHandlers).sort()).toEqual([...EVENTS].sort())
  })

  it('subscribes each event exactly once, however often it is called', () => {
    const bridge = installFakeBridge()
    wireEvents()
    wireEvents()
    for (const e of EVENTS) expect(bridge.listeners.get(e)?.size, e).toBe(1)
    unwireEvents()
    for (const e of EVENTS) expect(bridge.listeners.get(e)?.size, e).toBe(0)
  })

  it('routes pushed payloads to the stores', () => {
    const bridge = installFakeBridge()
    wireEvents()
    bridge.emit('app.notice', { level: 'warning', message: 'Key kept for this session' })
    bridge.emit('credits.changed', credits({ current: 99 }))
    bridge.emit('settings.changed', settings({ theme: 'dark' }))
    bridge.emit('account.changed', status({ connection: { mode: 'krev', label: 'Krev · app.krev.ai', online: true } }))
    bridge.emit('queue.job', job({ id: 'q1' }))
    bridge.emit('generation.progress', { jobId: 'q1', status: 'downloading', progress: 95 })
    expect(useAppStore.getState().notices.at(-1)).toMatchObject({ level: 'warning', message: 'Key kept for this session' })
    expect(useAccountStore.getState().credits?.current).toBe(99)
    expect(useSettingsStore.getState().settings?.theme).toBe('dark')
    expect(useAppStore.getState().connection?.label).toBe('Krev · app.krev.ai')
    expect(useQueueStore.getState().jobs[0]).toMatchObject({ id: 'q1', status: 'downloading', progress: 95 })
    bridge.emit('queue.removed', { jobId: 'q1' })
    expect(useQueueStore.getState().jobs).toEqual([])
  })
})
