// Notification: shown notifications are recorded; `failed` can be emitted by tests.
import { EventEmitter } from 'node:events'
import { record } from './record'

export const shownNotifications: Array<Record<string, unknown>> = []

export class Notification extends EventEmitter {
  constructor(readonly options: Record<string, unknown> = {}) {
    super()
  }

  static isSupported(): boolean {
    return true
  }

  show(): void {
    record('Notification.show', { title: this.options['title'] })
    shownNotifications.push({ ...this.options })
    this.emit('show')
  }

  close(): void {
    this.emit('close')
  }
}
