import { events, isEventName, type EventName, type EventPayload } from '../../src-preload/contract'

export type EventSink = (name: EventName, payload: unknown) => void

/**
 * Services publish contract events here; each transport subscribes once and forwards.
 * Payloads are validated on the way out so a service bug never reaches the renderer
 * as a malformed event.
 */
export class EventBus {
  private readonly sinks = new Set<EventSink>()
  private readonly onInvalid: (name: string, issue: string) => void

  constructor(onInvalid: (name: string, issue: string) => void = () => undefined) {
    this.onInvalid = onInvalid
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    if (!isEventName(name)) return this.onInvalid(String(name), 'unknown event')
    const parsed = events[name].safeParse(payload)
    if (!parsed.success) return this.onInvalid(name, parsed.error.issues[0]?.message ?? 'invalid payload')
    for (const sink of this.sinks) sink(name, parsed.data)
  }

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink)
    return () => this.sinks.delete(sink)
  }
}
