/** The two Electron IPC channels. Every command and event travels inside them by name. */
export const INVOKE_CHANNEL = 'krev:invoke'
export const EVENT_CHANNEL = 'krev:event'
