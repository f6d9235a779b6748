import { EventBus } from '../../../src-main/ipc/event-bus'
import type { KrevClient } from '../../../src-main/krev'
import { defaultSleep } from '../../../src-main/krev/retry'
import { createMediaStore } from '../../../src-main/media/media-store'
import { mediaUrlFactory } from '../../../src-main/media/media-url'
import { createQueueFeature, type QueueFeature } from '../../../src-main/queue/create-queue'

type QueueDeps = Parameters<typeof createQueueFeature>[0]

/**
 * The real queue feature on `dataDir`, talking to `client` in sandbox mode, with waits 10×
 * shorter than the app's; an invalid event fails the test. `extra` overrides any dep.
 */
export function testQueue(dataDir: string, client: KrevClient, extra: Partial<QueueDeps> = {}): QueueFeature {
  return createQueueFeature({
    connection: { mode: () => 'sandbox', client: async () => client, reportOnline: () => undefined, onChange: () => () => undefined },
    bus: new EventBus((name, issue) => {
      throw new Error(`invalid event ${name}: ${issue}`)
    }),
    dataDir,
    settings: { get: () => ({ pollConcurrency: 2, downloadConcurrency: 1 }) },
    mediaStore: createMediaStore(dataDir),
    mediaUrl: mediaUrlFactory('/__krev/media'),
    host: { reveal: () => false, chooseExportFolder: async () => null },
    onCreditsMaybeChanged: () => undefined,
    sleep: (ms, signal) => defaultSleep(ms / 10, signal),
    ...extra
  })
}
